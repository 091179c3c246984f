import type { Summary } from './stats';

/** A cell that holds one number (`1,234`, `-0.5`, `+12.3`, `43.6%`); columns of such cells are right-aligned. */
const NUMBER = /^[-+]?\d[\d,]*(?:\.\d+)?%?$/;

/**
 * Formats rows of cells as a Markdown table, columns padded to their widest cell so that it also reads as plain
 * text; columns whose cells are all numbers are right-aligned. `|` in a cell is escaped.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [header, ...rows].map((row) => header.map((_, column) => (row[column] ?? '').replace(/\|/g, '\\|')));
  const widths = header.map((_, column) => Math.max(3, ...cells.map((row) => row[column]?.length ?? 0)));
  const right = header.map((_, column) =>
    rows.every((row) => (row[column] ?? '') === '' || NUMBER.test(row[column] ?? '')),
  );
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, column) => (right[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (right[column] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  const [head = [], ...body] = cells;
  return [line(head), rule, ...body.map(line)].join('\n');
}

/** `median [p25–p75]` with `digits` decimals. */
export function medianWithRange(summary: Summary, digits = 2): string {
  return `${summary.median.toFixed(digits)} [${summary.p25.toFixed(digits)}–${summary.p75.toFixed(digits)}]`;
}

/** A count as `123,456`. */
export function bytes(value: number): string {
  return value.toLocaleString('en-US');
}

/** A ratio as `1.10×` (two decimals). */
export function times(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}
