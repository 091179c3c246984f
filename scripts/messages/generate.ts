/**
 * `npm run messages`: rewrites the generated import modules of the message catalog (see ./section-imports.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogSections, GENERATED_DIR, sectionImports } from './section-imports';

mkdirSync(GENERATED_DIR, { recursive: true });
for (const section of catalogSections()) {
  const path = join(GENERATED_DIR, `${section}.ts`);
  const source = sectionImports(section);
  if (!existsSync(path) || readFileSync(path, 'utf8') !== source) {
    writeFileSync(path, source);
    process.stdout.write(`shared/messages/generated/${section}.ts updated\n`);
  }
}
