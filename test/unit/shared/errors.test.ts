import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LegacyRecordError } from '@functions/user-migration/legacy-user-store';
import { ConfigError, DependencyError, InvalidEventError, Refusal, UserFacingError } from '@shared/errors';
import { StepError } from '@shared/steps';

const ROOT = join(__dirname, '..', '..', '..');

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => relative(ROOT, join(ROOT, folder, file)));
}

/** Every class of the project's error hierarchy in `files`, by name, with the file that declares it. */
function errorClasses(files: readonly string[]): Map<string, string> {
  const declared = files.flatMap((file) =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(/\bclass (\w+) extends (\w+)/g)].map(
      ([, name = '', base = '']) => ({ name, base, file }),
    ),
  );
  const family = new Map<string, string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const { name, base, file } of declared) {
      if (!family.has(name) && (base === 'CognitoFlowsError' || family.has(base))) {
        family.set(name, file);
        grew = true;
      }
    }
  }
  return family;
}

/** The classes a file names with `nameClasses({ … })`. */
function namedIn(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^nameClasses\(\{([^}]*)\}\);$/gm)].flatMap(([, names = '']) =>
    names.split(',').map((name) => name.trim()),
  );
}

describe("the project's errors", () => {
  // The bundles are minified without keeping names, so each class is named in its source (nameClasses).
  it.each([
    ['UserFacingError', new UserFacingError('Use your work email address.')],
    ['Refusal', new Refusal({ en: 'No.', fr: 'Non.', es: 'No.', de: 'Nein.' })],
    ['InvalidEventError', new InvalidEventError('event.request is missing')],
    ['ConfigError', new ConfigError('EMAIL_FROM is not an email address')],
    ['DependencyError', new DependencyError('SES failed', { cause: new Error('x'), dependency: 'SES' })],
    ['StepError', new StepError('send-welcome', new Error('x'))],
    ['LegacyRecordError', new LegacyRecordError('passwordHash', 'is missing')],
  ])('%s is named so, whatever its class is called in a bundle', (name, error) => {
    expect([error.name, error.constructor.name]).toEqual([name, name]);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
  });

  it('are each named by nameClasses in the file that declares them', () => {
    const classes = errorClasses([...sources('functions'), ...sources('shared')]);
    const unnamed = [...classes].filter(([name, file]) => !namedIn(file).includes(name));

    expect(classes.size).toBeGreaterThanOrEqual(7);
    expect(unnamed).toEqual([]);
  });
});
