import { Eta } from 'eta';
import { singleLine } from '../text';
import { compiledTemplate } from './compiled-templates';

/**
 * The options of the message template engine: Eta, with one escaping rule. In every template `<%= value %>` prints
 * a value made safe for the kind of text, and `<%~ value %>` prints it as it is, which templates use only for
 * Cognito's placeholders and for HTML another template rendered:
 *
 * - HTML (email bodies, the layout): `<%= %>` escapes HTML (Eta's autoEscape).
 * - Plain text (subjects, SMS, text bodies, refusals): `<%= %>` prints the value as one clean line
 *   ({@link singleLine}), so no value can add a line, a header or a character Cognito refuses.
 *
 * Values are data, never templates: text inside an attribute such as `<%= it.secret %>` is printed, not evaluated.
 *
 * The build compiles the catalog's templates with these options (scripts/build/compiled-templates.ts).
 *
 * @see https://eta.js.org/docs/intro/template-syntax
 */
export const TEMPLATE_OPTIONS = {
  autoEscape: true,
  autoTrim: false,
  useWith: false,
  varName: 'it',
  cache: false,
} as const;

type Render = (template: string, data: object) => string;

/** How every tag of a template starts (`<%=`, `<%~`, `<%`); a text without one is not a template. */
export const TAG_START = '<%';

/**
 * A render function over an Eta with {@link TEMPLATE_OPTIONS} and `options`. It renders a template with the function
 * the build compiled for it (./compiled-templates.ts) and compiles any other once per container. A template without
 * a tag is its own output, so it is not compiled: texts such as the generic failure message cost nothing at cold
 * start. A compiled template reads the escaping function from the Eta that calls it, so the HTML and the plain-text
 * engine share the build's functions.
 */
function renderer(options: Partial<Eta['config']> = {}): Render {
  const eta = new Eta({ ...TEMPLATE_OPTIONS, ...options });
  const compiled = new Map<string, ReturnType<Eta['compile']>>();
  return (template, data) => {
    if (!template.includes(TAG_START)) return template;
    let render = compiledTemplate(template) ?? compiled.get(template);
    if (render === undefined) {
      render = eta.compile(template);
      compiled.set(template, render);
    }
    return eta.render(render, data);
  };
}

const html = renderer();
const plainText = renderer({ escapeFunction: (value: unknown) => singleLine(String(value)) });

/** Renders an HTML template with `data` as `it`; `<%= %>` escapes HTML. Throws whatever a broken template throws. */
export function renderHtml(template: string, data: object): string {
  return html(template, data);
}

/**
 * Renders a plain-text template with `data` as `it`, trimmed; `<%= %>` prints each value as one clean line. The
 * template's own line breaks stay: a subject, an SMS or a refusal is one line because its template is.
 */
export function renderText(template: string, data: object): string {
  return plainText(template, data).trim();
}
