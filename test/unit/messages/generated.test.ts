import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogSections, GENERATED_DIR, sectionImports } from '@scripts/messages/section-imports';

describe('the generated import modules of the message catalog', () => {
  it('are one per section, and none for a section that is gone', () => {
    expect(readdirSync(GENERATED_DIR).sort()).toEqual(
      catalogSections()
        .map((section) => `${section}.ts`)
        .sort(),
    );
  });

  it.each(catalogSections())('import every file of the %s section as they are (run `npm run messages`)', (section) => {
    expect(readFileSync(join(GENERATED_DIR, `${section}.ts`), 'utf8')).toBe(sectionImports(section));
  });
});
