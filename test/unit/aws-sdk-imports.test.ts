/**
 * The functions load the AWS SDK only through shared/aws/sdk/, which names the clients and commands they use. A
 * dynamic import of an SDK package elsewhere would bring all of its commands and schemas into the function's chunks
 * (an `import()` returns the whole namespace, which esbuild cannot shake), doubling what a cold call loads; a static
 * one would load the SDK at start.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SDK_FOLDER = 'shared/aws/sdk/';
/** An import of an SDK package that brings code, not only types. */
const SDK_IMPORT = /(?:import\(\s*|^import\s+(?!type\b)[^;]*?\sfrom\s+|^export\s+[^;]*?\sfrom\s+)'@aws-sdk\//m;

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => relative(ROOT, join(ROOT, folder, file)));
}

describe('the functions’ imports of the AWS SDK', () => {
  it('are in shared/aws/sdk/ only, elsewhere types alone', () => {
    const importing = [...sources('functions'), ...sources('shared')].filter(
      (file) => !file.startsWith(SDK_FOLDER) && SDK_IMPORT.test(readFileSync(join(ROOT, file), 'utf8')),
    );

    expect(importing).toEqual([]);
  });

  it('are recognised, static or dynamic', () => {
    expect(SDK_IMPORT.test("const { X } = await import('@aws-sdk/client-ses');")).toBe(true);
    expect(SDK_IMPORT.test("import { SESClient } from '@aws-sdk/client-ses';")).toBe(true);
    expect(SDK_IMPORT.test("import type { SESClient } from '@aws-sdk/client-ses';")).toBe(false);
  });
});
