import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS } from '@functions/registry';
import { folderOf } from '@resources/service/function-declaration';
import { FAILURE_POLICY, renderFailurePolicy } from './failure-policy';

describe('the failure policy', () => {
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

  it('has a row for every registered function, even one that calls no dependency', () => {
    const covered = new Set<string>(FAILURE_POLICY.map((row) => row.trigger));

    expect(FUNCTIONS.map(({ trigger }) => trigger.trigger).filter((trigger) => !covered.has(trigger))).toEqual([]);
  });

  it('has its fault tests for every registered function, in test/faults/<folder>.test.ts', () => {
    const files = FUNCTIONS.map(({ name }) => `test/faults/${folderOf(name)}.test.ts`);

    expect(files.filter((file) => !existsSync(join(__dirname, '..', '..', file)))).toEqual([]);
  });
});
