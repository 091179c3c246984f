import type { Summary } from './stats';

/** Formats rows of cells as a plain-text table: a header, a rule, and columns padded to their widest cell. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** `median [p25–p75]` with `digits` decimals. */
export function medianWithRange(summary: Summary, digits = 2): string {
  return `${summary.median.toFixed(digits)} [${summary.p25.toFixed(digits)}–${summary.p75.toFixed(digits)}]`;
}

/** Bytes as `123,456`. */
export function bytes(value: number): string {
  return value.toLocaleString('en-US');
}
