import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadsAsEsModule } from '@scripts/bench/lambda-runtime';

describe('loadsAsEsModule', () => {
  const root = mkdtempSync(join(tmpdir(), 'bench-runtime-'));
  const file = (path: string, content = '') => {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
    return full;
  };

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('imports .mjs files and requires .cjs files, whatever the package says', () => {
    file('module/package.json', '{"type":"module"}');

    expect(loadsAsEsModule(file('module/handler.mjs'))).toBe(true);
    expect(loadsAsEsModule(file('module/handler.cjs'))).toBe(false);
    expect(loadsAsEsModule(file('plain/handler.mjs'))).toBe(true);
  });

  it('imports a .js file when the nearest package.json says "type": "module", also from a parent folder', () => {
    file('module/package.json', '{"type":"module"}');

    expect(loadsAsEsModule(file('module/handler.js'))).toBe(true);
    expect(loadsAsEsModule(file('module/functions/pre-sign-up/handler.js'))).toBe(true);
  });

  it('requires a .js file whose nearest package.json is not a module, or that is inside node_modules', () => {
    file('module/package.json', '{"type":"module"}');
    file('module/commonjs/package.json', '{"name":"x"}');
    file('module/node_modules/dependency/placeholder');

    expect(loadsAsEsModule(file('module/commonjs/handler.js'))).toBe(false);
    expect(loadsAsEsModule(file('module/node_modules/dependency/handler.js'))).toBe(false);
  });
});
