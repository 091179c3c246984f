import type { ColdMeasurement } from './cold';
import { callsAgainstFloor, type VariantResult } from './cold-rows';
import type { BenchResults } from './results';
import type { Summary } from './stats';
import { bytes, markdownTable, medianWithRange, times } from './table';
import { evaluateTargets, observabilityMicros } from './targets';

const fixed = (value: number, digits = 2): string => value.toFixed(digits);
const signed = (value: number): string => `${value < 0 ? '' : '+'}${fixed(value, 1)}`;

function machineLine({ machine, settings }: BenchResults): string {
  return (
    `Measured ${machine.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}, ` +
    `Node ${machine.node};\n1-minute load average ${fixed(machine.loadAverage.start)} at the start, ` +
    `${fixed(machine.loadAverage.end)} at the end. Cold starts: ${settings.coldRuns} fresh processes per row.`
  );
}

function bundleTable({ bundles }: BenchResults): string {
  return markdownTable(
    [
      'function',
      'loaded at start (bytes)',
      'all JavaScript (bytes)',
      'chunks',
      'zip (with source maps)',
      'memory (MB)',
    ],
    bundles.map((row) => [
      row.functionName,
      bytes(row.startBytes),
      bytes(row.bytes),
      String(row.chunks),
      bytes(row.zipBytes),
      String(row.memorySize),
    ]),
  );
}

function coldCells(label: string, measurement: ColdMeasurement, ratio: string): string[] {
  return [
    label,
    fixed(measurement.init.median),
    fixed(measurement.invoke.median),
    `**${fixed(measurement.total.median)}** [${fixed(measurement.total.p25)}–${fixed(measurement.total.p75)}]`,
    `${fixed(measurement.total.min, 1)}–${fixed(measurement.total.max, 1)}`,
    ratio,
  ];
}

/** AWS operations (`dynamodb.UpdateItem`, …) grouped by service: `dynamodb PutItem, 2 UpdateItem; ses SendEmail`. */
export function operationsLabel(operations: readonly string[]): string {
  const byService = new Map<string, Map<string, number>>();
  for (const operation of operations) {
    const [service = '', name = ''] = operation.split('.');
    const counts = byService.get(service) ?? new Map<string, number>();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    byService.set(service, counts);
  }
  return [...byService]
    .map(([service, counts]) => {
      const names = [...counts].map(([name, count]) => (count === 1 ? name : `${count} ${name}`));
      return `${service} ${names.join(', ')}`;
    })
    .join('; ');
}

/** The rows of a path's (or the bare handler's) other builds: `— one CommonJS file: …`, ratio to the shipped build. */
function variantCells(variants: readonly VariantResult[]): string[][] {
  return variants.map((variant) =>
    coldCells(`— ${variant.what}`, variant.measured, `${times(variant.ratioToShipped)} this build`),
  );
}

function coldTable(cold: NonNullable<BenchResults['cold']>): string {
  const rows = [coldCells('bare handler (`return event`)', cold.bare, '1'), ...variantCells(cold.bareVariants)];
  for (const path of cold.paths) {
    const ratio = path.callsAws ? `${times(path.ratioToFloor)} floor` : `${times(path.ratioToBare)} bare`;
    rows.push(coldCells(`${path.id}: ${path.what}`, path.measured, ratio));
    if (path.callsAws) {
      const calls = path.sameCallsAsFloor ? '' : ' (OTHER calls than the function)';
      rows.push(coldCells(`— floor: ${operationsLabel(path.floor.operations)}${calls}`, path.floor, ''));
    }
    rows.push(...variantCells(path.variants));
  }
  return markdownTable(
    ['cold start (ms, medians)', 'load', 'first invocation', 'total [p25–p75]', 'min–max', 'ratio'],
    rows,
  );
}

function warmTable(warm: NonNullable<BenchResults['warm']>): string {
  const rows = [['bare handler', '', medianWithRange(warm.bare, 2), '', '', '', '', '']];
  const find = (mode: string, { functionName, fixture }: { functionName: string; fixture: string }) =>
    warm.rows.find((row) => row.mode === mode && row.functionName === functionName && row.fixture === fixture);
  for (const flow of warm.rows.filter((row) => row.mode === 'flow')) {
    const plumbing = find('plumbing', flow);
    const unobserved = find('unobserved plumbing', flow);
    rows.push([
      flow.functionName,
      flow.fixture,
      medianWithRange(flow.micros, 1),
      `+${fixed(flow.overheadMicros, 1)}`,
      plumbing === undefined ? '' : medianWithRange(plumbing.micros, 1),
      plumbing === undefined ? '' : `+${fixed(plumbing.overheadMicros, 1)}`,
      unobserved === undefined ? '' : medianWithRange(unobserved.micros, 1),
      plumbing === undefined || unobserved === undefined ? '' : signed(observabilityMicros(plumbing, unobserved)),
    ]);
  }
  return markdownTable(
    [
      'warm (µs per invocation)',
      'fixture',
      'whole flow',
      'over bare',
      'plumbing alone',
      'over bare',
      'plumbing without observability',
      'observability',
    ],
    rows,
  );
}

