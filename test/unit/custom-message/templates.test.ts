import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES } from '@functions/custom-message/templates';
import { MESSAGE_TEMPLATES } from '@functions/custom-message/templates/catalog';

const TEMPLATES_DIR = join(__dirname, '..', '..', '..', 'functions', 'custom-message', 'templates');
const LANGUAGE_FOLDERS = readdirSync(TEMPLATES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('the shipped templates', () => {
  it('offer exactly the languages that have a folder, English among them', () => {
    expect(Object.keys(TEMPLATES.languages).sort()).toEqual(LANGUAGE_FOLDERS);
    expect(LANGUAGE_FOLDERS).toContain(TEMPLATES.fallbackLanguage);
    expect(LANGUAGE_FOLDERS.length).toBeGreaterThanOrEqual(2);
  });

  describe.each(LANGUAGE_FOLDERS)('in %s', (language) => {
    const folder = join(TEMPLATES_DIR, language);
    const strings = JSON.parse(readFileSync(join(folder, 'strings.json'), 'utf8')) as Record<string, unknown>;

    it('have exactly one email body file per message', () => {
      const bodies = readdirSync(folder).filter((file) => file.endsWith('.html'));

      expect(bodies.sort()).toEqual(MESSAGE_TEMPLATES.map((name) => `${name}.html`).sort());
    });

    it('have a footer and, for every message, a subject and an SMS', () => {
      expect(Object.keys(strings).sort()).toEqual(['footer', ...MESSAGE_TEMPLATES].sort());
      expect(strings.footer).toEqual(expect.stringMatching(/\S/));
      for (const name of MESSAGE_TEMPLATES) {
        expect(strings[name]).toEqual({ subject: expect.stringMatching(/\S/), sms: expect.stringMatching(/\S/) });
      }
    });

    it('are registered with the content of their files', () => {
      const registered = TEMPLATES.languages[language];

      for (const name of MESSAGE_TEMPLATES) {
        expect(registered?.messages[name].email).toBe(readFileSync(join(folder, `${name}.html`), 'utf8'));
      }
    });
  });
});
