import type { ColdMeasurement } from '@scripts/bench/cold';
import { summarise } from '@scripts/bench/stats';

/** A bench row's cold starts whose rounds took `totals` ms each, all of it in the first invocation's load. */
export function coldMeasurement(key: string, totals: readonly number[], operations: string[] = []): ColdMeasurement {
  return {
    key,
    init: summarise(totals),
    invoke: summarise(totals.map(() => 0)),
    total: summarise(totals),
    totals,
    operations,
    problems: [],
  };
}
