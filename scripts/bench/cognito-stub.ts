import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from '@test/helpers/servers';

/** Answers one Cognito user pools API operation: the JSON body of the response for a request's JSON input. */
export type CognitoAnswer = (input: Record<string, unknown>) => unknown;

/** A Cognito user pools API stub on loopback, answering each operation with a fixed function of its input. */
export interface CognitoStub {
  /** For `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  response.end(JSON.stringify(body));
}

/**
 * Starts a stub of the Cognito user pools JSON API (`X-Amz-Target: AWSCognitoIdentityProviderService.<Op>`) on
 * 127.0.0.1. Operations in `answers` get their answer; any other operation gets a 400
 * `UnknownOperationException`, so a flow calling something the bench did not expect fails visibly.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonParameters.html
 */
export async function startCognitoStub(answers: Readonly<Record<string, CognitoAnswer>>): Promise<CognitoStub> {
  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => {
        const target = String(request.headers['x-amz-target'] ?? '');
        const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
        const answer = answers[operation];
        if (answer === undefined) {
          reply(response, 400, {
            __type: 'UnknownOperationException',
            message: `The stub does not answer ${operation}.`,
          });
          return;
        }
        reply(response, 200, answer(body === '' ? {} : (JSON.parse(body) as Record<string, unknown>)));
      },
      (error: unknown) => reply(response, 500, { __type: 'InternalErrorException', message: String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => closeServer(server),
  };
}
