import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '@scripts/bench/production-build';
import { compiledTemplates, compiledTemplatesIn } from '@scripts/build/compiled-templates';
import type { CompiledTemplate } from '@shared/templates/compiled-templates';
import { TEMPLATE_OPTIONS } from '@shared/templates/engine';
import { singleLine } from '@shared/text';
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
  /** The function the build registered for a template, if any. */
  compiledTemplate(template: string): CompiledTemplate | undefined;
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
        "export { compiledTemplate } from '@shared/templates/compiled-templates';",
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

/**
 * Data for any template: every property is more such data, which prints as `value <&>` and, called, returns more.
 * A template renders the same text from it whichever function renders it.
 */
function anyData(): object {
  const data: object = new Proxy(() => data, {
    get: (_target, key) =>
      key === Symbol.toPrimitive ? () => 'value <&>' : key === '__blocks' || key === 'then' ? undefined : data,
  });
  return data;
}

describe('the build compiles the message catalog', () => {
  const files = catalogFiles();
  const engines = [
    ['HTML', new Eta(TEMPLATE_OPTIONS)],
    ['plain text', new Eta({ ...TEMPLATE_OPTIONS, escapeFunction: (value: unknown) => singleLine(String(value)) })],
  ] as const;
  let catalog: BuiltCatalog;

  beforeAll(async () => {
    catalog = await buildCatalog(files, compiledTemplates);
  }, 30_000);

  it('keeps every file what the text and JSON loaders make of it', () => {
    const expected = files.map((file) => {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      return file.endsWith('.json') ? JSON.parse(text) : text;
    });

    expect(catalog.contents).toEqual(expected);
  });

  it.each(engines)(
    'registers for every template a function that renders what Eta compiles at run time: %s',
    (_kind, eta) => {
      const templates = catalog.contents.flatMap(templatesOf);

      expect(templates.length).toBeGreaterThan(50);
      for (const template of templates) {
        const compiled = catalog.compiledTemplate(template);

        expect(compiled).toBeInstanceOf(Function);
        expect(eta.render(compiled as CompiledTemplate, anyData())).toBe(eta.render(eta.compile(template), anyData()));
      }
    },
  );

  it('registers nothing for a text without a tag', () => {
    expect(catalog.compiledTemplate('A text without a tag')).toBeUndefined();
  });
});

describe('a broken template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compiled-templates-'));
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
    [
      'JavaScript that does not compile in strict mode, as a bundle runs it',
      'sloppy.txt',
      '<% with (it) { %>Hello<% } %>',
      /messages\/sloppy\.txt: Bad template syntax: Strict mode/,
    ],
    ['in a texts file', 'texts.json', '{"subject":"Hi <%= it. %>"}', /messages\/texts\.json: Bad template syntax/],
  ])('stops the build naming its file: %s', async (_case, file, text, message) => {
    writeFileSync(join(folder, file), text);

    await expect(buildCatalog([`messages/${file}`], compiledTemplatesIn([folder]), dir)).rejects.toThrow(message);
  });

  it('outside the folders is left to the loaders', async () => {
    writeFileSync(join(dir, 'elsewhere.txt'), 'Hello <%= it.name');

    const built = await buildCatalog(['elsewhere.txt'], compiledTemplatesIn([folder]), dir);

    expect(built.contents).toEqual(['Hello <%= it.name']);
    expect(built.compiledTemplate('Hello <%= it.name')).toBeUndefined();
  });
});
