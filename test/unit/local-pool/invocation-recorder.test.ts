import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type InvocationRecorder,
  readInvocations,
  startInvocationRecorder,
} from '@scripts/local-pool/invocation-recorder';
import { SCRUBBED } from '@scripts/local-pool/scrub';
import { loadFixture } from '@test/helpers/fixtures';
import { closeServer } from '@test/helpers/servers';

/** A stand-in for the Lambda Invoke API: echoes the event, or fails like a throwing handler for `userName` "fail". */
function fakeLambdaApi(): Server {
  return createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { userName: string; response: object };
      if (event.userName === 'fail') {
        response.writeHead(200, { 'x-amz-function-error': 'Unhandled', 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ errorType: 'Error', errorMessage: 'Incorrect username or password.', trace: ['at x'] }),
        );
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ...event, response: { finalUserStatus: 'CONFIRMED' } }));
    });
  });
}

describe('invocation recorder', () => {
  let lambdaApi: Server;
  let recorder: InvocationRecorder;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'recorder-'));
    lambdaApi = fakeLambdaApi();
    await new Promise<void>((resolve) => lambdaApi.listen(0, '127.0.0.1', resolve));
    recorder = await startInvocationRecorder({
      target: `http://127.0.0.1:${(lambdaApi.address() as AddressInfo).port}`,
      port: 0,
      logFile: join(dir, 'invocations.jsonl'),
      fixturesDir: join(dir, 'fixtures'),
    });
  });

  afterEach(async () => {
    await recorder.stop();
    await closeServer(lambdaApi);
    rmSync(dir, { recursive: true, force: true });
  });

  function invoke(event: object): Promise<Response> {
    return fetch(`${recorder.endpoint}/2015-03-31/functions/cognito-flows-local-userMigration/invocations`, {
      method: 'POST',
      body: JSON.stringify(event),
    });
  }

  it('forwards the invocation and answers with what the function returned', async () => {
    const response = await invoke(loadFixture('UserMigration_Authentication'));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(expect.objectContaining({ response: { finalUserStatus: 'CONFIRMED' } }));
  });

  it('passes a function error on as Cognito expects it, and records the message', async () => {
    const event = { ...loadFixture('UserMigration_Authentication'), userName: 'fail' };

    const response = await invoke(event);

    expect(response.headers.get('x-amz-function-error')).toBe('Unhandled');
    expect(readInvocations(join(dir, 'invocations.jsonl'))).toEqual([
      expect.objectContaining({
        functionName: 'cognito-flows-local-userMigration',
        triggerSource: 'UserMigration_Authentication',
        error: { errorType: 'Error', errorMessage: 'Incorrect username or password.' },
      }),
    ]);
  });

  it('logs each invocation with event and result, the password scrubbed', async () => {
    const event = loadFixture('UserMigration_Authentication');

    await invoke(event);

    const log = readFileSync(join(dir, 'invocations.jsonl'), 'utf8');
    const [record] = readInvocations(join(dir, 'invocations.jsonl'));
    expect(log).not.toContain(event.request.password);
    expect(record).toEqual(
      expect.objectContaining({
        triggerSource: 'UserMigration_Authentication',
        event: { ...event, request: { ...event.request, password: SCRUBBED } },
        result: expect.objectContaining({ response: { finalUserStatus: 'CONFIRMED' } }),
      }),
    );
  });

  it('saves the latest event of each trigger source as a fixture file', async () => {
    const first = loadFixture('UserMigration_Authentication');
    const latest = { ...loadFixture('UserMigration_Authentication'), userName: 'second@example.com' };

    await invoke(first);
    await invoke(latest);

    const saved = readFileSync(join(dir, 'fixtures', 'UserMigration_Authentication.json'), 'utf8');
    expect(JSON.parse(saved)).toEqual({ ...latest, request: { ...latest.request, password: SCRUBBED } });
    expect(saved).toBe(`${JSON.stringify(JSON.parse(saved), null, 2)}\n`);
  });
});
