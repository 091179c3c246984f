import { join } from 'node:path';
import { type ColdVariant, NO_SOURCE_MAPS } from './cold';
import { COLD_SCENARIOS, FLOORS } from './cold-scenarios';
import type { BenchEmulators } from './emulators';
import { packagedFunction, scenarioEnvironment, templateEnvironment } from './function-environment';
import { moduleTracePlugin } from './module-trace';
import type { PackagedFunction } from './packaged-stack';
import { buildProductionBundle, deployedFunctions, writeBundle } from './production-build';
import { buildSplitEsModules } from './what-if-builds';

/** Run numbers of a variant start at a multiple of this, so variants never share a user. */
const RUN_OFFSET_STEP = 1_000;

/** NODE_OPTIONS without `--enable-source-maps`, for the what-if row that starts a function without them. */
function withoutSourceMaps(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: (env.NODE_OPTIONS ?? '').replace(/--enable-source-maps\b/g, '').trim() };
}

/**
 * Builds the bare, floor, traced and what-if bundles into `workDir` and lists every cold variant: the bare
 * handler; per path the function (its packaged bundle), its floor and floor with the path's work, and two
 * what-ifs: the same bundle started without source maps, and the function built as split ES modules.
 */
export async function coldVariants(
  packaged: readonly PackagedFunction[],
  emulators: BenchEmulators,
  workDir: string,
): Promise<ColdVariant[]> {
  const built = new Map<string, { bundleFile: string; tracedFile: string }>();
  const buildOnce = async (key: string, entry: string, productionFile?: string) => {
    const existing = built.get(key);
    if (existing !== undefined) return existing;
    const bundleFile = productionFile ?? writeBundle(await buildProductionBundle(entry), join(workDir, 'floors', key));
    const tracedFile = writeBundle(
      await buildProductionBundle(entry, [moduleTracePlugin()]),
      join(workDir, 'traced', key),
    );
    const files = { bundleFile, tracedFile };
    built.set(key, files);
    return files;
  };
  const [first] = COLD_SCENARIOS;
  if (first === undefined) throw new Error('No cold scenarios.');
  const functions = deployedFunctions();
  const bareEnv = {
    PATH: process.env.PATH,
    NODE_OPTIONS: templateEnvironment(packagedFunction(packaged, first.functionName)).NODE_OPTIONS ?? '',
  };
  const bare = await buildOnce('bare', FLOORS.bare);
  const variants: Omit<ColdVariant, 'runOffset'>[] = [
    { key: 'bare', kind: 'bare', label: 'bare handler', scenario: first, ...bare, env: bareEnv },
    {
      key: `${NO_SOURCE_MAPS}bare`,
      kind: 'bare',
      label: 'bare, no --enable-source-maps',
      scenario: first,
      ...bare,
      env: withoutSourceMaps(bareEnv),
    },
  ];
  for (const scenario of COLD_SCENARIOS) {
    const entry = functions.find((deployed) => deployed.name === scenario.functionName)?.entry ?? '';
    const production = packagedFunction(packaged, scenario.functionName);
    const env = scenarioEnvironment(scenario, packaged, emulators);
    const own = await buildOnce(scenario.functionName, entry, production.bundleFile);
    variants.push({ key: scenario.id, kind: 'function', label: scenario.id, scenario, ...own, env });
    if (scenario.floor !== 'bare') {
      const floor = await buildOnce(`floor-${scenario.floor}`, FLOORS[scenario.floor]);
      variants.push({
        key: `floor:${scenario.id}`,
        kind: 'floor',
        label: 'floor (construct only)',
        scenario,
        ...floor,
        env,
      });
      const withWork = { ...env, BENCH_FLOOR_CALLS: 'true' };
      variants.push({
        key: `floor+calls:${scenario.id}`,
        kind: 'floor+calls',
        label: "floor + the path's work",
        scenario,
        ...floor,
        env: withWork,
      });
    }
    const noMaps = { bundleFile: own.bundleFile, tracedFile: undefined, env: withoutSourceMaps(env) };
    variants.push({
      key: `${NO_SOURCE_MAPS}${scenario.id}`,
      kind: 'what-if',
      label: 'what if: no --enable-source-maps',
      scenario,
      ...noMaps,
    });
    const split = await buildSplitEsModules(entry, join(workDir, 'esm', scenario.functionName));
    const esm = { bundleFile: split, tracedFile: undefined, env };
    variants.push({
      key: `esm-split:${scenario.id}`,
      kind: 'what-if',
      label: 'what if: ES modules + code splitting',
      scenario,
      ...esm,
    });
  }
  return variants.map((variant, index) => ({ ...variant, runOffset: index * RUN_OFFSET_STEP }));
}
