import { createServer, request as forward, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from '@test/helpers/servers';

/** A loopback HTTP proxy in front of an AWS emulator that records the API operation of every request. */
export interface RecordingProxy {
  /** For the SDK's `AWS_ENDPOINT_URL_<SERVICE>` variable. */
  readonly endpoint: string;
  /** `<service>.<Operation>` of each request since the last {@link RecordingProxy.take}, in order. */
  take(): string[];
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The operation a request calls: the `X-Amz-Target` suffix (JSON protocols: DynamoDB, Cognito), the
 * `Action` form field (query protocol: SES v1), else the method and path (REST protocols: SES v2).
 */
function operationOf(request: IncomingMessage, body: Buffer): string {
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string') return target.slice(target.lastIndexOf('.') + 1);
  const action = new URLSearchParams(body.toString('utf8')).get('Action');
  return action ?? `${request.method ?? ''} ${request.url ?? ''}`;
}

/**
 * Starts a proxy on 127.0.0.1 that forwards every request to `target` (an `http://host:port` endpoint)
 * unchanged and records its operation under `service`. The bench compares these records between a function
 * and its floor, so both are known to make the same AWS calls.
 */
export async function startRecordingProxy(service: string, target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  let operations: string[] = [];
  const server = createServer((incoming, outgoing) => {
    readBody(incoming).then(
      (body) => {
        operations.push(`${service}.${operationOf(incoming, body)}`);
        const proxied = forward(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: incoming.method,
            path: incoming.url,
            headers: incoming.headers,
          },
          (response) => {
            outgoing.writeHead(response.statusCode ?? 502, response.headers);
            response.pipe(outgoing);
          },
        );
        proxied.once('error', (error) => outgoing.destroy(error));
        proxied.end(body);
      },
      (error: unknown) => outgoing.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take: () => {
      const taken = operations;
      operations = [];
      return taken;
    },
    stop: () => closeServer(server),
  };
}
