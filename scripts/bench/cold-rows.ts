import { join } from 'node:path';
import { BUILD_VARIANTS, type BuildVariant } from './build-variants';
import type { ColdMeasurement, ColdRow } from './cold';
import type { BenchEmulators } from './emulators';
import type { FunctionUnderBench } from './functions';
import { type PackagedStack, packagedFunction } from './packaged-stack';
import { buildProductionBundle, deployedFunction, writeBundle } from './production-build';
import { ratio } from './stats';

/** The key and floor of the baseline: a handler that returns the event (`scripts/bench/floors/bare.ts`). */
export const BARE = 'bare';
/** Run numbers of a row start at a multiple of this, so rows never share a user. */
const RUN_OFFSET_STEP = 1_000;

/** Another build's cold starts of a path or of the bare handler, next to the shipped build's. */
export interface VariantResult {
  readonly variant: string;
  readonly what: string;
  readonly measured: ColdMeasurement;
  /** Medians of the totals, the variant's divided by the shipped build's. */
  readonly ratioToShipped: number;
}

/** A path's cold starts next to its floor's, which does the same AWS calls with nothing else loaded. */
export interface ColdPathResult {
  /** `<function>/<path>`. */
  readonly id: string;
  readonly what: string;
  readonly measured: ColdMeasurement;
  /** The floor's cold starts; the bare handler's for a path that calls no AWS service. */
  readonly floor: ColdMeasurement;
  readonly callsAws: boolean;
  /** Medians of the totals, divided. */
  readonly ratioToBare: number;
  readonly ratioToFloor: number;
  /** Whether the path made exactly its floor's AWS calls (none, when the floor is the bare handler). */
  readonly sameCallsAsFloor: boolean;
  /** The path in the other builds of build-variants.ts. */
  readonly variants: readonly VariantResult[];
}

/** The rows of `variants` for `rows` (the bare handler and the paths): one per row and variant, with its own build. */
async function variantRows(
  rows: readonly Omit<ColdRow, 'runOffset'>[],
  variants: readonly BuildVariant[],
  workDir: string,
): Promise<Omit<ColdRow, 'runOffset'>[]> {
  const built = new Map<string, string>();
  const bundleOf = async (variant: BuildVariant, entry: string): Promise<string> => {
    const key = `${variant.name} ${entry}`;
    const file =
      built.get(key) ??
      writeBundle(
        await buildProductionBundle(entry, variant.options, variant.withoutPlugins),
        join(workDir, 'variants', variant.name, entry),
      );
    built.set(key, file);
    return file;
  };
  const variantsOf = async (row: Omit<ColdRow, 'runOffset'>, entry: string) =>
    Promise.all(
      variants.map(async (variant) => ({
        ...row,
        key: `${row.key} [${variant.name}]`,
        bundleFile: await bundleOf(variant, entry),
        variantOf: { key: row.key, variant: variant.name },
      })),
    );
  const found: Omit<ColdRow, 'runOffset'>[] = [];
  for (const row of rows) {
    if (row.key === BARE) found.push(...(await variantsOf(row, `scripts/bench/floors/${BARE}.ts`)));
    else if (row.judgedAgainst !== undefined) {
      found.push(...(await variantsOf(row, deployedFunction(row.key.slice(0, row.key.indexOf('/'))).entry)));
    }
  }
  return found;
}

/**
 * The rows the bench starts cold: the bare handler; for every path of every function, the packaged bundle and,
 * for a path that calls AWS, its floor, built with the production options into `workDir`; and the bare handler and
 * every path again in each build of `variants`. A function's rows get its packaged environment, its bench settings
 * and the emulators' endpoints.
 */
