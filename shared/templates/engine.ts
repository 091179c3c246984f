import { Eta } from 'eta';

/**
 * The message template engine: Eta with HTML escaping on by default (`<%= value %>` escapes, only
 * `<%~ value %>` writes raw text, which HTML templates use solely for other rendered templates and for
 * Cognito's placeholders; subject, SMS and plain-text templates print raw because they are not HTML). Values are data, never templates: text inside an attribute such as
 * `<%= it.secret %>` is printed, not evaluated.
 *
 * @see https://eta.js.org/docs/intro/template-syntax
 */
const eta = new Eta({ autoEscape: true, autoTrim: false, useWith: false, varName: 'it', cache: false });

type Compiled = ReturnType<Eta['compile']>;
const compiled = new Map<string, Compiled>();

/** Renders `template` with `data` available as `it`; each distinct template is compiled once per container. */
export function renderTemplate(template: string, data: object): string {
  let render = compiled.get(template);
  if (render === undefined) {
    render = eta.compile(template);
    compiled.set(template, render);
  }
  return eta.render(render, data);
}
