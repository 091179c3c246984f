/**
 * The templates of the message catalog as the build compiled them. The functions' build (scripts/build/
 * compiled-templates.ts) makes every template file and text of the catalog register, here, the function Eta's
 * compiler makes of it, written into the bundle as code: a cold start renders a catalog template without parsing
 * it or compiling JavaScript from a string (BENCHMARKS.md). A template registered nowhere, as in the tests, which load
 * the catalog without that build, is compiled when first rendered, to a function of the same source.
 */
import type { Eta } from 'eta';

/**
 * A compiled template, as Eta's compiler makes it: called by the engine's Eta with `it` (the data) and its render
 * options, it reads the escaping function from the Eta it is called on, so one function serves every engine.
 */
export type CompiledTemplate = ReturnType<Eta['compile']>;

const COMPILED = new Map<string, CompiledTemplate>();

/** Registers `compiled` as what the engine renders `template` with. */
export function addCompiledTemplate(template: string, compiled: CompiledTemplate): void {
  COMPILED.set(template, compiled);
}

/** The function the build registered for `template`, or `undefined` when it registered none. */
export function compiledTemplate(template: string): CompiledTemplate | undefined {
  return COMPILED.get(template);
}
