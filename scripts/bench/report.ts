import { type ColdMeasurement, NO_SOURCE_MAPS } from './cold';
import { isAwsSdkPackage } from './metafile';
import type { BenchResults } from './results';
import { bytes, formatTable, medianWithRange } from './table';

const sdkList = (packages: readonly string[]): string => {
  const sdk = packages.filter(isAwsSdkPackage);
  return sdk.length === 0 ? 'none' : `${sdk.length} (${sdk.slice(0, 3).join(', ')}${sdk.length > 3 ? ', …' : ''})`;
};

function bundleTable(results: BenchResults): string {
  return formatTable(
    [
      'function',
      'bytes',
      'gzip',
      'zip',
      'at load / deferred',
      'SDK bundled',
      'SDK on load graph',
      'same as package',
      'MB',
    ],
    results.bundles.map((bundle) => [
      bundle.functionName,
      bytes(bundle.bytes),
      bytes(bundle.gzipBytes),
      bytes(bundle.zipBytes),
      `${bytes(bundle.bytesAtInit)} / ${bytes(bundle.bytesDeferred)}`,
      String(bundle.sdkPackages.length),
      sdkList(bundle.sdkPackagesAtInit),
      bundle.identicalToPackage ? 'yes' : 'NO',
      String(bundle.memorySize),
    ]),
  );
}

function coldCells(label: string, measurement: ColdMeasurement, ratios: string): string[] {
  return [
    label,
    medianWithRange(measurement.init),
    medianWithRange(measurement.invoke),
    medianWithRange(measurement.total),
    `${measurement.total.min.toFixed(1)}–${measurement.total.max.toFixed(1)}`,
    ratios,
    sdkList(measurement.packagesAtInit),
    sdkList(measurement.packagesOnInvoke),
  ];
}

function coldTable(results: BenchResults): string {
  const bareOf = (measurement: ColdMeasurement) =>
    measurement.key.startsWith(NO_SOURCE_MAPS) ? results.bareWithoutSourceMaps : results.bare;
  const times = (measurement: ColdMeasurement) =>
    `×bare ${(measurement.total.median / bareOf(measurement).total.median).toFixed(1)}`;
  const rows: string[][] = [
    coldCells(results.bare.label, results.bare, '1'),
    coldCells(
      `  ${results.bareWithoutSourceMaps.label}`,
      results.bareWithoutSourceMaps,
      times(results.bareWithoutSourceMaps),
    ),
  ];
  for (const row of results.cold) {
    const floorRatios = row.ratioToFloorWithCalls === undefined ? '' : ` · ×floor+work ${row.ratioToFloorWithCalls}`;
    rows.push(coldCells(row.id, row.measured, `×bare ${row.ratioToBare} · ×floor ${row.ratioToFloor}${floorRatios}`));
    if (row.floorWithCalls !== undefined) {
      rows.push(coldCells(`  ${row.floor.label}`, row.floor, times(row.floor)));
      const same = row.sameOperationsAsFloor
        ? 'same AWS calls'
        : `DIFFERENT calls: ${row.floorWithCalls.operations.join(' ')}`;
      rows.push(
        coldCells(`  ${row.floorWithCalls.label}`, row.floorWithCalls, `${times(row.floorWithCalls)} · ${same}`),
      );
    }
    for (const whatIf of row.whatIfs) {
      rows.push(
        coldCells(
          `  ${whatIf.label}`,
          whatIf,
          `${times(whatIf)} · ×function ${(whatIf.total.median / row.measured.total.median).toFixed(2)}`,
        ),
      );
    }
  }
  return formatTable(
    [
      'cold start (ms)',
      'load',
      'first invocation',
      'total',
      'min–max',
      'ratios of total medians',
      'SDK at load',
      'SDK on invoke',
    ],
    rows,
  );
}

