import { join } from 'node:path';
import type { ColdMeasurement, ColdRow } from './cold';
import type { BenchEmulators } from './emulators';
import type { FunctionUnderBench } from './functions';
import { type PackagedStack, packagedFunction } from './packaged-stack';
import { buildProductionBundle, writeBundle } from './production-build';
import { ratio } from './stats';

/** The key and floor of the baseline: a handler that returns the event (`scripts/bench/floors/bare.ts`). */
export const BARE = 'bare';
/** Run numbers of a row start at a multiple of this, so rows never share a user. */
const RUN_OFFSET_STEP = 1_000;

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
}

/**
 * The rows the bench starts cold: the bare handler; for every path of every function, the packaged bundle and,
 * for a path that calls AWS, its floor, built with the production options into `workDir`. A function's rows get
 * its packaged environment, its bench settings and the emulators' endpoints. Another build of a function (an ES
 * module bundle, say) is one more row with its own bundle, the same path and the same `judgedAgainst`.
 */
export async function coldRows(
  functions: readonly FunctionUnderBench[],
  stack: PackagedStack,
  emulators: BenchEmulators,
  workDir: string,
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
  return rows.map((row, index) => ({ ...row, runOffset: index * RUN_OFFSET_STEP }));
}

/** Each path's measurement (`measurements` in the order of `rows`) next to its floor's, with the ratios. */
export function coldPathResults(
  rows: readonly ColdRow[],
  measurements: readonly ColdMeasurement[],
): { bare: ColdMeasurement; paths: ColdPathResult[] } {
  const byKey = new Map(measurements.map((measurement) => [measurement.key, measurement]));
  const bare = byKey.get(BARE);
  if (bare === undefined) throw new Error('The bare handler was not measured.');
  const paths = rows.flatMap((row) => {
    const measured = byKey.get(row.key);
    if (row.judgedAgainst === undefined || row.path === undefined || measured === undefined) return [];
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
      },
    ];
  });
  return { bare, paths };
}

/** What a path and its floor called when they differ: `called dynamodb.GetItem, its floor none`. */
export function callsAgainstFloor(path: ColdPathResult): string {
  return `called ${path.measured.operations.join(' ') || 'no AWS'}, its floor ${path.floor.operations.join(' ') || 'none'}`;
}
