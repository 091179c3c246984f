import { FUNCTIONS } from '@functions/registry';
import type { TriggerDefinition, TriggerEvent } from '@shared/trigger';
import type { BenchedFunction } from './benched-function';
import { createAuthChallenge } from './create-auth-challenge';
import { customMessage } from './custom-message';
import { defineAuthChallenge } from './define-auth-challenge';
import { postAuthentication } from './post-authentication';
import { postConfirmation } from './post-confirmation';
import { preSignUp } from './pre-sign-up';
import { preTokenGeneration } from './pre-token-generation';
import { userMigration } from './user-migration';
import { verifyAuthChallengeResponse } from './verify-auth-challenge-response';

/**
 * How the bench exercises each function of the registry (`functions/registry.ts`), by its name there. The registry
 * gives the function's trigger; an entry holds only what the bench alone knows: the configuration loader and the
 * in-memory dependencies of the warm handler, the paths, and the Cognito answers. A new function is one file in
 * this folder and one line here; a new path through a function is one entry in its `paths`.
 */
export const BENCHED_FUNCTIONS: Readonly<Record<string, BenchedFunction>> = {
  preSignUp,
  customMessage,
  userMigration,
  postConfirmation,
  preTokenGeneration,
  defineAuthChallenge,
  createAuthChallenge,
  verifyAuthChallengeResponse,
  postAuthentication,
};

/** A registered function with how the bench exercises it. */
export interface FunctionUnderBench {
  /** The function's name in the registry and serverless.yml, also the name of its package zip. */
  readonly name: string;
  /** The trigger it handles, from its declaration. */
  readonly trigger: TriggerDefinition<TriggerEvent>;
  readonly benched: BenchedFunction;
}

/**
 * Registered function `name` with its entry in `entries` (the bench's own unless a test passes others).
 *
 * @throws Error naming what is missing: the function in the registry, or its bench entry (listing those there are)
 */
export function functionUnderBench(
  name: string,
  entries: Readonly<Record<string, BenchedFunction>> = BENCHED_FUNCTIONS,
): FunctionUnderBench {
  const declaration = FUNCTIONS.find((candidate) => candidate.name === name);
  if (declaration === undefined) throw new Error(`No function "${name}" in functions/registry.ts.`);
  const benched = entries[name];
  if (benched === undefined) {
    throw new Error(
      `The bench does not exercise function "${name}": add scripts/bench/functions/<function>.ts and list it in ` +
        `BENCHED_FUNCTIONS (it has ${Object.keys(entries).join(', ') || 'none'}).`,
    );
  }
  return { name, trigger: declaration.trigger as TriggerDefinition<TriggerEvent>, benched };
}
