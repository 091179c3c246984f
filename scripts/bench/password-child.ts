/*
 * Password verification cost per hash format at the parameters userMigration uses by default (its dummy
 * hashes, see functions/user-migration/password/dummy-hashes.ts), in a fresh Node process. A wrong password
 * costs exactly as much as the right one, so the dummy hashes (whose passwords were thrown away) serve.
 */
import { performance } from 'node:perf_hooks';
import { DUMMY_HASHES } from '@functions/user-migration/password/dummy-hashes';
import { HASH_FORMAT_NAMES } from '@functions/user-migration/password/hash-format';
import { verifyPassword } from '@functions/user-migration/password/verify-password';
import { reportToParent } from './child-result';

/** The verification cost of one password hash format. */
export interface PasswordRun {
  readonly format: string;
  /** The hash's parameters: the stored string without salt and digest, e.g. `$2b$10`. */
  readonly parameters: string;
  /** The first verification in the process, which also loads the format's library. */
  readonly firstMs: number;
  /** Every later verification, in milliseconds. */
  readonly samplesMs: readonly number[];
}

/** Verifications per format after the first: this many, or as many as fit in the time limit. */
const SAMPLES = { count: 100, ms: 12_000 } as const;
const PASSWORD = 'Bench-Passw0rd!';

/** The hash without its salt and digest: bcrypt keeps `$2b$<cost>`, the other formats drop two fields. */
function parametersOf(format: string, hash: string): string {
  const fields = hash.split('$');
  return fields.slice(0, fields.length - (format === 'bcrypt' ? 1 : 2)).join('$');
}

async function timedVerification(hash: string): Promise<number> {
  const start = performance.now();
  const check = await verifyPassword(PASSWORD, hash);
  const elapsed = performance.now() - start;
  if (check.outcome === 'refused') throw new Error(`The ${check.format} dummy hash was refused: ${check.reason}`);
  return elapsed;
}

async function measurePasswords(): Promise<PasswordRun[]> {
  const runs: PasswordRun[] = [];
  for (const format of HASH_FORMAT_NAMES) {
    const hash = DUMMY_HASHES[format];
    const firstMs = await timedVerification(hash);
    const samplesMs: number[] = [];
    const start = performance.now();
    while (samplesMs.length < SAMPLES.count && performance.now() - start < SAMPLES.ms) {
      samplesMs.push(await timedVerification(hash));
    }
    runs.push({ format, parameters: parametersOf(format, hash), firstMs, samplesMs });
  }
  return runs;
}

reportToParent(measurePasswords);