function passwordTable(passwords: NonNullable<BenchResults['passwords']>): string {
  return markdownTable(
    ['format', 'parameters', 'first', 'p50', 'p99', 'n', 'budget left'],
    passwords.map((row) => [
      row.format,
      `\`${row.parameters}\``,
      fixed(row.firstMs, 1),
      fixed(row.ms.median, 1),
      fixed(row.ms.p99, 1),
      String(row.ms.runs),
      row.budgetLeftMs === undefined ? '' : bytes(Math.round(row.budgetLeftMs)),
    ]),
  );
}

function endToEndTable(endToEnd: NonNullable<BenchResults['endToEnd']>): string {
  if (!endToEnd.measured) return `Not measured: ${endToEnd.reason}.`;
  const row = (label: string, summary: Summary) => [
    label,
    medianWithRange(summary, 1),
    `${fixed(summary.min, 0)}–${fixed(summary.max, 0)}`,
    String(summary.runs),
  ];
  return markdownTable(
    ['sign-up → confirm → first sign-in (ms)', 'median [p25–p75]', 'min–max', 'n'],
    [
      row('with triggers, through the Cognito layer (`npm start`)', endToEnd.withTriggers),
      row('with triggers, cognito-local without the layer', endToEnd.withTriggersWithoutLayer),
      row('without triggers, cognito-local', endToEnd.withoutTriggers),
      ['first sign-up with triggers (functions start cold)', fixed(endToEnd.firstWithTriggersMs, 1), '', '1'],
    ],
  ).concat(`\n\nThe local pool was ready in ${fixed(endToEnd.poolReadyMs, 0)} ms.`);
}

/** What went other than a run should: outcomes a path does not produce, other AWS calls, warm errors. */
export function problems(results: BenchResults): string[] {
  const found: string[] = [];
  for (const path of results.cold?.paths ?? []) {
    found.push(...path.measured.problems.map((problem) => `${path.id}: ${problem}`));
    if (path.callsAws) found.push(...path.floor.problems.map((problem) => `${path.id} floor: ${problem}`));
    if (!path.sameCallsAsFloor) found.push(`${path.id} ${callsAgainstFloor(path)}`);
    for (const variant of path.variants) {
      found.push(...variant.measured.problems.map((problem) => `${path.id} [${variant.variant}]: ${problem}`));
    }
  }
  found.push(...(results.cold?.bare.problems ?? []).map((problem) => `bare: ${problem}`));
  for (const row of results.warm?.rows ?? []) {
    if (row.outcome !== 'returned') found.push(`warm ${row.functionName} ${row.mode} ${row.fixture}: ${row.outcome}`);
  }
  if (results.endToEnd?.measured === false) found.push(`end to end: ${results.endToEnd.reason}`);
  return found;
}

/** The results as Markdown: the tables BENCHMARKS.md keeps, the targets, and anything that went wrong. */
export function formatResults(results: BenchResults): string {
  const { cold, warm, passwords, endToEnd } = results;
  const found = problems(results);
  const section = (title: string, body: string | undefined): string[] =>
    body === undefined ? [] : [`### ${title}`, '', body, ''];
  return [
    machineLine(results),
    '',
    ...section('Bundles', bundleTable(results)),
    ...section('Cold start', cold && coldTable(cold)),
    ...section('Warm invocation', warm && warmTable(warm)),
    ...section('Password verification (ms)', passwords && passwordTable(passwords)),
    ...section('End to end on the local pool', endToEnd && endToEndTable(endToEnd)),
    ...section(
      'Targets',
      markdownTable(
        ['target', 'subject', 'met', 'measured'],
        evaluateTargets(results).map((target) => [
          target.target,
          target.subject,
          target.met ? 'yes' : '**no**',
          target.measured,
        ]),
      ),
    ),
    ...section('Problems', found.length === 0 ? undefined : found.map((problem) => `- ${problem}`).join('\n')),
  ]
    .join('\n')
    .trimEnd();
}
