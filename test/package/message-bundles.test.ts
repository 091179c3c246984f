/**
 * Each function's production bundle carries only the sections of the message catalog it uses, each complete in
 * every language: customMessage, on the I/O-free hot path, carries no refusal and no SES email.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inputsOf } from '@scripts/bench/bundle-outputs';
import {
  type BuiltBundle,
  buildProductionBundle,
  deployedFunctions,
  PROJECT_ROOT,
} from '@scripts/bench/production-build';
import { LANGUAGES } from '@shared/messages/languages';

/** The sections the shipped functions use: `<language>/<section>.json` and the files of `<language>/<section>/`. */
const SECTIONS_OF_FUNCTION: Readonly<Record<string, readonly string[]>> = {
  preSignUp: ['common', 'pre-sign-up'],
  customMessage: ['common', 'custom-message', 'email'],
  userMigration: ['common', 'user-migration'],
  postConfirmation: ['common', 'email', 'post-confirmation'],
  preTokenGeneration: ['common', 'pre-token-generation'],
  defineAuthChallenge: ['common'],
  createAuthChallenge: ['common', 'custom-auth', 'custom-auth-refusals', 'email'],
  verifyAuthChallengeResponse: ['common', 'custom-auth-refusals'],
};

const CATALOG = 'shared/messages/';
/** A file of a language folder: its section is the second group. */
const LANGUAGE_FILE = /^shared\/messages\/([^/]+)\/([^/.]+)(?:\.json$|\/)/;
/** A section module, e.g. `shared/messages/custom-message.ts`: the section is the group. */
const SECTION_MODULE = /^shared\/messages\/([^/]+)\.ts$/;

/** The language-folder files of a bundle, e.g. `shared/messages/fr/custom-message/invitation.html`. */
function languageFiles(bundle: BuiltBundle): string[] {
  return inputsOf(bundle)
    .filter((path) => LANGUAGE_FILE.test(path))
    .sort();
}

/** The sections whose module a bundle imports. */
function importedSections(bundle: BuiltBundle): string[] {
  return inputsOf(bundle)
    .map((path) => SECTION_MODULE.exec(path)?.[1])
    .filter((section): section is string => section !== undefined && section !== 'languages')
    .sort();
}

/** Every file of `sections` in every language, as the catalog folders hold them. */
function filesOfSections(sections: readonly string[]): string[] {
  return LANGUAGES.flatMap((language) =>
    readdirSync(join(PROJECT_ROOT, CATALOG, language), { recursive: true, encoding: 'utf8' })
      .map((file) => `${CATALOG}${language}/${file}`)
      .filter((path) => sections.includes(LANGUAGE_FILE.exec(path)?.[2] ?? '') && /\.(json|html|txt)$/.test(path)),
  ).sort();
}

describe("the bundles' message catalog", () => {
  const bundles = new Map<string, BuiltBundle>();

  beforeAll(async () => {
    for (const deployed of deployedFunctions()) bundles.set(deployed.name, await buildProductionBundle(deployed.entry));
  }, 60_000);

  const built = (name: string): BuiltBundle => {
    const bundle = bundles.get(name);
    if (bundle === undefined) throw new Error(`No bundle was built for ${name}.`);
    return bundle;
  };

  it.each(deployedFunctions().map((deployed) => deployed.name))(
    '%s carries the files of exactly the sections it imports, in every language',
    (name) => {
      expect(languageFiles(built(name))).toEqual(filesOfSections(importedSections(built(name))));
    },
  );

  it.each(Object.entries(SECTIONS_OF_FUNCTION))('%s imports the sections %p and no other', (name, sections) => {
    expect(importedSections(built(name))).toEqual([...sections].sort());
  });
});
