import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Secrets Manager that answers GetSecretValue for a fixed set of secrets, on loopback. */
export interface LocalSecretsManager {
  endpoint: string;
  stop(): Promise<void>;
}

const JSON_1_1 = 'application/x-amz-json-1.1';

function answer(response: import('node:http').ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': JSON_1_1 }).end(JSON.stringify(body));
}

/** The value of a secret by its name, or undefined when there is no such secret. */
export type SecretLookup = (name: string) => string | undefined;

/**
 * Starts a Secrets Manager endpoint on 127.0.0.1:`port` (0 picks a free one) that serves `secrets` (a map of name to
 * string value, or a lookup consulted on every call) through the AWS SDK's `GetSecretValue` (the JSON 1.1 protocol),
 * the one call the functions make; any other action or unknown secret gets the error Secrets Manager gives. The local
 * pool's magic-link key lives here, so the functions read it exactly as they do on AWS (pointed at it with
 * `AWS_ENDPOINT_URL_SECRETS_MANAGER`).
 *
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html
 */
export async function startLocalSecretsManager(
  secrets: Readonly<Record<string, string>> | SecretLookup,
  port = 0,
): Promise<LocalSecretsManager> {
  const lookup: SecretLookup =
    typeof secrets === 'function' ? secrets : (name) => (Object.hasOwn(secrets, name) ? secrets[name] : undefined);
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue') {
        answer(response, 400, {
          __type: 'UnknownOperationException',
          message: 'Only GetSecretValue is served locally.',
        });
        return;
      }
      let secretId: unknown;
      try {
        secretId = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { SecretId?: unknown }).SecretId;
      } catch {
        secretId = undefined;
      }
      const value = typeof secretId === 'string' ? lookup(secretId) : undefined;
      if (value === undefined) {
        answer(response, 400, {
          __type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret.",
        });
        return;
      }
      answer(response, 200, {
        ARN: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${String(secretId)}-local0`,
        Name: secretId,
        SecretString: value,
        VersionId: '00000000-0000-4000-8000-000000000000',
        VersionStages: ['AWSCURRENT'],
        CreatedDate: 0,
      });
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
