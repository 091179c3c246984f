import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAILURE_POLICY, renderFailurePolicy, TABLE_END, TABLE_START } from './failure-policy';

const README = join(__dirname, '..', '..', 'README.md');

describe('the failure policy', () => {
  it('is in README.md exactly as rendered (run `npm run docs:failure-policy` and paste its output there)', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);

    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(readme.slice(start, end + TABLE_END.length)).toBe(renderFailurePolicy());
  });

  it('renders one table row per policy row, with every cell filled', () => {
    const tableRows = renderFailurePolicy()
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));

    expect(tableRows).toHaveLength(FAILURE_POLICY.length + 1);
    for (const line of tableRows)
      expect(line.split(' | ').every((cell) => cell.replaceAll('|', '').trim() !== '')).toBe(true);
  });

  it('names each row once and lists each of its faults once', () => {
    expect(new Set(FAILURE_POLICY.map((row) => row.id)).size).toBe(FAILURE_POLICY.length);
    for (const row of FAILURE_POLICY) expect(new Set(row.faults).size).toBe(row.faults.length);
  });
});
