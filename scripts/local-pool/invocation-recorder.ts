import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { scrubSecrets } from './scrub';

/** One trigger invocation the local pool made, as written to the invocation log (one JSON object a line). */
export interface InvocationRecord {
  time: string;
  functionName: string;
  triggerSource: string | null;
  durationMs: number;
  /** The event the function received, scrubbed. */
  event: unknown;
  /** What the function returned (the event with its `response` set), scrubbed; absent when it failed. */
  result?: unknown;
  /** The failure Cognito saw, when the function threw. */
  error?: { errorType?: string; errorMessage?: string };
}

/** Where invocations are recorded. */
export interface RecorderOptions {
  /** The Lambda Invoke API the requests are forwarded to. */
  target: string;
  port: number;
  /** The invocation log (JSON lines). */
  logFile: string;
  /** When set, the latest event of each trigger source is saved as `<fixturesDir>/<triggerSource>.json`. */
  fixturesDir?: string;
  onInvocation?: (record: InvocationRecord) => void;
}

/** The recording proxy in front of the Lambda Invoke API. */
export interface InvocationRecorder {
  endpoint: string;
  stop(): Promise<void>;
}

const INVOCATION_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
/** A trigger source, which is also the name of its fixture file. */
const TRIGGER_SOURCE = /^[A-Za-z]+_[A-Za-z]+$/;
/** Request headers that describe the connection to the proxy rather than the invocation. */
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function triggerSourceOf(event: unknown): string | null {
  const source =
    typeof event === 'object' && event !== null ? (event as { triggerSource?: unknown }).triggerSource : undefined;
  return typeof source === 'string' ? source : null;
}

/** Builds the log record of one invocation from what went to the function and what came back. */
function invocationRecord(
  functionName: string,
  requestBody: string,
  response: { body: string; functionError: string | null },
  durationMs: number,
): InvocationRecord {
  const event = parseJson(requestBody);
  const returned = parseJson(response.body);
  const record: InvocationRecord = {
    time: new Date().toISOString(),
    functionName,
    triggerSource: triggerSourceOf(event),
    durationMs: Math.round(durationMs),
    event: scrubSecrets(event),
  };
  if (response.functionError === null) {
    record.result = scrubSecrets(returned);
  } else {
    const { errorType, errorMessage } = (
      typeof returned === 'object' && returned !== null ? returned : {}
    ) as InvocationRecord['error'] & object;
    record.error = {
      errorType,
      errorMessage: errorMessage ?? (typeof returned === 'string' ? returned : response.functionError),
    };
  }
  return record;
}

/** Reads every record of an invocation log. */
export function readInvocations(logFile: string): InvocationRecord[] {
  let text: string;
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as InvocationRecord);
}

/** Saves a recorded event as a fixture file, in the format of `test/fixtures/`. */
function saveFixture(fixturesDir: string, record: InvocationRecord): void {
  if (record.triggerSource === null || !TRIGGER_SOURCE.test(record.triggerSource)) return;
  writeFileSync(join(fixturesDir, `${record.triggerSource}.json`), `${JSON.stringify(record.event, null, 2)}\n`);
}

/**
 * Starts an HTTP proxy on 127.0.0.1:`port` that forwards every Lambda Invoke API request to `target` unchanged
 * and records each invocation — event and result, secrets scrubbed — in the invocation log (and, with
 * `fixturesDir`, as fixture files).
 *
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 */
export async function startInvocationRecorder(options: RecorderOptions): Promise<InvocationRecorder> {
  if (options.fixturesDir !== undefined) mkdirSync(options.fixturesDir, { recursive: true });

  const forward = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !HOP_HEADERS.has(name)) headers[name] = value;
    }
    const startedAt = performance.now();
    const upstream = await fetch(`${options.target}${request.url ?? '/'}`, {
      method: request.method ?? 'GET',
      headers,
      ...(body.length > 0 ? { body } : {}),
    });
    const answer = Buffer.from(await upstream.arrayBuffer());
    const durationMs = performance.now() - startedAt;
    const responseHeaders: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!HOP_HEADERS.has(name) && name !== 'content-encoding') responseHeaders[name] = value;
    });
    const functionName = INVOCATION_PATH.exec(request.url ?? '')?.[1];
    if (request.method === 'POST' && functionName !== undefined && upstream.status === 200) {
      const record = invocationRecord(
        decodeURIComponent(functionName),
        body.toString('utf8'),
        { body: answer.toString('utf8'), functionError: upstream.headers.get('x-amz-function-error') },
        durationMs,
      );
      // Recorded before answering, so whoever made the call finds it in the log.
      appendFileSync(options.logFile, `${JSON.stringify(record)}\n`);
      if (options.fixturesDir !== undefined) saveFixture(options.fixturesDir, record);
      options.onInvocation?.(record);
    }
    response.writeHead(upstream.status, responseHeaders).end(answer);
  };

  const server: Server = createServer((request, response) => {
    forward(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`The trigger functions could not be reached: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
