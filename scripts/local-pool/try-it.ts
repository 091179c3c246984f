import { relative } from 'node:path';
import type { CodeDelivery } from './cognito/mail';
import type { InvocationRecord } from './invocation-recorder';
import type { LocalPool } from './local-pool';
import { LEGACY_DEMO_USERS } from './seed-legacy-users';

/** A password that satisfies the default policy (12+ characters, upper and lower case, digits). */
const DEMO_PASSWORD = 'Correct-Horse-42';
const NEW_PASSWORD = 'Battery-Staple-43';

/**
 * The "try it" text `npm start` prints once the pool runs: endpoints and ids, commands to copy, the legacy demo
 * accounts, and where codes, mail and logs can be seen.
 */
export function tryItText(
  pool: LocalPool,
  { projectDir, startupMs }: { projectDir: string; startupMs: number },
): string {
  const { endpoints, definition } = pool;
  const functionsPort = new URL(endpoints.functions).port;
  const tables = Object.values(definition.tables)
    .map((table) => table.TableName)
    .join(', ');
  const legacy = LEGACY_DEMO_USERS.map(
    (user) =>
      `    ${user.username.padEnd(28)} ${user.password.padEnd(24)} ${user.status === 'active' ? '' : `(${user.status})`}`,
  );
  const [firstLegacy] = LEGACY_DEMO_USERS;
  const command = 'npm run pool --';
  return [
    `Local user pool "${definition.userPool.PoolName}" is running (ready in ${(startupMs / 1000).toFixed(1)} s).`,
    '',
    `  Cognito API        ${endpoints.cognito}   (any AWS SDK: this endpoint, any region and credentials)`,
    `  User pool id       ${pool.userPoolId}`,
    `  App client id      ${pool.clientId}`,
    `  Triggers           ${endpoints.lambda}   (Lambda Invoke API, recorded; serverless-offline on port ${functionsPort})`,
    `                     ${Object.entries(definition.triggerFunctions)
      .map(([trigger, fn]) => `${trigger} → ${fn}`)
      .join(', ')}`,
    `  DynamoDB           ${endpoints.dynamodb}   tables: ${tables}`,
    `  SES                ${endpoints.ses}   open it in a browser to read the mail the triggers send`,
    `  Sign-in page       ${endpoints.page}   sign up, sign in with a password, an email code or a magic link`,
    ...pool.scheduled.map(
      ({ key, functionName, expression }) => `  Scheduled          ${key} (${functionName}), ${expression}`,
    ),
    '',
    'Try it, in another terminal:',
    `  ${command} sign-up jane@example.com '${DEMO_PASSWORD}' 'Jane Doe'`,
    `  ${command} confirm jane@example.com <code>            # the code appears below`,
    `  ${command} sign-in jane@example.com '${DEMO_PASSWORD}'`,
    ...(firstLegacy === undefined
      ? []
      : [`  ${command} sign-in ${firstLegacy.username} '${firstLegacy.password}'   # moves a legacy user in`]),
    `  ${command} forgot-password jane@example.com`,
    `  ${command} confirm-forgot-password jane@example.com <code> '${NEW_PASSWORD}'`,
    `  ${command} invite sam@example.com 'Sam Admin'           # administrator invitation`,
    `  ${command} user jane@example.com                        # attributes, status, groups, profile`,
    `  ${command} mail                                         # onboarding emails due, sent, parked; SES's mail`,
    `  ${command} sweep                                        # run the email outbox now`,
    `  ${command} help`,
    '',
    'Legacy accounts (sign in with USER_PASSWORD_AUTH to migrate them):',
    ...legacy,
    '',
    `Confirmation codes and trigger invocations are shown below. Logs: ${relative(projectDir, pool.logsDir)}/`,
    '(cognito-local.log, functions.log, invocations.jsonl). Ctrl-C stops everything; `npm start -- --reset` starts afresh.',
    '',
  ].join('\n');
}

/** One line about a confirmation code cognito-local would have sent. */
export function codeDeliveryLine({ destination, code }: CodeDelivery): string {
  return `  ✉  code ${code} for ${destination}`;
}

/** One line about a trigger invocation. */
export function invocationLine(record: InvocationRecord): string {
  const outcome =
    record.error === undefined ? 'ok' : `failed: ${record.error.errorMessage ?? record.error.errorType ?? 'error'}`;
  return `  λ  ${record.triggerSource ?? record.functionName} → ${outcome} (${record.durationMs} ms)`;
}
