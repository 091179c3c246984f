import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockContent, GENERATED_BLOCKS } from '@scripts/docs/generated-blocks';

const ROOT = join(__dirname, '..', '..', '..');

describe.each(GENERATED_BLOCKS.map((block) => [`${block.file}: ${block.name}`, block] as const))(
  'the generated block %s',
  (_title, block) => {
    it(`is in ${block.file} exactly as rendered (run \`npm run docs\` to update it)`, () => {
      const page = readFileSync(join(ROOT, block.file), 'utf8');

      expect(blockContent(page, block)).toBe(block.render());
    });
  },
);

describe('the generated blocks', () => {
  it('have a file to live in, one for every registered function’s flow page among them', () => {
    const missing = GENERATED_BLOCKS.map((block) => block.file).filter((file) => !existsSync(join(ROOT, file)));

    expect(missing).toEqual([]);
  });
});
