import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceDefinition } from '@scripts/local-pool/pool-definition';
import { rateMs, runScheduled, scheduledEvent, scheduledFunctions } from '@scripts/local-pool/schedules';
import { closeServer } from '@test/helpers/servers';

const SERVICE = {
  service: 'cognito-flows',
  provider: { stage: 'local', region: 'us-east-1' },
  functions: {
    preSignUp: {
      name: 'cognito-flows-local-preSignUp',
      events: [{ cognitoUserPool: { pool: 'Main', trigger: 'PreSignUp' } }],
    },
    emailOutbox: { name: 'cognito-flows-local-emailOutbox', events: [{ schedule: { rate: ['rate(1 minute)'] } }] },
  },
  resources: { Resources: {} },
} as unknown as ServiceDefinition;

describe('rateMs', () => {
  it.each([
    ['rate(1 minute)', 60_000],
    ['rate(5 minutes)', 300_000],
    ['rate(2 hours)', 7_200_000],
    ['rate(1 day)', 86_400_000],
  ])('reads %s', (expression, ms) => {
    expect(rateMs(expression)).toBe(ms);
  });

  it.each(['cron(0 12 * * ? *)', 'rate(0 minutes)', 'rate(1 fortnight)'])(
    'refuses %s, saying what it runs',
    (expression) => {
      expect(() => rateMs(expression)).toThrow(
        `The local pool runs rate(<n> minute|hour|day) schedules, got "${expression}".`,
      );
    },
  );
});

describe('scheduledFunctions', () => {
  it('finds the functions the service runs on a schedule, with their deployed names', () => {
    expect(scheduledFunctions(SERVICE)).toEqual([
      {
        key: 'emailOutbox',
        functionName: 'cognito-flows-local-emailOutbox',
        expression: 'rate(1 minute)',
        everyMs: 60_000,
      },
    ]);
  });
});

describe('runScheduled', () => {
  it('invokes the function through the Lambda Invoke API with the event EventBridge sends', async () => {
    const requests: { url?: string; body: Record<string, unknown> }[] = [];
    const server = createServer(async (request: IncomingMessage, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      requests.push({ url: request.url, body: JSON.parse(body) as Record<string, unknown> });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ sent: 0 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const [target] = scheduledFunctions(SERVICE);
    try {
      const answer = await runScheduled(endpoint, target as never, 'us-east-1', new Date('2026-11-26T10:16:00.123Z'));

      expect(answer).toEqual({ sent: 0 });
      expect(requests).toEqual([
        {
          url: '/2015-03-31/functions/cognito-flows-local-emailOutbox/invocations',
          body: expect.objectContaining({
            'detail-type': 'Scheduled Event',
            source: 'aws.events',
            time: '2026-11-26T10:16:00Z',
          }),
        },
      ]);
    } finally {
      await closeServer(server);
    }
  });

  it('makes the event of the rule that runs the function', () => {
    const [target] = scheduledFunctions(SERVICE);

    expect(scheduledEvent(target as never, 'us-east-1', new Date('2026-11-26T10:16:00Z'))).toMatchObject({
      region: 'us-east-1',
      resources: ['arn:aws:events:us-east-1:000000000000:rule/cognito-flows-local-emailOutbox-schedule'],
      detail: {},
    });
  });
});
