/**
 * The failure policy: what each trigger answers when one of its dependencies fails, and how the work it could not
 * do gets done. The fault tests of test/faults/ run every row and fault listed here against the handlers, and
 * docs/failure-policy.md carries this table as {@link renderFailurePolicy} prints it (`npm run docs`).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */

import type { TriggerName } from '@functions/registry';
import { GENERIC_FAILURE_MESSAGE } from '@shared/errors';

/** A trigger of a registered function (functions/registry.ts), or the scheduled outbox. */
export type Trigger = TriggerName | 'EmailOutbox';

/**
 * How a dependency fails: it accepts connections and never answers (`hangs`), refuses them (`unreachable`),
 * answers with a throttling error (`throttled`) or an internal error (`fails`), or goes away in the middle of an
 * invocation, after the invocation's first call to it succeeded (`stops mid-run`).
 */
export type Fault = 'hangs' | 'unreachable' | 'throttled' | 'fails' | 'stops mid-run';

/**
 * What the trigger answers Cognito: it fails with the generic message (`rejects`), answers normally and logs the
 * error (`continues`), or answers so that Cognito sends its own default message (`default-message`). The scheduled
 * outbox, which no one waits for, either goes on with the next email (`continues`) or ends its run failed
 * (`next-run`).
 */
export type Outcome = 'rejects' | 'continues' | 'default-message' | 'next-run';

/** One dependency call of one trigger, the faults it was tested with, and what follows from them. */
export interface FailurePolicyRow {
  readonly id: string;
  readonly trigger: Trigger;
  readonly dependency: string;
  /** The calls, and the path of the flow that makes them. */
  readonly call: string;
  readonly faults: readonly Fault[];
  readonly outcome: Outcome;
  /** What happens to the work, and what completes it once the dependency is back. */
  readonly afterwards: string;
}

