import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The values of the secrets the stack would have Secrets Manager generate (`names`), kept in `<stateDir>/secrets.json`
 * so that they survive a restart (a magic link sent before it still signs in after it): each missing one gets 48
 * random bytes, as text. Deleting the state (`npm start -- --reset`) makes new ones.
 */
export function localSecretValues(stateDir: string, names: readonly string[]): Record<string, string> {
  const file = join(stateDir, 'secrets.json');
  const values = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const missing = names.filter((name) => !Object.hasOwn(values, name));
  for (const name of missing) values[name] = randomBytes(48).toString('base64url');
  if (missing.length > 0) writeFileSync(file, `${JSON.stringify(values, null, 2)}\n`, { mode: 0o600 });
  return values;
}
