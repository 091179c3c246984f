/*
 * No secret in any log line: every recorded event and every hostile event, with passwords, codes, temporary
 * passwords, tokens and email addresses planted where Cognito and apps put them, through all four handlers at their
 * most verbose (LOG_LEVEL=debug, LOG_EVENTS=true). The handlers write their logs to stdout, which is captured.
 */

import type { TriggerEvent } from '@shared/trigger';
import { FUZZ_RUNS } from '@test/fuzz/containment';
import { type FuzzHandlers, fuzzHandlers } from '@test/fuzz/fuzz-handlers';
import { hostileEvent } from '@test/fuzz/hostile-events';
import { settle } from '@test/helpers/deadline';
import {
  FIXTURE_SOURCES,
  FIXTURES_BY_TRIGGER,
  type FixtureTrigger,
  fixtureStates,
  loadFixture,
} from '@test/helpers/fixtures';
import { FIXTURE_LEGACY_USER } from '@test/helpers/legacy-users';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import fc from 'fast-check';

const TRIGGERS = Object.keys(FIXTURES_BY_TRIGGER) as FixtureTrigger[];
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

let handlers: FuzzHandlers;
const logs = captureStdoutLogsOfEachTest();

beforeAll(async () => {
  handlers = await fuzzHandlers({ LOG_LEVEL: 'debug', LOG_EVENTS: 'true' });
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Runs `event` through every handler, whatever the outcome. */
async function throughEveryHandler(event: TriggerEvent): Promise<void> {
  for (const trigger of TRIGGERS) await settle(() => handlers.invoke[trigger](structuredClone(event)));
}

/** The log lines that contain one of `secrets`, with the secret found. */
function leaks(secrets: readonly string[]): { secret: string; line: string }[] {
  return logs.lines.flatMap((line) =>
    secrets.filter((secret) => line.includes(secret)).map((secret) => ({ secret, line: line.slice(0, 300) })),
  );
}

describe('the recorded events, through every handler', () => {
  it.each(FIXTURE_SOURCES)('%s: no email address or password in any log line', async (source) => {
    const event = loadFixture(source);
    const secrets = [
      ...new Set([...JSON.stringify(event).matchAll(EMAIL)].map(([address]) => address)),
      FIXTURE_LEGACY_USER.password,
    ];

    await throughEveryHandler(event);

    expect(logs.lines.length).toBeGreaterThan(TRIGGERS.length);
    expect(leaks(secrets)).toEqual([]);
  });
});

describe('the recorded states of a source, through every handler', () => {
  it.each(fixtureStates())(
    '$source $state: no email address, code or magic link in any log line',
    async ({ source, state }) => {
      const event = loadFixture(source, state);
      const request = event.request as Record<string, unknown>;
      const privateParameters = (request['privateChallengeParameters'] ?? {}) as Record<string, string>;
      const secrets = [
        ...new Set([...JSON.stringify(event).matchAll(EMAIL)].map(([address]) => address)),
        ...[request['challengeAnswer'], privateParameters['code']].filter(
          (value): value is string => typeof value === 'string' && value.length >= 6 && !value.includes('_'),
        ),
      ];

      await throughEveryHandler(event);

      expect(leaks(secrets)).toEqual([]);
    },
  );
});

describe('an event with a 1 MB attribute, logged because LOG_EVENTS is on', () => {
  it('is logged cut short with its address masked, and the handler answers', async () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.userAttributes['name'] = `${'x'.repeat(1 << 20)}.jonas.lindqvist@example.com`;
    event.request.userAttributes['family_name'] = `jonas.lindqvist@example.com ${'y'.repeat(1 << 20)}`;

    await expect(handlers.invoke.PreSignUp(event)).resolves.toBeDefined();

    const logged = logs.entries().find((entry) => entry['message'] === 'Trigger event') as {
      event: { request: { userAttributes: Record<string, string> } };
    };
    expect(logged.event.request.userAttributes['name']).toMatch(/^x{512}…\(1048604 chars\)$/);
    expect(logged.event.request.userAttributes['family_name']).toMatch(/^j\*\*\*@example\.com y+…\(1048604 chars\)$/);
  }, 10_000);
});

/** A value that reads as a secret of its kind and cannot occur in a log by chance. */
const secretText = (prefix: string) => fc.stringMatching(/^[A-Za-z0-9]{12,24}$/).map((body) => `${prefix}${body}`);
const address = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{2,20}[a-z0-9]$/),
    fc.constantFrom('example.com', 'mail.example.org', 'example.net'),
  )
  .filter(([local]) => !local.includes('..'))
  .map(([local, domain]) => `${local}@${domain}`);

/** The secrets to plant, under the names Cognito and apps give them. */
const plantedSecrets = fc.record({
  email: address,
  password: secretText('Pw-'),
  code: fc.stringMatching(/^[0-9]{8}$/),
  temporaryPassword: secretText('Tmp-'),
  token: fc.tuple(secretText('eyJ'), secretText(''), secretText('')).map((parts) => parts.join('.')),
  userNameIsEmail: fc.boolean(),
});

describe('hostile events carrying secrets, through every handler', () => {
  it('write no password, code, temporary password, token or full email address to any log line', async () => {
    await fc.assert(
      fc.asyncProperty(hostileEvent(), plantedSecrets, async (event, planted) => {
        const metadata = {
          code: planted.code,
          confirmationCode: planted.code,
          temporaryPassword: planted.temporaryPassword,
          idToken: planted.token,
          otp: planted.code,
        };
        const request: unknown = event.request;
        if (isObject(request)) {
          Object.assign(request, {
            password: planted.password,
            clientMetadata: metadata,
            validationData: { ...metadata, refreshToken: planted.token },
          });
          if (isObject(request['userAttributes'])) Object.assign(request['userAttributes'], { email: planted.email });
        }
        if (planted.userNameIsEmail) event.userName = planted.email;
        logs.lines.length = 0;

        await throughEveryHandler(event);

        expect(
          leaks([planted.email, planted.password, planted.code, planted.temporaryPassword, planted.token]),
        ).toEqual([]);
      }),
      { ...FUZZ_RUNS, numRuns: 60 },
    );
  });
});
