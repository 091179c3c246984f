import type { ColdMeasurement } from './cold';
import type { ColdPathResult, VariantResult } from './cold-rows';
import type { EndToEnd } from './end-to-end';
import type { PasswordRow } from './passwords';
import type { WarmResults } from './warm';

/** The machine a bench ran on. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load averages when the bench started and ended; other work on the machine shows here. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly date: string;
}

/** The parts of the bench a run can be limited to (`--only`); the bundles are always measured. */
export const SECTIONS = ['cold', 'warm', 'passwords', 'e2e'] as const;
/** One part of the bench: `cold`, `warm`, `passwords` or `e2e`. */
export type Section = (typeof SECTIONS)[number];

/** Size of one function as packaged. */
export interface BundleRow {
  readonly functionName: string;
  /** The minified JavaScript a cold start loads: the entry (`handler.js`) and the chunks it imports statically. */
  readonly startBytes: number;
  /** All the minified JavaScript of the package: the entry and every chunk. */
  readonly bytes: number;
  /** Chunks besides the entry; those not loaded at start load at the dynamic `import()` that needs them. */
  readonly chunks: number;
  /** The whole zip, with the source maps. */
  readonly zipBytes: number;
  /** Memory the template gives the function, in MB. */
  readonly memorySize: number;
}

/** Whether one target is met, with the figure that decides it. */
export interface TargetResult {
  readonly target: string;
  readonly subject: string;
  readonly met: boolean;
  readonly measured: string;
}

/** Everything one `npm run bench` measured; written to bench/results.json. Sections not run are absent. */
export interface BenchResults {
  readonly machine: Machine;
  readonly settings: { readonly coldRuns: number; readonly sections: readonly Section[] };
  readonly bundles: readonly BundleRow[];
  readonly cold?: {
    readonly bare: ColdMeasurement;
    /** The bare handler in the other builds of build-variants.ts. */
    readonly bareVariants: readonly VariantResult[];
    readonly paths: readonly ColdPathResult[];
  };
  readonly warm?: WarmResults;
  readonly passwords?: readonly PasswordRow[];
  readonly endToEnd?: EndToEnd;
}
