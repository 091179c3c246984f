import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { TAG_START, TEMPLATE_OPTIONS } from '@shared/templates/engine';
import type { Plugin } from 'esbuild';
import { Eta } from 'eta';

/** The project's folder; the message catalog is `shared/messages/`, the email layout `shared/templates/`. */
const PROJECT_ROOT = join(__dirname, '..', '..');
const CATALOG_FOLDERS = [join(PROJECT_ROOT, 'shared', 'messages'), join(PROJECT_ROOT, 'shared', 'templates')];
const REGISTRY = join(PROJECT_ROOT, 'shared', 'templates', 'parsed-templates.ts');

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
 * The module of a catalog file: its content, as the text or JSON loader exports it, and a registration of Eta's
 * parse of each template in it. Each template is also compiled, so a template Eta cannot parse or whose JavaScript
 * does not compile stops the build, naming the file.
 */
function catalogModule(file: string, content: unknown): string {
  const eta = new Eta(TEMPLATE_OPTIONS);
  const registrations = templatesIn(content, 'content').map(({ template, expression }) => {
    try {
      eta.compile(template);
    } catch (error) {
      throw new Error(`${relative(PROJECT_ROOT, file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return `addParsedTemplate(${expression}, () => (${JSON.stringify(eta.parse(template))}));`;
  });
  return [
    ...(registrations.length === 0 ? [] : [`import { addParsedTemplate } from ${JSON.stringify(REGISTRY)};`]),
    `const content = ${JSON.stringify(content)};`,
    ...registrations,
    'export default content;',
  ].join('\n');
}

/** The name of the plugins {@link parsedTemplatesIn} makes. */
export const PARSED_TEMPLATES_PLUGIN = 'parsed-templates';

/**
 * An esbuild plugin that parses templates at build time: each template file (`.html`, `.txt`) and texts file
 * (`.json`) under `folders` becomes the module the text or JSON loader would make, plus a registration of Eta's
 * parse of every template in it with the engine (shared/templates/parsed-templates.ts). A cold start then
 * compiles a template without running Eta's parser, and a broken template stops the build instead of reaching a
 * user's message.
 */
export function parsedTemplatesIn(folders: readonly string[]): Plugin {
  return {
    name: PARSED_TEMPLATES_PLUGIN,
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
export const parsedTemplates: Plugin = parsedTemplatesIn(CATALOG_FOLDERS);
