import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createSecretsManagerSigningKey } from '@shared/custom-auth/signing-key';
import { DependencyError } from '@shared/errors';
import { FIXTURE_SIGNING_KEY_NAME } from '@test/helpers/signing-key';
import { mockClient } from 'aws-sdk-client-mock';

// Reading the key is tested against the local Secrets Manager (test/integration/custom-auth.test.ts); the cache
// and the refusals of a short or unreadable secret are shown here.
const client = new SecretsManagerClient({ region: 'us-east-1' });
const secrets = mockClient(client);
const KEY = 'k'.repeat(48);

afterEach(() => secrets.reset());

describe('the magic-link signing key', () => {
  it('is read once and kept for five minutes, then read again (a rotated secret takes over)', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: FIXTURE_SIGNING_KEY_NAME }).resolves({ SecretString: KEY });
    let now = 0;
    const key = createSecretsManagerSigningKey(
      async () => client,
      FIXTURE_SIGNING_KEY_NAME,
      () => now,
    );

    await key.bytes();
    now = 5 * 60_000 - 1;
    await key.bytes();
    now = 5 * 60_000;
    const bytes = await key.bytes();

    expect(bytes.toString('utf8')).toBe(KEY);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('is not kept when reading it failed: the next invocation tries again', async () => {
    secrets.on(GetSecretValueCommand).rejectsOnce(new Error('throttled')).resolves({ SecretString: KEY });
    const key = createSecretsManagerSigningKey(async () => client, FIXTURE_SIGNING_KEY_NAME);

    await expect(key.bytes()).rejects.toEqual(expect.any(DependencyError));
    await expect(key.bytes()).resolves.toHaveLength(48);
  });

  it('refuses a secret too short to be an HMAC-SHA256 key', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'short' });
    const key = createSecretsManagerSigningKey(async () => client, FIXTURE_SIGNING_KEY_NAME);

    await expect(key.bytes()).rejects.toMatchObject({
      message: 'Could not read the magic-link signing key.',
      cause: { message: 'The secret holds fewer than 32 bytes.' },
    });
  });
});
