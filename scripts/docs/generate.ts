/**
 * `npm run docs`: rewrites every generated block of the documentation (see ./generated-blocks.ts) in place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_BLOCKS, withBlockRendered } from './generated-blocks';

const ROOT = join(__dirname, '..', '..');

for (const block of GENERATED_BLOCKS) {
  const path = join(ROOT, block.file);
  const page = readFileSync(path, 'utf8');
  const updated = withBlockRendered(page, block);
  if (updated !== page) {
    writeFileSync(path, updated);
    process.stdout.write(`${block.file}: ${block.name} updated\n`);
  }
}
