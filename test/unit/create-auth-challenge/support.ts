import { type CreateAuthChallengeConfig, loadCreateAuthChallengeConfig } from '@functions/create-auth-challenge/config';
import { createCreateAuthChallengeHandler } from '@functions/create-auth-challenge/handler';
import type { Issue, SendWindow, SignInRecord, SignInStore } from '@functions/create-auth-challenge/sign-in-store';
import type {
  CreateAuthChallengeContext,
  CreateAuthChallengeDependencies,
  SignInMailer,
} from '@functions/create-auth-challenge/trigger';
import type { Env } from '@shared/config';
import type { SignInMethod } from '@shared/custom-auth/sign-in-method';
import type { TriggerHandler } from '@shared/handler';
import type { EmailMessage } from '@shared/mailer';
import type { LogCapture } from '@test/helpers/log-capture';
import { FIXTURE_SIGNING_KEY_NAME, fixedSigningKey } from '@test/helpers/signing-key';
import { testStepContext } from '@test/helpers/step-context';
import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';

/** The createAuthChallenge environment the tests start from: both methods on, logging everything. */
export const TEST_ENV: Env = {
  LOG_LEVEL: 'debug',
  CUSTOM_AUTH_METHODS: 'email_code,magic_link',
  SIGN_IN_CHALLENGES_TABLE: 'cognito-flows-test-sign-in-challenges',
  MAGIC_LINK_KEY_NAME: FIXTURE_SIGNING_KEY_NAME,
  EMAIL_FROM: 'Example <no-reply@example.com>',
  PRODUCT_NAME: 'Example App',
  SUPPORT_EMAIL: 'support@example.com',
  APP_URL: 'https://app.example.com',
};

/** The configuration of {@link TEST_ENV} with `overrides` applied (`undefined` unsets a variable). */
export function testConfig(overrides: Env = {}): CreateAuthChallengeConfig {
  return loadCreateAuthChallengeConfig({ ...TEST_ENV, ...overrides });
}

/** The fixed time the tests start at. */
export const NOW = new Date('2026-11-26T10:15:00.000Z');

/**
 * A {@link SignInStore} in memory with the DynamoDB store's conditions: a new issue only over the version it was
 * planned from, a claim only on the current issue, unsent and unclaimed.
 */
export function createInMemorySignInStore(): SignInStore & { records: Map<string, SignInRecord> } {
  const records = new Map<string, SignInRecord>();
  const current = (userKey: string, method: SignInMethod, issueId: string): Issue | undefined => {
    const issue = records.get(userKey)?.issues[method];
    return issue?.id === issueId ? issue : undefined;
  };
  return {
    records,
    async read(userKey) {
      return structuredClone(records.get(userKey));
    },
    async issue(userKey, method, issue, window: SendWindow, version) {
      const record = records.get(userKey);
      if ((record?.version ?? 0) !== version) return false;
      const { sentAt: _sent, claimedUntil: _claimed, ...fresh } = issue;
      records.set(userKey, {
        version: version + 1,
        window,
        issues: { ...record?.issues, [method]: fresh },
      });
      return true;
    },
    async claim(userKey, method, issueId, until, now) {
      const issue = current(userKey, method, issueId);
      if (issue === undefined || issue.sentAt !== undefined || (issue.claimedUntil ?? 0) >= now) return false;
      issue.claimedUntil = until;
      return true;
    },
    async complete(userKey, method, issueId, sentAt) {
      const issue = current(userKey, method, issueId);
      if (issue === undefined) return false;
      issue.sentAt = sentAt;
      delete issue.claimedUntil;
      return true;
    },
    async release(userKey, method, issueId) {
      const issue = current(userKey, method, issueId);
      if (issue !== undefined) delete issue.claimedUntil;
    },
  };
}

/** A mailer that records what it sends and how often it pretended to. */
export function recordingMailer(): SignInMailer & { sent: EmailMessage[]; pretended: number; send: jest.Mock } {
  const mailer = {
    sent: [] as EmailMessage[],
    pretended: 0,
    send: jest.fn(async (message: EmailMessage) => {
      mailer.sent.push(message);
    }),
    async pretend() {
      mailer.pretended += 1;
    },
  };
  return mailer;
}

/** Dependencies over memory, at a clock the test may move (`clock.now = …`). */
export function fakeDependencies() {
  const clock = { now: NOW };
  return {
    clock,
    signIns: createInMemorySignInStore(),
    mailer: recordingMailer(),
    signingKey: fixedSigningKey(),
    now: () => clock.now,
  } satisfies CreateAuthChallengeDependencies & { clock: { now: Date } };
}

/** A step context over `event`, with a logger whose lines the returned capture keeps. */
export function stepContext(
  event: CreateAuthChallengeTriggerEvent,
  config: CreateAuthChallengeConfig = testConfig(),
  dependencies: CreateAuthChallengeDependencies = fakeDependencies(),
): { context: CreateAuthChallengeContext; logs: LogCapture } {
  return testStepContext(event, config, dependencies);
}

/**
 * The handler the cross-trigger tests run (test/fuzz/, test/unit/secrets.test.ts): {@link TEST_ENV} with `env` added,
 * over dependencies in memory.
 */
export function testHandler(env: Env = {}): TriggerHandler<CreateAuthChallengeTriggerEvent> {
  return createCreateAuthChallengeHandler(testConfig(env), fakeDependencies());
}
