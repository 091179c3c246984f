/*
 * No literal secret in the deployable template: identity-provider secrets and keys are Secrets Manager references
 * resolved by CloudFormation at deploy time, no function gets a secret in its environment, and nothing in the
 * template looks like a key, a private key block or a high-entropy token.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageIsolatedStack } from '@test/helpers/isolated-package';
import type { PackagedStack } from '@test/helpers/serverless-cli';

/**
 * Stage parameters that switch every identity provider on: each parameter resources/identity-providers.yml uses,
 * set to a made-up, non-secret value (the secret's name stays the default).
 */
function everyProvider(): Record<string, string> {
  const names = [
    ...readFileSync(join(__dirname, '../../resources/identity-providers.yml'), 'utf8').matchAll(/\$\{param:(\w+)\}/g),
  ].map(([, name]) => name ?? '');
  const value = (name: string) =>
    /Url$/.test(name)
      ? 'https://idp.example.com/metadata.xml'
      : name === 'samlProviderName'
        ? 'Corporate'
        : `example-${name.toLowerCase()}`;
  return Object.fromEntries(
    names.filter((name) => name !== 'identityProviderSecret').map((name) => [name, value(name)]),
  );
}

const SECRET_KEY = /secret|private|password|token|credential|api_?key/i;
const SECRETS_MANAGER_REFERENCE = /^\{\{resolve:secretsmanager:[^}]+\}\}$/;
const LITERAL_SECRETS: readonly [string, RegExp][] = [
  ['a PEM block', /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----/],
  ['an AWS access key id', /\b(AKIA|ASIA)[A-Z0-9]{16}\b/],
  ['an AWS secret access key', /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/],
  ['a JWT', /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./],
];

/** Every string in `value`, with its JSON path. */
function strings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  return [];
}

/** Shannon entropy in bits per character. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  return [...counts.values()].reduce((sum, count) => sum - (count / text.length) * Math.log2(count / text.length), 0);
}

/** Whether `text` is, or holds, something with the shape of a secret. */
function looksSecret(text: string): boolean {
  if (LITERAL_SECRETS.some(([, pattern]) => pattern.test(text))) return true;
  // A generated key or token: a long run of Base64 characters mixing cases and digits, with no word structure.
  const token =
    text.length >= 32 && /^[A-Za-z0-9+/=_]+$/.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text) && /\d/.test(text);
  return token && entropy(text) > 4.5;
}

describe('the packaged template with every identity provider on', () => {
  let stack: PackagedStack;

  beforeAll(async () => {
    stack = await packageIsolatedStack('dev', everyProvider());
  }, 120_000);

  afterAll(() => stack?.remove());

  it('takes every secret-like identity provider setting from Secrets Manager', () => {
    const providers = Object.values(stack.template.Resources).filter(
      (resource) => resource.Type === 'AWS::Cognito::UserPoolIdentityProvider',
    );
    const details = providers.flatMap((provider) =>
      Object.entries((provider.Properties?.['ProviderDetails'] ?? {}) as Record<string, unknown>),
    );
    const secretLike = details.filter(([key]) => SECRET_KEY.test(key));

    expect(providers).toHaveLength(5);
    expect(secretLike.map(([key]) => key).sort()).toEqual([
      'client_secret',
      'client_secret',
      'client_secret',
      'private_key',
    ]);
    for (const [, value] of secretLike) expect(value).toMatch(SECRETS_MANAGER_REFERENCE);
  });

  it('gives no function a secret in its environment', () => {
    const functions = Object.values(stack.template.Resources).filter(
      (resource) => resource.Type === 'AWS::Lambda::Function',
    );
    const variables = functions.flatMap((fn) =>
      Object.entries(
        (fn.Properties?.['Environment'] as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {},
      ),
    );

    expect(functions.length).toBeGreaterThanOrEqual(4);
    for (const [name, value] of variables) {
      // A setting named after a secret (PASSWORD_CHANGED_NOTICE) may only hold a switch or a number.
      if (SECRET_KEY.test(name))
        expect({ name, value }).toEqual({ name, value: expect.stringMatching(/^(true|false|\d+)$/) });
      for (const { text } of strings(value))
        expect({ name, secretLike: looksSecret(text) }).toEqual({ name, secretLike: false });
    }
  });

  it('holds no PEM block, AWS key, JWT or long high-entropy string anywhere', () => {
    const { Resources } = stack.template;
    const found = strings(stack.template)
      // Content hashes of the bundles, and logical ids (which carry them), are not secrets.
      .filter(({ path, text }) => !/\.(CodeSha256|S3Key)$/.test(path) && !Object.hasOwn(Resources, text))
      .filter(({ text }) => looksSecret(text));

    expect(found).toEqual([]);
  });
});
