/**
 * The registry: every function the stack deploys, in the order serverless.yml lists them — the triggers, then the
 * scheduled functions. A new function is its folder (with its declaration in `function.ts`) and one line here;
 * serverless.yml's functions, the IAM roles, the parameter tables and the cross-trigger tests all follow from
 * these lists.
 */
import type { DeployedFunctionDeclaration, FunctionDeclaration } from '@resources/service/function-declaration';
import { CREATE_AUTH_CHALLENGE_FUNCTION } from './create-auth-challenge/function';
import { CUSTOM_MESSAGE_FUNCTION } from './custom-message/function';
import { DEFINE_AUTH_CHALLENGE_FUNCTION } from './define-auth-challenge/function';
import { EMAIL_OUTBOX_FUNCTION } from './email-outbox/function';
import { POST_AUTHENTICATION_FUNCTION } from './post-authentication/function';
import { POST_CONFIRMATION_FUNCTION } from './post-confirmation/function';
import { PRE_SIGN_UP_FUNCTION } from './pre-sign-up/function';
import { PRE_TOKEN_GENERATION_FUNCTION } from './pre-token-generation/function';
import { USER_MIGRATION_FUNCTION } from './user-migration/function';
import { VERIFY_AUTH_CHALLENGE_RESPONSE_FUNCTION } from './verify-auth-challenge-response/function';

/** Every registered trigger function. */
export const FUNCTIONS = [
  PRE_SIGN_UP_FUNCTION,
  CUSTOM_MESSAGE_FUNCTION,
  USER_MIGRATION_FUNCTION,
  POST_CONFIRMATION_FUNCTION,
  PRE_TOKEN_GENERATION_FUNCTION,
  DEFINE_AUTH_CHALLENGE_FUNCTION,
  CREATE_AUTH_CHALLENGE_FUNCTION,
  VERIFY_AUTH_CHALLENGE_RESPONSE_FUNCTION,
  POST_AUTHENTICATION_FUNCTION,
] as const;

/** The functions that run on a schedule rather than for a trigger. */
export const SCHEDULED_FUNCTIONS = [EMAIL_OUTBOX_FUNCTION] as const;

/** Every function the stack deploys: the triggers' and the scheduled ones. */
export const DEPLOYED_FUNCTIONS: readonly DeployedFunctionDeclaration[] = [...FUNCTIONS, ...SCHEDULED_FUNCTIONS];

/** A registered function's declaration. */
export type RegisteredFunction = (typeof FUNCTIONS)[number];

/** The name of a trigger with a registered function, e.g. `PreSignUp`. */
export type TriggerName = RegisteredFunction['trigger']['trigger'];

type EventOf<F> = F extends FunctionDeclaration<infer E, string> ? E : never;

/** An event of any registered trigger, typed precisely by its `triggerSource`. */
export type RegisteredEvent = EventOf<RegisteredFunction>;

/** A trigger source of a registered function, e.g. `PreSignUp_SignUp`. */
export type RegisteredSource = RegisteredEvent['triggerSource'];

/** The registered function that handles `trigger`. */
export function functionOf(trigger: string): RegisteredFunction {
  const found = FUNCTIONS.find((candidate) => candidate.trigger.trigger === trigger);
  if (found === undefined) throw new Error(`No registered function handles the ${trigger} trigger.`);
  return found;
}
