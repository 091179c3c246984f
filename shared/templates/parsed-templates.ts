/**
 * The templates of the message catalog as the build parsed them. The functions' build (scripts/build/
 * parsed-templates.ts) makes every template file and text of the catalog register the result of Eta's parser for
 * it here, so a cold start compiles a catalog template without parsing it: parsing is most of what compiling a
 * template costs (BENCHMARKS.md). A template registered nowhere, as in the tests, which load the catalog without
 * that build, is parsed when first rendered, to the same result.
 */

/** Each registered template, by its text, with what makes Eta's parse of it. */
const PARSED = new Map<string, () => unknown>();

/** Registers `parsed`, which makes Eta's parse of `template`, as what the engine compiles `template` from. */
export function addParsedTemplate(template: string, parsed: () => unknown): void {
  PARSED.set(template, parsed);
}

/** The parse the build registered for `template`, or `undefined` when it registered none. */
export function parsedTemplate<T>(template: string): T | undefined {
  return PARSED.get(template)?.() as T | undefined;
}
