import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DependencyError } from '../errors';

/** The key magic links are signed and checked with. */
export interface SigningKey {
  /**
   * The key's bytes. `signal`, the invocation's abort signal (see `StepContext.signal`), abandons a read of the
   * secret that the invocation started.
   * @throws DependencyError when the secret cannot be read or is too short to be a key.
   */
  bytes(signal?: AbortSignal): Promise<Buffer>;
}

/** How long a container keeps the key before reading it again, so that a rotated secret takes over. */
const KEY_CACHE_MS = 5 * 60_000;
/** Fewest bytes of a usable HMAC-SHA256 key (its output length). */
const MIN_KEY_BYTES = 32;

/**
 * {@link SigningKey} from the Secrets Manager secret `secretId` (`secretsmanager:GetSecretValue`): its string value,
 * read on first use and kept for five minutes; a failed read is not kept, so the next invocation tries again.
 * `client` is called on first use, so the SDK loads only on the paths that sign or check a link.
 *
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html
 */
export function createSecretsManagerSigningKey(
  client: () => Promise<SecretsManagerClient>,
  secretId: string,
  now: () => number = Date.now,
): SigningKey {
  let cached: { key: Promise<Buffer>; until: number } | undefined;
  const read = async (signal: AbortSignal | undefined): Promise<Buffer> => {
    try {
      const { GetSecretValueCommand } = await import('@shared/aws/sdk/secrets-manager');
      const { SecretString } = await (await client()).send(new GetSecretValueCommand({ SecretId: secretId }), {
        abortSignal: signal,
      });
      const key = Buffer.from(SecretString ?? '', 'utf8');
      if (key.length < MIN_KEY_BYTES) throw new Error(`The secret holds fewer than ${MIN_KEY_BYTES} bytes.`);
      return key;
    } catch (error) {
      throw new DependencyError('Could not read the magic-link signing key.', {
        cause: error,
        dependency: 'SecretsManager',
      });
    }
  };
  return {
    bytes(signal) {
      if (cached === undefined || cached.until <= now()) {
        const key = read(signal);
        const entry = { key, until: now() + KEY_CACHE_MS };
        cached = entry;
        key.catch(() => {
          if (cached === entry) cached = undefined;
        });
      }
      return cached.key;
    },
  };
}
