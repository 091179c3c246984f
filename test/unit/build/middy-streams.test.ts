import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProductionBundle, deployedFunctions } from '@scripts/bench/production-build';
import { LAZY_STREAMS } from '@scripts/build/middy-streams';

describe('the lazy stream modules of @middy/core', () => {
  const dir = mkdtempSync(join(tmpdir(), 'middy-streams-'));

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs `script` as an ES module next to the lazy modules, written as `stream.mjs`, `promises.mjs` and `web.mjs`. */
  function run(script: string): string {
    writeFileSync(join(dir, 'stream.mjs'), LAZY_STREAMS['node:stream'] ?? '');
    writeFileSync(join(dir, 'promises.mjs'), LAZY_STREAMS['node:stream/promises'] ?? '');
    writeFileSync(join(dir, 'web.mjs'), LAZY_STREAMS['node:stream/web'] ?? '');
    writeFileSync(join(dir, 'script.mjs'), script);
    return execFileSync(process.execPath, [join(dir, 'script.mjs')], { encoding: 'utf8' });
  }

  it('do what middy uses Node’s for: Readable.from, pipeline and instanceof ReadableStream', () => {
    const output = run(`
      import { Writable } from 'node:stream';
      import { ReadableStream as NodeReadableStream } from 'node:stream/web';
      import { Readable } from './stream.mjs';
      import { pipeline } from './promises.mjs';
      import { ReadableStream } from './web.mjs';
      let text = '';
      await pipeline(Readable.from(['a', 'b']), new Writable({ write(chunk, _, done) { text += chunk; done(); } }));
      console.log(JSON.stringify([text, new NodeReadableStream() instanceof ReadableStream, {} instanceof ReadableStream]));
    `);

    expect(JSON.parse(output)).toEqual(['ab', true, false]);
  });

  it('load nothing until used', () => {
    const output = run(`
      const before = process.moduleLoadList.filter((name) => name.includes('webstreams')).length;
      await import('./web.mjs');
      await import('./stream.mjs');
      console.log(process.moduleLoadList.filter((name) => name.includes('webstreams')).length === before);
    `);

    expect(output.trim()).toBe('true');
  });

  it.each(deployedFunctions().map(({ name, entry }) => [name, entry]))(
    '%s: no stream module is loaded at start',
    async (_name, entry) => {
      const built = await buildProductionBundle(entry);
      const imported = built.metafile.outputs[built.output]?.imports.map((item) => item.path) ?? [];

      expect(imported.filter((path) => path.startsWith('node:stream'))).toEqual([]);
    },
  );
});
