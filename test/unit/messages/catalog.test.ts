/**
 * The message catalog is complete: every shipped language has every text of the fallback language, in the same
 * files, and prints the same values. The contract tests of each function render every message in every language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FALLBACK_LANGUAGE, LANGUAGES } from '@shared/messages/languages';

const CATALOG = join(__dirname, '..', '..', '..', 'shared', 'messages');
const FOLDERS = readdirSync(CATALOG, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'generated')
  .map((entry) => entry.name)
  .sort();
const TRANSLATIONS = LANGUAGES.filter((language) => language !== FALLBACK_LANGUAGE);

/** The files of a language folder, as paths relative to it. */
function filesOf(language: string): string[] {
  return readdirSync(join(CATALOG, language), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(join(CATALOG, language).length + 1))
    .sort();
}

/** Every template of a language by where it is: `file` for a template file, `file#entry.path` for a JSON entry. */
function templatesOf(language: string): Map<string, unknown> {
  const templates = new Map<string, unknown>();
  const addEntries = (where: string, value: unknown) => {
    if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value))
        addEntries(where.endsWith('#') ? `${where}${key}` : `${where}.${key}`, inner);
    } else {
      templates.set(where, value);
    }
  };
  for (const file of filesOf(language)) {
    const text = readFileSync(join(CATALOG, language, file), 'utf8');
    if (file.endsWith('.json')) addEntries(`${file}#`, JSON.parse(text));
    else templates.set(file, text);
  }
  return templates;
}

/** What a template prints raw (`<%~ … %>`), and the data fields (`it.…`) it reads. */
function usage(template: string): { raw: string[]; fields: string[] } {
  const tags = [...template.matchAll(/<%([=~]?)([\s\S]*?)%>/g)];
  const raw = tags.filter(([, kind]) => kind === '~').map(([, , code]) => (code ?? '').trim());
  const fields = tags.flatMap(([, , code]) =>
    [...(code ?? '').matchAll(/\bit(?:\.[A-Za-z_$][\w$]*)+/g)].map(([f]) => f),
  );
  return { raw: [...new Set(raw)].sort(), fields: [...new Set(fields)].sort() };
}

describe('the message catalog', () => {
  it(`has one folder per language of LANGUAGES, the fallback language (${FALLBACK_LANGUAGE}) among them`, () => {
    expect(FOLDERS).toEqual([...LANGUAGES].sort());
    expect(LANGUAGES).toContain(FALLBACK_LANGUAGE);
  });

  it.each(LANGUAGES)('has in %s only non-empty texts, one line each outside the template files', (language) => {
    for (const [where, template] of templatesOf(language)) {
      expect({ where, template }).toEqual({ where, template: expect.stringMatching(/\S/) });
      if (where.includes('#'))
        expect({ where, template }).toEqual({ where, template: expect.not.stringMatching(/[\r\n]/) });
    }
  });

  describe.each(TRANSLATIONS)('in %s', (language) => {
    it(`has exactly the files of ${FALLBACK_LANGUAGE}`, () => {
      expect(filesOf(language)).toEqual(filesOf(FALLBACK_LANGUAGE));
    });

    it(`has exactly the entries of ${FALLBACK_LANGUAGE} in every text file`, () => {
      expect([...templatesOf(language).keys()].sort()).toEqual([...templatesOf(FALLBACK_LANGUAGE).keys()].sort());
    });

    it(`prints the same values raw as ${FALLBACK_LANGUAGE}, and reads no data ${FALLBACK_LANGUAGE} does not`, () => {
      const fallback = templatesOf(FALLBACK_LANGUAGE);
      for (const [where, template] of templatesOf(language)) {
        const expected = usage(String(fallback.get(where)));
        const actual = usage(String(template));
        const unknownFields = actual.fields.filter((field) => !expected.fields.includes(field));

        expect({ where, raw: actual.raw, unknownFields }).toEqual({ where, raw: expected.raw, unknownFields: [] });
      }
    });
  });

  it.each(LANGUAGES)('has in %s only templates named after an entry of their section', (language) => {
    const templates = filesOf(language).filter((file) => !file.endsWith('.json'));
    const unnamed = templates.filter((file) => {
      const [section = '', name = ''] = file.split('/');
      const texts = JSON.parse(readFileSync(join(CATALOG, language, `${section}.json`), 'utf8')) as object;
      return !Object.hasOwn(texts, name.slice(0, name.lastIndexOf('.')));
    });

    expect(templates.length).toBeGreaterThan(0);
    expect(unnamed).toEqual([]);
  });
});
