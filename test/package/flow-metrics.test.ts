/**
 * Each function declares the flow metrics its code counts (`metrics` in its function.ts), which its dashboard row
 * graphs and its alarms watch: the declaration must name exactly the metrics of the catalog that the project files
 * of its bundle name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPLOYED_FUNCTIONS } from '@functions/registry';
import { inputsOf } from '@scripts/bench/bundle-outputs';
import { buildProductionBundle, deployedFunction, PROJECT_ROOT } from '@scripts/bench/production-build';
import { FLOW_METRICS, type FlowMetric } from '@shared/metrics/catalog';

/** Where the metrics are defined, which names them all. */
const CATALOG = 'shared/metrics/catalog.ts';
const FLOW_METRIC_NAMES = Object.keys(FLOW_METRICS) as FlowMetric[];

/** `source` without its comments, whose examples may name metrics too. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

/** The flow metrics the code of the project files of `name`'s bundle names in quotes, as `metrics.count` takes them. */
async function metricsNamedIn(name: string): Promise<FlowMetric[]> {
  const built = await buildProductionBundle(deployedFunction(name).entry);
  const sources = inputsOf(built)
    .filter((input) => !input.includes('node_modules/') && input !== CATALOG && /\.ts$/.test(input))
    .map((input) => withoutComments(readFileSync(join(PROJECT_ROOT, input), 'utf8')));
  return FLOW_METRIC_NAMES.filter((metric) => sources.some((source) => source.includes(`'${metric}'`)));
}

describe.each(DEPLOYED_FUNCTIONS.map((declaration) => [declaration.name, declaration] as const))(
  'the registered function %s',
  (name, declaration) => {
    it('declares exactly the flow metrics its code counts', async () => {
      const declared: readonly FlowMetric[] = declaration.metrics ?? [];

      expect([...declared].sort()).toEqual((await metricsNamedIn(name)).sort());
    });
  },
);
