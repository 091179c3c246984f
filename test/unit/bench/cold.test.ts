import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildChildScript } from '@scripts/bench/child-process';
import { type ColdRow, measureCold } from '@scripts/bench/cold';
import { BARE, coldPathResults } from '@scripts/bench/cold-rows';
import type { BenchEmulators } from '@scripts/bench/emulators';
import type { ColdPath, RunSetUp } from '@scripts/bench/functions/benched-function';
import { coldMeasurement } from '@test/helpers/cold-measurement';

/** Handlers as bundles would export them: returns the event, answers with a response, throws. */
const HANDLERS = {
  bare: 'exports.handler = async (event) => event;',
  answering: 'exports.handler = async (event) => ({ ...event, response: { finalUserStatus: "RESET_REQUIRED" } });',
  throwing: 'exports.handler = async () => { throw new Error("table not found"); };',
};

/** Emulators whose recorded operations are `calls`, one list per run in turn. */
function recordedCalls(calls: string[][]): BenchEmulators {
  let run = -1;
  // Each run takes the operations twice: once to clear them before it starts, once for its own.
  let taken = 0;
  return {
    takeOperations: () => {
      taken += 1;
      if (taken % 2 === 1) return [];
      run += 1;
      return calls[run] ?? [];
    },
  } as unknown as BenchEmulators;
}

const SET_UP = { dynamoDb: undefined, env: {} } as unknown as RunSetUp;

describe('measureCold', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  const bundle = (name: keyof typeof HANDLERS) => {
    const file = join(dir, `${name}.js`);
    writeFileSync(file, HANDLERS[name]);
    return file;
  };
  const env = { PATH: process.env.PATH };
  let childScript: string;

  beforeAll(async () => {
    childScript = await buildChildScript('scripts/bench/cold-child.ts', dir);
  }, 30_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('times every row in fresh processes and reports what a run did other than the row does', async () => {
    const before = jest.fn(async (_run: number) => undefined);
    const spec: ColdPath = {
      what: 'first sign-in',
      fixture: 'UserMigration_Authentication',
      before,
      check: (response) => (response.finalUserStatus === 'CONFIRMED' ? undefined : 'not confirmed'),
    };
    const rows: ColdRow[] = [
      { key: BARE, bundleFile: bundle('bare'), env, path: undefined, runOffset: 0 },
      {
        key: 'f/p',
        bundleFile: bundle('answering'),
        env,
        path: { spec, setUp: SET_UP },
        judgedAgainst: 'f/p floor',
        runOffset: 1000,
      },
      {
        key: 'f/p floor',
        bundleFile: bundle('throwing'),
        env,
        path: { spec, setUp: SET_UP },
        runOffset: 2000,
      },
    ];

    const [bare, fn, floor] = await measureCold(
      rows,
      2,
      { childScript, workDir: dir, emulators: recordedCalls([]) },
      () => undefined,
    );

    expect([bare?.total.runs, fn?.total.runs, floor?.total.runs]).toEqual([2, 2, 2]);
    expect(bare?.init.median).toBeGreaterThan(0);
    expect(bare?.problems).toEqual([]);
    expect(fn?.problems).toEqual(['run 0: not confirmed', 'run 1: not confirmed']);
    expect(floor?.problems).toEqual(['run 0: threw "table not found"', 'run 1: threw "table not found"']);
    expect(before.mock.calls.map(([run]) => run).sort()).toEqual([1000, 1001, 2000, 2001]);
  }, 30_000);

  it('loads an ES module bundle, as Lambda does a .js file of a "type": "module" package', async () => {
    const folder = join(dir, 'module');
    mkdirSync(folder);
    writeFileSync(join(folder, 'package.json'), '{"type":"module"}');
    writeFileSync(join(folder, 'handler.js'), 'export const handler = async (event) => event;');
    const rows: ColdRow[] = [{ key: BARE, bundleFile: join(folder, 'handler.js'), env, path: undefined, runOffset: 0 }];

    const [bare] = await measureCold(rows, 1, { childScript, workDir: dir, emulators: recordedCalls([]) }, () => {});

    expect(bare?.problems).toEqual([]);
  }, 30_000);

  it('keeps the first run’s AWS calls and names a run that called others', async () => {
    const rows: ColdRow[] = [{ key: BARE, bundleFile: bundle('bare'), env, path: undefined, runOffset: 0 }];
    const calls = [['dynamodb.GetItem', 'dynamodb.UpdateItem'], ['dynamodb.GetItem']];

    const [bare] = await measureCold(
      rows,
      2,
      { childScript, workDir: dir, emulators: recordedCalls(calls) },
      () => undefined,
    );

    expect(bare?.operations).toEqual(['dynamodb.GetItem', 'dynamodb.UpdateItem']);
    expect(bare?.problems).toEqual(['run 1 called dynamodb.GetItem']);
  }, 30_000);
});

