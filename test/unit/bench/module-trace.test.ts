import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRACE_GLOBAL } from '@scripts/bench/cold-run';
import { moduleTracePlugin } from '@scripts/bench/module-trace';
import { PROJECT_ROOT, productionBuildOptions } from '@scripts/bench/production-build';
import { build } from 'esbuild';

/** A bundle whose SDK client sits behind the project's lazy factory, as the functions use it. */
const ENTRY = `
import { dynamoDbClient } from './shared/aws/dynamodb-client';
export const createClient = () => dynamoDbClient();
`;

describe('the module trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'module-trace-'));
  const trace: string[] = [];
  let bundle: { createClient(): Promise<{ destroy(): void }> };

  beforeAll(async () => {
    const result = await build({
      ...productionBuildOptions(),
      stdin: { contents: ENTRY, resolveDir: PROJECT_ROOT, loader: 'ts', sourcefile: 'entry.ts' },
      absWorkingDir: PROJECT_ROOT,
      outfile: join(dir, 'traced.js'),
      sourcemap: false,
      logLevel: 'silent',
      plugins: [moduleTracePlugin()],
    });
    expect(result.errors).toEqual([]);
    Object.assign(globalThis, { [TRACE_GLOBAL]: trace });
    bundle = jest.requireActual(join(dir, 'traced.js'));
  }, 30_000);

  afterAll(() => {
    Reflect.deleteProperty(globalThis, TRACE_GLOBAL);
    rmSync(dir, { recursive: true, force: true });
  });

  it('records no SDK package while the bundle loads, and the SDK packages once the lazy client is created', async () => {
    const atLoad = [...trace];

    const client = await bundle.createClient();
    client.destroy();

    expect(atLoad.filter((name) => name.startsWith('@aws-sdk/'))).toEqual([]);
    expect(trace).toEqual(expect.arrayContaining(['@aws-sdk/client-dynamodb', '@smithy/core']));
  });
});
