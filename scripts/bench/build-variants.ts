import { COMPILED_TEMPLATES_PLUGIN } from '@scripts/build/compiled-templates';
import type { BuildOptions } from 'esbuild';
import { PROJECT_ROOT } from './production-build';
import { withoutObservability } from './unobserved/plugin';

/**
 * Another build of every function and of the bare handler, started cold next to the shipped build in the same
 * interleaved rounds: what a choice of the build (ES modules, say) is worth is the ratio between the two.
 */
export interface BuildVariant {
  /** Short, for the row keys: `<path> [<name>]`. */
  readonly name: string;
  /** What the variant builds differently, for the tables. */
  readonly what: string;
  /** esbuild options over the production ones (serverless.yml's `custom.esbuild`). */
  readonly options: BuildOptions;
  /** Production plugins (scripts/build/plugins.ts) the variant is built without, by name. */
  readonly withoutPlugins?: readonly string[];
}

/** The build without the metrics and the richer log lines, whose cost the bench shows cold and warm. */
export const UNOBSERVED: BuildVariant = {
  name: 'unobserved',
  what: 'without the metrics and the richer log lines',
  options: { plugins: [withoutObservability(PROJECT_ROOT)] },
};

/** The build that leaves the templates to be parsed and compiled at first render, as before the build compiled them. */
export const TEMPLATES_COMPILED_AT_RUN_TIME: BuildVariant = {
  name: 'runtime-compile',
  what: 'with the templates compiled at first render, not at build time',
  options: {},
  withoutPlugins: [COMPILED_TEMPLATES_PLUGIN],
};

/**
 * The variants `npm run bench` starts cold beside the shipped build. The single CommonJS file the functions were
 * before ES modules is no longer one: what code splitting is worth is recorded in BENCHMARKS.md (Findings 1).
 */
export const BUILD_VARIANTS: readonly BuildVariant[] = [UNOBSERVED, TEMPLATES_COMPILED_AT_RUN_TIME];
