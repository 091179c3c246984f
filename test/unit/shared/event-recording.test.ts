import { envReader, readCommonConfig } from '@shared/config';
import { createFlowHandler } from '@shared/handler';
import { EVENT_LOG_MESSAGE } from '@shared/middleware/event-recording';
import type { TriggerDefinition } from '@shared/trigger';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogs } from '@test/helpers/log-capture';
import type { UserMigrationAuthenticationTriggerEvent } from 'aws-lambda';

const USER_MIGRATION: TriggerDefinition<UserMigrationAuthenticationTriggerEvent> = {
  trigger: 'UserMigration',
  sources: ['UserMigration_Authentication'],
  requestFields: {},
};

/** A handler of the project's plumbing with no steps, configured from `env`; it logs to stdout. */
function handlerFor(env: Record<string, string>) {
  return createFlowHandler(USER_MIGRATION, [], readCommonConfig(envReader(env)), {});
}

describe('LOG_EVENTS', () => {
  it('is off unless set to true', () => {
    expect(readCommonConfig(envReader({})).logEvents).toBe(false);
    expect(readCommonConfig(envReader({ LOG_EVENTS: 'false' })).logEvents).toBe(false);
    expect(readCommonConfig(envReader({ LOG_EVENTS: 'true' })).logEvents).toBe(true);
    expect(() => readCommonConfig(envReader({ LOG_EVENTS: 'sometimes' }))).toThrow(
      'LOG_EVENTS must be true or false, got "sometimes".',
    );
  });
});

describe('event recording', () => {
  let stdout: ReturnType<typeof captureStdoutLogs>;

  beforeEach(() => {
    stdout = captureStdoutLogs();
  });
  afterEach(() => stdout.restore());

  function loggedEntries(): Record<string, unknown>[] {
    return stdout.entries();
  }

  it('logs the incoming event at info level when LOG_EVENTS is true, without the password and with emails masked', async () => {
    const handler = handlerFor({ LOG_EVENTS: 'true' });
    const event = loadFixture('UserMigration_Authentication');

    await handler(event, lambdaContext());

    const recorded = loggedEntries().find((entry) => entry.message === EVENT_LOG_MESSAGE);
    expect(recorded).toEqual(
      expect.objectContaining({
        level: 'info',
        triggerSource: 'UserMigration_Authentication',
        event: expect.objectContaining({
          triggerSource: 'UserMigration_Authentication',
          userName: 'l***@example.com',
          request: expect.objectContaining({ password: '[redacted]' }),
        }),
      }),
    );
    expect(stdout.lines.join('\n')).not.toContain(event.request.password);
  });

  it('logs no event when LOG_EVENTS is unset', async () => {
    const handler = handlerFor({});

    await handler(loadFixture('UserMigration_Authentication'), lambdaContext());

    expect(loggedEntries().map((entry) => entry.message)).toEqual(['Trigger completed']);
  });
});
