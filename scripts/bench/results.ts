import type { BundleReport } from './bundles';
import type { ColdMeasurement } from './cold';
import type { Summary } from './stats';
import type { WarmMode } from './warm-run';

/** The machine a bench ran on. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load averages when the bench started and ended; other work on the machine shows here. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly date: string;
}

/** One path started cold, next to the floors it is compared with. */
export interface ColdRow {
  readonly id: string;
  readonly functionName: string;
  readonly path: string;
  readonly fixture: string;
  readonly sdkFree: boolean;
  readonly measured: ColdMeasurement;
  readonly floor: ColdMeasurement;
  /** The floor also doing the path's work (its AWS calls); absent when the floor is the bare handler. */
  readonly floorWithCalls: ColdMeasurement | undefined;
  /** The function built or started differently, to show what a change would do. */
  readonly whatIfs: readonly ColdMeasurement[];
  /** Medians of init + first invocation, divided. */
  readonly ratioToBare: number;
  readonly ratioToFloor: number;
  readonly ratioToFloorWithCalls: number | undefined;
  /** Whether the function and its floor with calls made the same AWS calls (undefined without such a floor). */
  readonly sameOperationsAsFloor: boolean | undefined;
}

/** Warm invocations of one function on one fixture: its whole flow, or its plumbing alone. */
export interface WarmRow {
  readonly functionName: string;
  readonly fixture: string;
  readonly mode: WarmMode;
  readonly micros: Summary;
  readonly batchSize: number;
  readonly outcome: string;
  /** Median µs above the bare handler's, and the ratio of the medians. */
  readonly overheadMicros: number;
  readonly ratioToBare: number;
}

/** Verification cost of one password hash format at its default parameters. */
export interface PasswordRow {
  readonly format: string;
  readonly parameters: string;
  readonly firstMs: number;
  readonly ms: Summary;
  /**
   * 5,000 ms minus the p99 and minus the rest of userMigration's cold sign-in: the p99 of its measured cold
   * start with its AWS calls, less the bcrypt check that path contains (bcrypt's p50).
   */
  readonly budgetLeftMs: number;
}

/** End-to-end latency on the local pool, or why it was not measured. */
export type EndToEnd =
  | {
      readonly measured: true;
      readonly runs: number;
      readonly withTriggers: Summary;
      readonly withoutTriggers: Summary;
      /** The first sign-up with triggers, whose functions all start cold. */
      readonly firstWithTriggersMs: number;
    }
  | { readonly measured: false; readonly reason: string };

/** Whether one target of the issue is met, with the figure that decides it. */
export interface TargetResult {
  readonly target: string;
  readonly subject: string;
  readonly met: boolean;
  readonly measured: string;
}

/** Everything `npm run bench` measured; written to bench/results.json. */
export interface BenchResults {
  readonly machine: Machine;
  readonly settings: { readonly coldRuns: number; readonly nodeOptions: string };
  readonly bundles: readonly BundleReport[];
  readonly bare: ColdMeasurement;
  /** The bare handler started without `--enable-source-maps`, the baseline of the what-if rows without them. */
  readonly bareWithoutSourceMaps: ColdMeasurement;
  readonly cold: readonly ColdRow[];
  readonly bareWarm: Summary;
  readonly warm: readonly WarmRow[];
  readonly passwords: readonly PasswordRow[];
  readonly endToEnd: EndToEnd;
  readonly targets: readonly TargetResult[];
}
