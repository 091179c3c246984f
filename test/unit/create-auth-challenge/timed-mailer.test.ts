import { createTimedMailer } from '@functions/create-auth-challenge/timed-mailer';

const MESSAGE = {
  from: 'a@example.com',
  to: 'b@example.com',
  replyTo: 'c@example.com',
  subject: 's',
  html: 'h',
  text: 't',
};

describe('the timed mailer', () => {
  it('pretends for the time of a first SES call before anything was sent, counting the time warming the client took', async () => {
    const waits: number[] = [];
    let spent = 0;
    const warm = jest.fn(async () => {
      spent += 20;
    });
    const mailer = createTimedMailer(
      { send: async () => undefined },
      warm,
      async (ms) => {
        waits.push(ms);
      },
      () => spent,
    );

    await mailer.pretend();

    expect(warm).toHaveBeenCalledTimes(1);
    expect(waits).toEqual([100]);
  });

  it('then waits for the median of the latest sends, sending nothing', async () => {
    const sent: unknown[] = [];
    const waits: number[] = [];
    let spent = 0;
    const mailer = createTimedMailer(
      {
        send: async (message) => {
          sent.push(message);
          spent += sent.length === 2 ? 90 : 30;
        },
      },
      async () => undefined,
      async (ms) => {
        waits.push(ms);
      },
      () => spent,
    );

    for (let send = 0; send < 3; send += 1) await mailer.send(MESSAGE);
    await mailer.pretend();

    expect(sent).toHaveLength(3);
    expect(waits).toEqual([30]);
  });
});
