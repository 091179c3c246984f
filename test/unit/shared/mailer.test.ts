import { MessageRejected, SESClient, SESServiceException, SendEmailCommand } from '@aws-sdk/client-ses';
import { DependencyError } from '@shared/errors';
import { createSesMailer } from '@shared/mailer';
import { mockClient } from 'aws-sdk-client-mock';

// Delivery itself is tested against aws-ses-v2-local; SES refusals it cannot produce are mocked here.
const client = new SESClient({ region: 'us-east-1' });
const ses = mockClient(client);
const mailer = createSesMailer(async () => client);

const MESSAGE = {
  from: 'Example <no-reply@example.com>',
  to: 'jonas.lindqvist@example.com',
  replyTo: 'support@example.com',
  subject: 'Welcome to Example App',
  html: '<p>Welcome</p>',
  text: 'Welcome',
};

afterEach(() => ses.reset());
afterAll(() => client.destroy());

describe('createSesMailer', () => {
  it('sends one UTF-8 message with HTML and text parts and the reply-to address', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });

    await mailer.send(MESSAGE);

    expect(ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input)).toEqual([
      {
        Source: 'Example <no-reply@example.com>',
        Destination: { ToAddresses: ['jonas.lindqvist@example.com'] },
        ReplyToAddresses: ['support@example.com'],
        Message: {
          Subject: { Data: 'Welcome to Example App', Charset: 'UTF-8' },
          Body: { Html: { Data: '<p>Welcome</p>', Charset: 'UTF-8' }, Text: { Data: 'Welcome', Charset: 'UTF-8' } },
        },
      },
    ]);
  });

  it.each([
    [
      'throttling',
      new SESServiceException({
        name: 'Throttling',
        $fault: 'client',
        message: 'Maximum sending rate exceeded.',
        $metadata: {},
      }),
    ],
    ['a rejected message', new MessageRejected({ message: 'Email address is not verified.', $metadata: {} })],
  ])('turns %s into a DependencyError with the cause', async (_case, failure) => {
    ses.on(SendEmailCommand).rejects(failure);

    const error = await mailer.send(MESSAGE).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toMatchObject({ message: 'Could not send an email through SES.', cause: failure });
  });
});

describe('createSesMailer and the invocation’s abort signal', () => {
  it('passes it to SendEmail', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const { signal } = new AbortController();

    await mailer.send(MESSAGE, signal);

    expect((ses.commandCalls(SendEmailCommand)[0]?.args as unknown[] | undefined)?.[1]).toEqual({
      abortSignal: signal,
    });
  });
});
