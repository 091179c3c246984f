/**
 * Each function's production bundle carries only the sections of the message catalog it uses, each complete in
 * every language: customMessage, on the I/O-free hot path, carries no refusal and no SES email.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BuiltBundle,
  buildProductionBundle,
  deployedFunctions,
  PROJECT_ROOT,
} from '@scripts/bench/production-build';
import { LANGUAGES } from '@shared/messages/languages';

/** The catalog sections each function uses: `<language>/<section>.json` and the files of `<language>/<section>/`. */
const SECTIONS_OF_FUNCTION: Readonly<Record<string, readonly string[]>> = {
  preSignUp: ['common', 'pre-sign-up'],
  customMessage: ['common', 'custom-message', 'email'],
  userMigration: ['common', 'user-migration'],
  postConfirmation: ['common', 'email', 'post-confirmation'],
};

const CATALOG = 'shared/messages/';
const CATALOG_FILE = /^shared\/messages\/([^/]+)\/([^/.]+)(?:\.json$|\/)/;

/** The files of the language folders in a bundle, e.g. `shared/messages/fr/custom-message/invitation.html`. */
function catalogFiles(bundle: BuiltBundle): string[] {
  return Object.keys(bundle.metafile.outputs[bundle.output]?.inputs ?? {}).filter((path) => CATALOG_FILE.test(path));
}

/** Every file of `sections` in every language, as the catalog folder holds them. */
function filesOfSections(sections: readonly string[]): string[] {
  return LANGUAGES.flatMap((language) =>
    readdirSync(join(PROJECT_ROOT, CATALOG, language), { recursive: true, encoding: 'utf8' })
      .map((file) => `${CATALOG}${language}/${file}`)
      .filter((path) => {
        const section = CATALOG_FILE.exec(path)?.[2];
        return section !== undefined && sections.includes(section) && /\.(json|html|txt)$/.test(path);
      }),
  ).sort();
}

describe("the bundles' message catalog", () => {
  const bundles = new Map<string, BuiltBundle>();

  beforeAll(async () => {
    for (const deployed of deployedFunctions()) bundles.set(deployed.name, await buildProductionBundle(deployed.entry));
  }, 60_000);

  it('names the sections of every function of serverless.yml', () => {
    expect(Object.keys(SECTIONS_OF_FUNCTION).sort()).toEqual([...bundles.keys()].sort());
  });

  it.each(Object.entries(SECTIONS_OF_FUNCTION))(
    '%s carries exactly the files of its sections (%p), in every language',
    (name, sections) => {
      const bundle = bundles.get(name);
      if (bundle === undefined) throw new Error(`No bundle was built for ${name}.`);

      expect(catalogFiles(bundle).sort()).toEqual(filesOfSections(sections));
    },
  );
});
