import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { TAG_START, TEMPLATE_OPTIONS } from '@shared/templates/engine';
import type { Plugin } from 'esbuild';
import { Eta } from 'eta';

/** The project's folder; the message catalog is `shared/messages/`, the email layout `shared/templates/`. */
const PROJECT_ROOT = join(__dirname, '..', '..');
const CATALOG_FOLDERS = [join(PROJECT_ROOT, 'shared', 'messages'), join(PROJECT_ROOT, 'shared', 'templates')];
const REGISTRY = join(PROJECT_ROOT, 'shared', 'templates', 'compiled-templates.ts');

/** A template of a catalog file, and the JavaScript expression of it in the file's module (`content["subject"]`). */
interface FoundTemplate {
  readonly template: string;
  readonly expression: string;
}

/** The templates in `value`, a text or a texts file's JSON, with the expression of each from `expression`. */
function templatesIn(value: unknown, expression: string): FoundTemplate[] {
  if (typeof value === 'string') return value.includes(TAG_START) ? [{ template: value, expression }] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => templatesIn(item, `${expression}[${JSON.stringify(key)}]`));
}

/**
 * The JavaScript of the function that renders `template` as Eta does with {@link TEMPLATE_OPTIONS}: Eta's compiled
 * body of it, and only the state that body uses, read from the Eta that calls the function (its escaping function,
 * so one function serves the HTML and the plain-text engine). Eta's own compiled functions also define its helpers
 * (`include`, `layout`, `block`, `capture`, `output`) for every template, which is most of their code and which no
 * catalog template uses; test/unit/build/compiled-templates.test.ts holds each function equal to Eta's. The function
 * is compiled here as a bundle's ES module runs it, in strict mode, so a template Eta cannot parse, or whose
 * JavaScript does not compile, stops the build naming `file`.
 */
function compiledFunction(eta: Eta, file: string, template: string): string {
  try {
    const source = [
      "const __eta = { res: '', e: this.config.escapeFunction, f: this.config.filterFunction };",
      eta.compileBody(eta.parse(template)),
      'return __eta.res;',
    ].join('\n');
    new Function(TEMPLATE_OPTIONS.varName, `'use strict';\n${source}`);
    return `function (${TEMPLATE_OPTIONS.varName}) {\n${source}\n}`;
  } catch (error) {
    const reason =
      error instanceof SyntaxError
        ? `Bad template syntax: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new Error(`${relative(PROJECT_ROOT, file)}: ${reason}`);
  }
}

/**
 * The module of a catalog file: its content, as the text or JSON loader exports it, and a registration of the
 * function Eta compiles each template in it to, as code of the bundle.
 */
function catalogModule(file: string, content: unknown): string {
  const eta = new Eta(TEMPLATE_OPTIONS);
  const registrations = templatesIn(content, 'content').map(
    ({ template, expression }) => `addCompiledTemplate(${expression}, ${compiledFunction(eta, file, template)});`,
  );
  return [
    ...(registrations.length === 0 ? [] : [`import { addCompiledTemplate } from ${JSON.stringify(REGISTRY)};`]),
    `const content = ${JSON.stringify(content)};`,
    ...registrations,
    'export default content;',
  ].join('\n');
}

/** The name of the plugins {@link compiledTemplatesIn} makes. */
export const COMPILED_TEMPLATES_PLUGIN = 'compiled-templates';

/**
 * An esbuild plugin that compiles templates at build time: each template file (`.html`, `.txt`) and texts file
 * (`.json`) under `folders` becomes the module the text or JSON loader would make, plus, for every template in it,
 * the function Eta compiles it to, registered with the engine (shared/templates/compiled-templates.ts). A cold start
 * then renders a template without parsing it or compiling JavaScript from a string, and a broken template stops the
 * build instead of reaching a user's message.
 */
export function compiledTemplatesIn(folders: readonly string[]): Plugin {
  return {
    name: COMPILED_TEMPLATES_PLUGIN,
    setup(build) {
      build.onLoad({ filter: /\.(html|txt|json)$/ }, async ({ path }) => {
        if (!folders.some((folder) => path.startsWith(`${folder}/`))) return undefined;
        const text = await readFile(path, 'utf8');
        const content: unknown = path.endsWith('.json') ? JSON.parse(text) : text;
        return { contents: catalogModule(path, content), loader: 'js', resolveDir: PROJECT_ROOT };
      });
    },
  };
}

/** The functions' plugin: the message catalog (`shared/messages/`) and the email layout (`shared/templates/`). */
export const compiledTemplates: Plugin = compiledTemplatesIn(CATALOG_FOLDERS);
