import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '@scripts/bench/production-build';
import { parsedTemplates, parsedTemplatesIn } from '@scripts/build/parsed-templates';
import { TEMPLATE_OPTIONS } from '@shared/templates/engine';
import { build, type Plugin } from 'esbuild';
import { Eta } from 'eta';

/** Every file of the catalog the plugin turns into a module: template files and texts files. */
function catalogFiles(): string[] {
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)],
    );
  return [...files(join(PROJECT_ROOT, 'shared', 'messages')), ...files(join(PROJECT_ROOT, 'shared', 'templates'))]
    .filter((file) => /\.(html|txt|json)$/.test(file))
    .map((file) => relative(PROJECT_ROOT, file));
}

interface BuiltCatalog {
  /** Each file's default export, in the order of the files. */
  readonly contents: unknown[];
  /** The parse the build registered for a template, if any. */
  parsedTemplate(template: string): unknown;
}

/** Builds a bundle that imports `files` with `plugin`, and evaluates it. */
async function buildCatalog(
  files: readonly string[],
  plugin: Plugin,
  resolveDir = PROJECT_ROOT,
): Promise<BuiltCatalog> {
  const imports = files.map((file, index) => `import file${index} from ${JSON.stringify(join(resolveDir, file))};`);
  const result = await build({
    stdin: {
      contents: [
        ...imports,
        "export { parsedTemplate } from '@shared/templates/parsed-templates';",
        `export const contents = [${files.map((_, index) => `file${index}`).join(', ')}];`,
      ].join('\n'),
      resolveDir: PROJECT_ROOT,
      loader: 'ts',
    },
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    loader: { '.html': 'text', '.txt': 'text' },
    plugins: [plugin],
  });
  const module = { exports: {} as BuiltCatalog };
  new Function('module', 'exports', result.outputFiles[0]?.text ?? '')(module, module.exports);
  return module.exports;
}

/** The templates of a file's content: its text, or every string with a tag in its JSON. */
function templatesOf(content: unknown): string[] {
  if (typeof content === 'string') return content.includes('<%') ? [content] : [];
  return typeof content === 'object' && content !== null ? Object.values(content).flatMap(templatesOf) : [];
}

describe('the build parses the message catalog', () => {
  const files = catalogFiles();
  const eta = new Eta(TEMPLATE_OPTIONS);
  let catalog: BuiltCatalog;

  beforeAll(async () => {
    catalog = await buildCatalog(files, parsedTemplates);
  }, 30_000);

  it('keeps every file what the text and JSON loaders make of it', () => {
    const expected = files.map((file) => {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      return file.endsWith('.json') ? JSON.parse(text) : text;
    });

    expect(catalog.contents).toEqual(expected);
  });

  it("registers Eta's parse of every template, HTML, text and one-line texts alike", () => {
    const templates = catalog.contents.flatMap(templatesOf);

    expect(templates.length).toBeGreaterThan(50);
    for (const template of templates) expect(catalog.parsedTemplate(template)).toEqual(eta.parse(template));
  });

  it('registers nothing for a text without a tag', () => {
    expect(catalog.parsedTemplate('A text without a tag')).toBeUndefined();
  });
});

describe('a broken template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parsed-templates-'));
  const folder = join(dir, 'messages');
  mkdirSync(folder);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['an unclosed tag', 'unclosed.html', '<p>Hello <%= it.name</p>', /messages\/unclosed\.html: .*unclosed tag/s],
    [
      'JavaScript that does not compile',
      'syntax.txt',
      'Hello <%= it.( %>',
      /messages\/syntax\.txt: Bad template syntax/,
    ],
    ['in a texts file', 'texts.json', '{"subject":"Hi <%= it. %>"}', /messages\/texts\.json: Bad template syntax/],
  ])('stops the build naming its file: %s', async (_case, file, text, message) => {
    writeFileSync(join(folder, file), text);

    await expect(buildCatalog([`messages/${file}`], parsedTemplatesIn([folder]), dir)).rejects.toThrow(message);
  });

  it('outside the folders is left to the loaders', async () => {
    writeFileSync(join(dir, 'elsewhere.txt'), 'Hello <%= it.name');

    const built = await buildCatalog(['elsewhere.txt'], parsedTemplatesIn([folder]), dir);

    expect(built.contents).toEqual(['Hello <%= it.name']);
    expect(built.parsedTemplate('Hello <%= it.name')).toBeUndefined();
  });
});