/** Every dependency call of the triggers, in table order. */
export const FAILURE_POLICY = [
  {
    id: 'pre-sign-up-link',
    trigger: 'PreSignUp',
    dependency: 'Cognito admin API',
    call: 'ListUsers, AdminLinkProviderForUser (first federated sign-in, when linking is on)',
    faults: ['hangs', 'unreachable', 'throttled', 'fails'],
    outcome: 'rejects',
    afterwards: 'No duplicate user is created. The next sign-in links the identity to the native user exactly once.',
  },
  {
    id: 'custom-message-render',
    trigger: 'CustomMessage',
    dependency: 'none (templates are bundled)',
    call: 'rendering the branded message',
    faults: ['fails'],
    outcome: 'default-message',
    afterwards:
      'The user still gets the code, in Cognito’s default message; the error is logged with the template name.',
  },
  {
    id: 'user-migration-find',
    trigger: 'UserMigration',
    dependency: 'DynamoDB (legacy users table)',
    call: 'GetItem (look up the legacy account)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'rejects',
    afterwards: 'Cognito creates no user. The next sign-in migrates the user and marks the record once.',
  },
  {
    id: 'user-migration-mark',
    trigger: 'UserMigration',
    dependency: 'DynamoDB (legacy users table)',
    call: 'UpdateItem (mark the record migrated)',
    faults: ['stops mid-run'],
    outcome: 'rejects',
    afterwards: 'Cognito creates no user. The next sign-in migrates the user and keeps the first migration time.',
  },
  {
    id: 'post-confirmation-profile',
    trigger: 'PostConfirmation',
    dependency: 'DynamoDB (user profiles table)',
    call: 'PutItem (create the profile)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'rejects',
    afterwards:
      'The user stays confirmed. A redelivery of the event creates one profile and sends one email; otherwise the first sign-in (postAuthentication) onboards the user.',
  },
  {
    id: 'post-confirmation-email-claim',
    trigger: 'PostConfirmation',
    dependency: 'DynamoDB (user profiles table)',
    call: 'UpdateItem (claim and record an email)',
    faults: ['stops mid-run'],
    outcome: 'continues',
    afterwards:
      'The profile exists and the email stays due in the outbox: emailOutbox sends it exactly once, or a redelivery does.',
  },
  {
    id: 'post-confirmation-ses',
    trigger: 'PostConfirmation',
    dependency: 'SES',
    call: 'SendEmail (welcome email, password-changed notice)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'continues',
    afterwards:
      'The attempt is counted and the email stays due in the outbox: emailOutbox sends it exactly once, with no redelivery needed.',
  },
  {
    id: 'post-confirmation-groups',
    trigger: 'PostConfirmation',
    dependency: 'Cognito admin API',
    call: 'AdminAddUserToGroup, AdminUpdateUserAttributes (default groups, then the onboarded mark)',
    faults: ['hangs', 'throttled', 'fails'],
    outcome: 'continues',
    afterwards:
      'The profile and the welcome email are not held up. The user stays unmarked: the first sign-in (or a redelivery) adds the membership and marks them; adding it again changes nothing.',
  },
  {
    id: 'post-authentication-profile',
    trigger: 'PostAuthentication',
    dependency: 'DynamoDB (user profiles table)',
    call: 'PutItem (create the profile of a user not onboarded yet)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'rejects',
    afterwards: 'The sign-in fails and nothing is written. The next sign-in onboards the user exactly once.',
  },
  {
    id: 'post-authentication-ses',
    trigger: 'PostAuthentication',
    dependency: 'SES',
    call: 'SendEmail (welcome email)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'continues',
    afterwards:
      'The user is signed in and marked onboarded. The email stays due in the outbox: emailOutbox sends it exactly once.',
  },
  {
    id: 'post-authentication-onboarding',
    trigger: 'PostAuthentication',
    dependency: 'Cognito admin API',
    call: 'AdminAddUserToGroup, AdminUpdateUserAttributes (default groups, then the onboarded mark)',
    faults: ['hangs', 'throttled', 'fails'],
    outcome: 'continues',
    afterwards:
      'The user is signed in with a profile and one welcome email, and stays unmarked: the next sign-in adds the membership and marks them.',
  },
  {
    id: 'post-authentication-sign-in',
    trigger: 'PostAuthentication',
    dependency: 'DynamoDB (user profiles table)',
    call: 'UpdateItem (record the sign-in, with recordLastSignIn)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'continues',
    afterwards: 'The user is signed in; the next sign-in is recorded. An onboarded user’s sign-in makes no other call.',
  },
  {
    id: 'email-outbox-query',
    trigger: 'EmailOutbox',
    dependency: 'DynamoDB (user profiles table)',
    call: 'Query (the outbox index)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'next-run',
    afterwards: 'Nothing is sent, and nothing is lost: the next run, a minute later, sends every due email once.',
  },
  {
    id: 'email-outbox-ses',
    trigger: 'EmailOutbox',
    dependency: 'SES',
    call: 'SendEmail (a due email)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'continues',
    afterwards:
      'The attempt is counted; the email is tried again 1, 2, 4… minutes later and sent once, or parked after emailMaxAttempts (EmailsParked and its alarm).',
  },
  {
    id: 'pre-token-generation-check',
    trigger: 'PreTokenGeneration',
    dependency: 'none (claims come from the event and the settings)',
    call: 'the response check of the claims the steps set',
    faults: ['fails'],
    outcome: 'continues',
    afterwards:
      'The user gets Cognito’s tokens without the claims; the error names the rule and claim. A sign-in that was to carry a `requiredClaims` claim is refused instead. The next sign-in or refresh gets the claims once the settings are fixed.',
  },
  {
    id: 'define-auth-challenge-decide',
    trigger: 'DefineAuthChallenge',
    dependency: 'none (decided from the session)',
    call: 'deciding the next round',
    faults: ['fails'],
    outcome: 'rejects',
    afterwards:
      'Only an event it cannot read fails it, with an error naming the field; Cognito ends that sign-in and the user starts again.',
  },
  {
    id: 'create-auth-challenge-store',
    trigger: 'CreateAuthChallenge',
    dependency: 'DynamoDB (sign-in challenges table)',
    call: 'GetItem, UpdateItem (issue the code or link, claim its email)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'rejects',
    afterwards:
      'Nothing is sent; the user reads the failure and signs in again. A redelivery of the round (Cognito makes one only when it got no answer within 5 s) issues one code or link and sends one email.',
  },
  {
    id: 'create-auth-challenge-ses',
    trigger: 'CreateAuthChallenge',
    dependency: 'SES',
    call: 'SendEmail (the code or the link)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'rejects',
    afterwards:
      'The email’s claim is released; the user reads the failure and signs in again, which issues a new code or link (the failed one still counts in the send window). A redelivery of the round (Cognito makes one only when it got no answer within 5 s) gets the same code or link and sends exactly one email.',
  },
  {
    id: 'create-auth-challenge-sent-record',
    trigger: 'CreateAuthChallenge',
    dependency: 'DynamoDB (sign-in challenges table)',
    call: 'UpdateItem (record that SES accepted the email)',
    faults: ['stops mid-run'],
    outcome: 'continues',
    afterwards:
      'The user has the one email and the round its code or link. The email’s claim lapses at the invocation’s deadline: until then redeliveries send nothing; after it, a later round of the same sign-in may email the same code once more.',
  },
  {
    id: 'create-auth-challenge-key',
    trigger: 'CreateAuthChallenge',
    dependency: 'Secrets Manager',
    call: 'GetSecretValue (the magic-link key, once per container)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'rejects',
    afterwards:
      'No link is sent; codes do not need the key. A redelivery of the round signs the same link and sends it once; signing in again issues a new link.',
  },
  {
    id: 'verify-auth-challenge-response-key',
    trigger: 'VerifyAuthChallengeResponse',
    dependency: 'Secrets Manager',
    call: 'GetSecretValue (the magic-link key, once per container)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'rejects',
    afterwards: 'The link stays unused: opening it again signs in once. Codes are judged with no call at all.',
  },
  {
    id: 'verify-auth-challenge-response-used-links',
    trigger: 'VerifyAuthChallengeResponse',
    dependency: 'DynamoDB (sign-in challenges table)',
    call: 'PutItem (record the magic link’s use)',
    faults: ['hangs', 'unreachable', 'throttled'],
    outcome: 'rejects',
    afterwards: 'The link stays unused, or used by this sign-in only: opening it again signs in once.',
  },
] as const satisfies readonly FailurePolicyRow[];

