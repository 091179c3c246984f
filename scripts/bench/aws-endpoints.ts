import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from '@test/helpers/servers';

/** An AWS service endpoint on loopback that records the API operation of every request. */
export interface RecordingEndpoint {
  /** For the SDK's `AWS_ENDPOINT_URL_<SERVICE>` variable. */
  readonly endpoint: string;
  /** `<service>.<Operation>` of each request since the last {@link RecordingEndpoint.take}, in order. */
  take(): string[];
  stop(): Promise<void>;
}

/** Answers one Cognito user pools API operation: the JSON body of the response for a request's JSON input. */
export type CognitoAnswer = (input: Record<string, unknown>) => unknown;

type Respond = (request: IncomingMessage, body: Buffer, response: ServerResponse) => void;

/**
 * The operation a request calls: the `X-Amz-Target` suffix (JSON protocols: DynamoDB, Cognito), the
 * `Action` form field (query protocol: SES v1), else the method and path (REST protocols: SES v2).
 */
function operationOf(request: IncomingMessage, body: Buffer): string {
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string') return target.slice(target.lastIndexOf('.') + 1);
  return new URLSearchParams(body.toString('utf8')).get('Action') ?? `${request.method ?? ''} ${request.url ?? ''}`;
}

/** Starts a server on 127.0.0.1 that records each request's operation under `service`, then lets `respond` answer. */
async function startRecordingEndpoint(service: string, respond: Respond): Promise<RecordingEndpoint> {
  let operations: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('error', (error) => response.destroy(error));
    request.once('end', () => {
      const body = Buffer.concat(chunks);
      operations.push(`${service}.${operationOf(request, body)}`);
      respond(request, body, response);
    });
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

/**
 * A proxy in front of an emulator at `target` (`http://host:port`): forwards every request unchanged and records
 * its operation, so that the bench can compare the AWS calls of a function and its floor.
 */
export function startRecordingProxy(service: string, target: string): Promise<RecordingEndpoint> {
  const upstream = new URL(target);
  return startRecordingEndpoint(service, (request, body, response) => {
    const proxied = forward(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    proxied.once('error', (error) => response.destroy(error));
    proxied.end(body);
  });
}

/**
 * A stub of the Cognito user pools JSON API (`X-Amz-Target: AWSCognitoIdentityProviderService.<Op>`) that records
 * the operations called. Operations in `answers` get their answer; any other gets a 400
 * `UnknownOperationException`, so a flow calling something the bench did not expect fails visibly.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonParameters.html
 */
export function startCognitoStub(answers: Readonly<Record<string, CognitoAnswer>>): Promise<RecordingEndpoint> {
  return startRecordingEndpoint('cognito', (request, body, response) => {
    const operation = String(request.headers['x-amz-target'] ?? '').replace(/^AWSCognitoIdentityProviderService\./, '');
    const answer = answers[operation];
    const reply = (status: number, json: unknown) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(json));
    };
    try {
      if (answer === undefined) {
        reply(400, { __type: 'UnknownOperationException', message: `The stub does not answer ${operation}.` });
        return;
      }
      reply(200, answer(body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as Record<string, unknown>)));
    } catch (error) {
      reply(500, { __type: 'InternalErrorException', message: String(error) });
    }
  });
}
