import { join, resolve } from 'node:path';
import type { Plugin } from 'esbuild';

/** The modules of the observability and their stand-ins, relative to the project. */
const STAND_INS: Readonly<Record<string, string>> = {
  'shared/metrics/invocation-metrics.ts': 'scripts/bench/unobserved/invocation-metrics.ts',
  'shared/middleware/lambda-fields.ts': 'scripts/bench/unobserved/lambda-fields.ts',
};

/**
 * An esbuild plugin that builds the plumbing without the metrics and the richer log lines, each module of them
 * replaced by its stand-in of this folder, so the bench can put the observability's cost beside the shipped build.
 */
export function withoutObservability(projectRoot: string): Plugin {
  const standIns = new Map(
    Object.entries(STAND_INS).map(([module, standIn]) => [join(projectRoot, module), join(projectRoot, standIn)]),
  );
  return {
    name: 'without-observability',
    setup(build) {
      build.onResolve({ filter: /\/(invocation-metrics|lambda-fields)$/ }, ({ path, resolveDir }) => {
        const standIn = standIns.get(`${resolve(resolveDir, path)}.ts`);
        return standIn === undefined ? undefined : { path: standIn };
      });
    },
  };
}