export async function coldRows(
  functions: readonly FunctionUnderBench[],
  stack: PackagedStack,
  emulators: BenchEmulators,
  workDir: string,
  variants: readonly BuildVariant[] = BUILD_VARIANTS,
): Promise<ColdRow[]> {
  const floors = new Map<string, string>();
  const floorFile = async (name: string): Promise<string> => {
    const built =
      floors.get(name) ??
      writeBundle(await buildProductionBundle(`scripts/bench/floors/${name}.ts`), join(workDir, 'floors', name));
    floors.set(name, built);
    return built;
  };
  // The provider's NODE_OPTIONS, when a stage sets any, start the baseline the way they start the functions.
  const nodeOptions = stack.functions[0]?.environment.NODE_OPTIONS;
  const bareEnv = { PATH: process.env.PATH, ...(nodeOptions === undefined ? {} : { NODE_OPTIONS: nodeOptions }) };
  const rows: Omit<ColdRow, 'runOffset'>[] = [
    { key: BARE, bundleFile: await floorFile(BARE), env: bareEnv, path: undefined },
  ];
  for (const { name, benched } of functions) {
    const packaged = packagedFunction(stack, name);
    const settings = { ...packaged.environment, ...benched.env };
    const env = { PATH: process.env.PATH, ...settings, ...emulators.env };
    const setUp = { dynamoDb: emulators.dynamoDb.client, env: settings };
    for (const [pathName, spec] of Object.entries(benched.paths)) {
      const key = `${name}/${pathName}`;
      const path = { spec, setUp };
      const floor = spec.floor === undefined ? undefined : { key: `${key} floor`, file: await floorFile(spec.floor) };
      rows.push({ key, bundleFile: packaged.bundleFile, env, path, judgedAgainst: floor?.key ?? BARE });
      if (floor !== undefined) rows.push({ key: floor.key, bundleFile: floor.file, env, path });
    }
  }
  rows.push(...(await variantRows(rows, variants, workDir)));
  return rows.map((row, index) => ({ ...row, runOffset: index * RUN_OFFSET_STEP }));
}

/** The variant rows of the row `key`, measured, next to its own measurement. */
function variantsOfRow(
  key: string,
  rows: readonly ColdRow[],
  byKey: ReadonlyMap<string, ColdMeasurement>,
  shipped: ColdMeasurement,
): VariantResult[] {
  return rows.flatMap((row) => {
    const measured = byKey.get(row.key);
    if (row.variantOf?.key !== key || measured === undefined) return [];
    const what = BUILD_VARIANTS.find((variant) => variant.name === row.variantOf?.variant)?.what ?? '';
    const ratioToShipped = ratio(measured.total.median, shipped.total.median);
    return [{ variant: row.variantOf.variant, what, measured, ratioToShipped }];
  });
}

/**
 * Each path's measurement (`measurements` in the order of `rows`) next to its floor's, with the ratios, and the
 * other builds of the bare handler and of each path next to the shipped one.
 */
export function coldPathResults(
  rows: readonly ColdRow[],
  measurements: readonly ColdMeasurement[],
): { bare: ColdMeasurement; bareVariants: VariantResult[]; paths: ColdPathResult[] } {
  const byKey = new Map(measurements.map((measurement) => [measurement.key, measurement]));
  const bare = byKey.get(BARE);
  if (bare === undefined) throw new Error('The bare handler was not measured.');
  const paths = rows.flatMap((row) => {
    const measured = byKey.get(row.key);
    if (row.judgedAgainst === undefined || row.variantOf !== undefined || row.path === undefined) return [];
    if (measured === undefined) return [];
    const floor = byKey.get(row.judgedAgainst);
    if (floor === undefined) throw new Error(`${row.judgedAgainst}, the floor of ${row.key}, was not measured.`);
    return [
      {
        id: row.key,
        what: row.path.spec.what,
        measured,
        floor,
        callsAws: floor !== bare,
        ratioToBare: ratio(measured.total.median, bare.total.median),
        ratioToFloor: ratio(measured.total.median, floor.total.median),
        sameCallsAsFloor: measured.operations.join() === floor.operations.join(),
        variants: variantsOfRow(row.key, rows, byKey, measured),
      },
    ];
  });
  return { bare, bareVariants: variantsOfRow(BARE, rows, byKey, bare), paths };
}

/** What a path and its floor called when they differ: `called dynamodb.GetItem, its floor none`. */
export function callsAgainstFloor(path: ColdPathResult): string {
  return `called ${path.measured.operations.join(' ') || 'no AWS'}, its floor ${path.floor.operations.join(' ') || 'none'}`;
}