function warmTable(results: BenchResults): string {
  const rows = results.warm.map((row) => [
    row.functionName,
    row.mode,
    row.fixture,
    medianWithRange(row.micros, 1),
    `+${row.overheadMicros.toFixed(1)}`,
    `${row.ratioToBare}×`,
    String(row.batchSize),
    row.outcome.slice(0, 60),
  ]);
  rows.unshift(['bare handler', '', 'PreSignUp_SignUp', medianWithRange(results.bareWarm, 2), '', '1×', '', '']);
  return formatTable(
    ['warm (µs/invocation)', 'what', 'fixture', 'median [p25–p75]', 'vs bare', 'ratio', 'batch', 'outcome'],
    rows,
  );
}

function passwordTable(results: BenchResults): string {
  return formatTable(
    ['password format', 'parameters', 'first (ms)', 'p50 (ms)', 'p99 (ms)', 'n', 'budget left (ms)'],
    results.passwords.map((row) => [
      row.format,
      row.parameters,
      row.firstMs.toFixed(1),
      row.ms.median.toFixed(1),
      row.ms.p99.toFixed(1),
      String(row.ms.runs),
      row.budgetLeftMs.toFixed(0),
    ]),
  );
}

function endToEndText(results: BenchResults): string {
  const e2e = results.endToEnd;
  if (!e2e.measured) return `End-to-end on the local pool: not measured (${e2e.reason}).`;
  return formatTable(
    ['local pool: sign-up → confirm → first sign-in (ms)', 'median [p25–p75]', 'min–max', 'n'],
    [
      [
        'with triggers',
        medianWithRange(e2e.withTriggers, 1),
        `${e2e.withTriggers.min.toFixed(0)}–${e2e.withTriggers.max.toFixed(0)}`,
        String(e2e.runs),
      ],
      [
        'without triggers',
        medianWithRange(e2e.withoutTriggers, 1),
        `${e2e.withoutTriggers.min.toFixed(0)}–${e2e.withoutTriggers.max.toFixed(0)}`,
        String(e2e.runs),
      ],
      ['first sign-up with triggers (functions cold)', e2e.firstWithTriggersMs.toFixed(1), '', '1'],
    ],
  );
}

/** Unexpected outcomes, one line per row and message, with how many runs had it. */
function problems(results: BenchResults): string[] {
  const all = [
    results.bare,
    results.bareWithoutSourceMaps,
    ...results.cold.flatMap((row) => [
      row.measured,
      row.floor,
      ...(row.floorWithCalls ? [row.floorWithCalls] : []),
      ...row.whatIfs,
    ]),
  ];
  const counts = new Map<string, number>();
  for (const measurement of new Map(all.map((candidate) => [candidate.key, candidate])).values()) {
    for (const problem of measurement.problems) {
      const line = `${measurement.key}: ${problem.replace(/^run \d+: /, '')}`;
      counts.set(line, (counts.get(line) ?? 0) + 1);
    }
  }
  return [...counts].map(([line, count]) => `${line} (${count} run${count === 1 ? '' : 's'})`);
}

/** The bench's results as the text `npm run bench` prints. */
export function formatResults(results: BenchResults): string {
  const { machine, settings } = results;
  const found = problems(results);
  return [
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}; ` +
      `load average ${machine.loadAverage.start.toFixed(2)} → ${machine.loadAverage.end.toFixed(2)}`,
    `Cold starts: ${settings.coldRuns} fresh processes per row, NODE_OPTIONS="${settings.nodeOptions}" as deployed.`,
    '',
    bundleTable(results),
    '',
    coldTable(results),
    '',
    warmTable(results),
    '',
    passwordTable(results),
    '',
    endToEndText(results),
    '',
    formatTable(
      ['target', 'subject', 'met', 'measured'],
      results.targets.map((target) => [target.target, target.subject, target.met ? 'yes' : 'NO', target.measured]),
    ),
    ...(found.length === 0 ? [] : ['', 'Unexpected outcomes:', ...found.map((problem) => `  ${problem}`)]),
  ].join('\n');
}