describe('coldPathResults', () => {
  const row = (key: string, spec: ColdPath | undefined, judgedAgainst?: string): ColdRow => ({
    key,
    bundleFile: '',
    env: {},
    path: spec && { spec, setUp: SET_UP },
    judgedAgainst,
    runOffset: 0,
  });
  const ioFree: ColdPath = { what: 'ordinary sign-up', fixture: 'PreSignUp_SignUp' };
  const withFloor: ColdPath = { what: 'federated', fixture: 'PreSignUp_ExternalProvider', floor: 'federated' };

  it('compares a path that calls no AWS service with the bare handler, and one that does with its floor', () => {
    const rows = [
      row(BARE, undefined),
      row('f/ordinary', ioFree, BARE),
      row('f/federated', withFloor, 'f/federated floor'),
      row('f/federated floor', withFloor),
    ];
    const calls = ['cognito.ListUsers'];
    const measurements = [
      coldMeasurement(BARE, [1, 1, 1]),
      coldMeasurement('f/ordinary', [20, 22, 24]),
      coldMeasurement('f/federated', [110, 110, 110], calls),
      coldMeasurement('f/federated floor', [100, 100, 100], calls),
    ];

    const { bare, paths } = coldPathResults(rows, measurements);

    expect(bare.key).toBe(BARE);
    expect(
      paths.map(({ id, callsAws, ratioToBare, ratioToFloor, sameCallsAsFloor }) => ({
        id,
        callsAws,
        ratioToBare,
        ratioToFloor,
        sameCallsAsFloor,
      })),
    ).toEqual([
      { id: 'f/ordinary', callsAws: false, ratioToBare: 22, ratioToFloor: 22, sameCallsAsFloor: true },
      { id: 'f/federated', callsAws: true, ratioToBare: 110, ratioToFloor: 1.1, sameCallsAsFloor: true },
    ]);
  });

  it('puts each other build of a path and of the bare handler next to the shipped one, not among the paths', () => {
    const variant = (of: string, key: string): ColdRow => ({
      ...row(key, of === BARE ? undefined : ioFree, of === BARE ? undefined : BARE),
      variantOf: { key: of, variant: 'unobserved' },
    });
    const rows = [
      row(BARE, undefined),
      row('f/ordinary', ioFree, BARE),
      variant(BARE, 'bare [unobserved]'),
      variant('f/ordinary', 'f/ordinary [unobserved]'),
    ];

    const { bareVariants, paths } = coldPathResults(rows, [
      coldMeasurement(BARE, [2]),
      coldMeasurement('f/ordinary', [10]),
      coldMeasurement('bare [unobserved]', [1]),
      coldMeasurement('f/ordinary [unobserved]', [30]),
    ]);

    expect(paths.map((path) => path.id)).toEqual(['f/ordinary']);
    expect(paths[0]?.variants.map(({ variant, ratioToShipped }) => [variant, ratioToShipped])).toEqual([
      ['unobserved', 3],
    ]);
    expect(bareVariants.map(({ what, ratioToShipped }) => [what, ratioToShipped])).toEqual([
      ['without the metrics and the richer log lines', 0.5],
    ]);
  });

  it('tells a path that made other AWS calls than its floor, or any where its floor is the bare handler', () => {
    const rows = [row(BARE, undefined), row('f/ordinary', ioFree, BARE)];

    const { paths } = coldPathResults(rows, [
      coldMeasurement(BARE, [1]),
      coldMeasurement('f/ordinary', [5], ['ses.SendEmail']),
    ]);

    expect(paths[0]?.sameCallsAsFloor).toBe(false);
  });
});