/** The id of a row of {@link FAILURE_POLICY}. */
export type PolicyRowId = (typeof FAILURE_POLICY)[number]['id'];

/** The row of {@link FAILURE_POLICY} with id `Id`. */
export type PolicyRow<Id extends PolicyRowId> = Extract<(typeof FAILURE_POLICY)[number], { id: Id }>;

/** The ids of the rows of `trigger`. */
export type RowIdOf<T extends Trigger> = Extract<(typeof FAILURE_POLICY)[number], { trigger: T }>['id'];

/** The faults row `Id` lists. */
export type FaultOf<Id extends PolicyRowId> = PolicyRow<Id>['faults'][number];

/** The rows of `trigger`, in table order. */
export function rowsOf<T extends Trigger>(trigger: T): PolicyRow<RowIdOf<T>>[] {
  return FAILURE_POLICY.filter((row): row is PolicyRow<RowIdOf<T>> => row.trigger === trigger);
}

/** What Cognito, and so the user, gets for each outcome. */
export const OUTCOME_TEXT: Readonly<Record<Outcome, string>> = {
  rejects: `Fails with the generic message (“${GENERIC_FAILURE_MESSAGE}”); the cause is logged.`,
  continues: 'Answers normally; the error is logged.',
  'default-message': 'Answers with no custom message, so Cognito sends its default one.',
  'next-run': 'No one waits for it: the run fails, and the error is logged.',
};

const HEADER = ['Trigger', 'Dependency', 'Call', 'Fault', 'What Cognito gets', 'Afterwards'];

/** A table cell: pipes escaped so they cannot split the cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** The failure policy as a markdown table, every answer given within Cognito's 5-second limit. */
export function renderFailurePolicy(): string {
  const rows = FAILURE_POLICY.map((row) =>
    [row.trigger, row.dependency, row.call, row.faults.join(', '), OUTCOME_TEXT[row.outcome], row.afterwards].map(cell),
  );
  const lines = [HEADER, HEADER.map(() => '---'), ...rows].map((columns) => `| ${columns.join(' | ')} |`);
  return lines.join('\n');
}
