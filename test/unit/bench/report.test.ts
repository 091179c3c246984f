import type { ColdMeasurement } from '@scripts/bench/cold';
import type { ColdPathResult } from '@scripts/bench/cold-rows';
import { formatResults, operationsLabel, problems } from '@scripts/bench/report';
import type { BenchResults } from '@scripts/bench/results';
import { summarise } from '@scripts/bench/stats';
import { markdownTable } from '@scripts/bench/table';
import { evaluateTargets } from '@scripts/bench/targets';
import { coldMeasurement } from '@test/helpers/cold-measurement';

const measurement = (key: string, total: number | number[], operations: string[] = []): ColdMeasurement =>
  coldMeasurement(key, typeof total === 'number' ? [total] : total, operations);

const path = (id: string, callsAws: boolean, ratios: [number, number], sameCallsAsFloor = true): ColdPathResult => ({
  id,
  what: id,
  measured: measurement(id, 10),
  floor: measurement(`${id} floor`, 9, callsAws ? ['dynamodb.GetItem'] : []),
  callsAws,
  ratioToBare: ratios[0],
  ratioToFloor: ratios[1],
  sameCallsAsFloor,
  variants: [],
});

const RESULTS: BenchResults = {
  machine: {
    cpu: 'Test CPU',
    cores: 2,
    memoryGiB: 4,
    node: 'v20.0.0',
    platform: 'linux',
    loadAverage: { start: 1, end: 2 },
    date: '2026-12-01T00:00:00.000Z',
  },
  settings: { coldRuns: 20, sections: ['cold', 'warm'] },
  bundles: [{ functionName: 'f', startBytes: 456, bytes: 1_234, chunks: 3, zipBytes: 2_000, memorySize: 256 }],
  cold: {
    bare: measurement('bare', 1),
    bareVariants: [
      { variant: 'cjs', what: 'one CommonJS file', measured: measurement('bare [cjs]', 0.5), ratioToShipped: 0.5 },
    ],
    paths: [
      {
        ...path('f/io-free', false, [9.5, 9.5]),
        variants: [
          {
            variant: 'cjs',
            what: 'one CommonJS file',
            measured: { ...measurement('f/io-free [cjs]', 30), problems: ['run 0: threw "x"'] },
            ratioToShipped: 3,
          },
        ],
      },
      path('f/aws', true, [50, 1.2]),
      path('f/odd', true, [50, 1], false),
    ],
  },
  warm: {
    bare: summarise([0.2]),
    rows: [
      {
        functionName: 'f',
        fixture: 'PreSignUp_SignUp',
        mode: 'flow',
        micros: summarise([30]),
        outcome: 'returned',
        overheadMicros: 29.8,
      },
      {
        functionName: 'f',
        fixture: 'PreSignUp_SignUp',
        mode: 'plumbing',
        micros: summarise([12]),
        outcome: 'threw: no',
        overheadMicros: 11.8,
      },
    ],
  },
};

describe('markdownTable', () => {
  it('pads the columns, right-aligns the numeric ones and escapes pipes', () => {
    expect(
      markdownTable(
        ['name', 'bytes', 'share'],
        [
          ['a|b', '1,234', '99.5%'],
          ['c', '5', '0.5%'],
        ],
      ),
    ).toBe(
      [
        '| name | bytes | share |',
        '|------|------:|------:|',
        '| a\\|b | 1,234 | 99.5% |',
        '| c    |     5 |  0.5% |',
      ].join('\n'),
    );
  });
});

describe('operationsLabel', () => {
  it('groups the calls by service and counts repeats', () => {
    expect(
      operationsLabel([
        'cognito.AdminAddUserToGroup',
        'dynamodb.PutItem',
        'dynamodb.UpdateItem',
        'dynamodb.UpdateItem',
        'ses.SendEmail',
      ]),
    ).toBe('cognito AdminAddUserToGroup; dynamodb PutItem, 2 UpdateItem; ses SendEmail');
  });
});

describe('evaluateTargets', () => {
  it('judges I/O-free paths against the bare handler, the others against their floor, and the warm plumbing', () => {
    expect(evaluateTargets(RESULTS).map(({ subject, met }) => [subject, met])).toEqual([
      ['f/io-free', true],
      ['f/aws', false],
      ['f/odd', false],
      ['f', true],
    ]);
  });

  it('states each cold target with its limit, the total and the ratio', () => {
    expect(evaluateTargets(RESULTS).slice(0, 2)).toEqual([
      expect.objectContaining({
        target: 'cold start ≤ 10.00× bare',
        measured: '10.00 ms = 9.50× bare (1.00 ms), 95 % interval 10.00–10.00×',
      }),
      expect.objectContaining({
        target: 'cold start ≤ 1.10× floor',
        measured: '10.00 ms = 1.20× floor (9.00 ms), 95 % interval 1.11–1.11×',
      }),
    ]);
  });

  it('does not compare a path with a floor that made other AWS calls', () => {
    expect(evaluateTargets(RESULTS)[2]?.measured).toBe(
      'not comparable: the path called no AWS, its floor dynamodb.GetItem',
    );
  });
});

describe('problems', () => {
  it('lists other AWS calls than the floor’s, variant runs that did not do the path, and warm invocations that threw', () => {
    expect(problems(RESULTS)).toEqual([
      'f/io-free [cjs]: run 0: threw "x"',
      'f/odd called no AWS, its floor dynamodb.GetItem',
      'warm f plumbing PreSignUp_SignUp: threw: no',
    ]);
  });
});

describe('formatResults', () => {
  it('gives the machine, a table per section run, the targets and the problems, as Markdown', () => {
    const text = formatResults(RESULTS);

    expect(text).toMatch(
      /^Measured 2026-12-01T00:00:00.000Z on Test CPU, 2 cores, 4 GiB, linux, Node v20.0.0;\n1-minute load average 1.00 at the start, 2.00 at the end\. Cold starts: 20 fresh processes per row\./,
    );
    expect(text.match(/^### .*$/gm)).toEqual([
      '### Bundles',
      '### Cold start',
      '### Warm invocation',
      '### Targets',
      '### Problems',
    ]);
    expect(text).toContain('| — floor: dynamodb GetItem (OTHER calls than the function) |');
    expect(text).toMatch(/\| — one CommonJS file +\| .* \| 3\.00× this build \|/);
  });
});

describe('the observability targets', () => {
  const warmRow = (mode: 'plumbing' | 'unobserved plumbing', fixture: string, micros: number) => ({
    functionName: 'f',
    fixture,
    mode,
    micros: summarise([micros]),
    outcome: 'returned',
    overheadMicros: micros,
  });
  const results: BenchResults = {
    ...RESULTS,
    cold: {
      bare: measurement('bare', 1),
      bareVariants: [],
      paths: [
        {
          ...path('f/io-free', false, [9.5, 9.5]),
          variants: [
            { variant: 'unobserved', what: 'without', measured: measurement('u', 10), ratioToShipped: 1 / 1.02 },
          ],
        },
        {
          ...path('f/aws', true, [50, 1.05]),
          variants: [{ variant: 'unobserved', what: 'without', measured: measurement('u', 9), ratioToShipped: 0.9 }],
        },
      ],
    },
    warm: {
      bare: summarise([0.1]),
      rows: [
        warmRow('plumbing', 'PreSignUp_SignUp', 12),
        warmRow('unobserved plumbing', 'PreSignUp_SignUp', 9),
        warmRow('plumbing', 'PreSignUp_AdminCreateUser', 13),
        warmRow('unobserved plumbing', 'PreSignUp_AdminCreateUser', 6),
      ],
    },
  };

  it('judge each path cold against its build without observability, and each function warm by its worst fixture', () => {
    const observability = evaluateTargets(results).filter(({ target }) => target.includes('observability'));

    expect(observability.map(({ subject, met, measured }) => [subject, met, measured])).toEqual([
      ['f/io-free', true, '10.00 ms = 1.02× 10.00 ms, 95 % interval 1.00–1.00×'],
      ['f/aws', false, '10.00 ms = 1.11× 9.00 ms, 95 % interval 1.11–1.11×'],
      ['f', false, '+7.0 µs (worst fixture: PreSignUp_AdminCreateUser)'],
    ]);
  });

  it('count a cold cost the run can tell apart from none as measurable, however small', () => {
    const shipped = [10.2, 10.3, 10.1, 10.4, 10.2, 10.3];
    const unobserved = shipped.map((total) => total - 0.2);
    const measurably: BenchResults = {
      ...results,
      cold: {
        bare: measurement(
          'bare',
          shipped.map(() => 1),
        ),
        bareVariants: [],
        paths: [
          {
            ...path('f/io-free', false, [9.5, 9.5]),
            measured: measurement('f/io-free', shipped),
            variants: [
              { variant: 'unobserved', what: 'without', measured: measurement('u', unobserved), ratioToShipped: 0.98 },
            ],
          },
        ],
      },
    };

    expect(evaluateTargets(measurably).find(({ target }) => target.startsWith('cold start with'))).toEqual(
      expect.objectContaining({ met: false, measured: expect.stringMatching(/= 1\.02× .*interval 1\.02–1\.02×$/) }),
    );
  });

  it('show what observability adds to each fixture’s plumbing in the warm table', () => {
    const flow = { ...warmRow('plumbing', 'PreSignUp_SignUp', 30), mode: 'flow' as const };
    const table = formatResults({
      ...results,
      warm: { bare: summarise([0.1]), rows: [...(results.warm?.rows ?? []), flow] },
    });

    expect(table).toMatch(/\| f +\| PreSignUp_SignUp .* \| 9\.0 \[9\.0–9\.0\] +\| +\+3\.0 \|/);
  });
});

describe('the local pool targets', () => {
  const endToEnd = (poolReadyMs: number, withLayer: number, withoutLayer: number): BenchResults => ({
    ...RESULTS,
    endToEnd: {
      measured: true,
      poolReadyMs,
      withTriggers: summarise([withLayer]),
      withTriggersWithoutLayer: summarise([withoutLayer]),
      withoutTriggers: summarise([5]),
      firstWithTriggersMs: 120,
    },
  });
  const localPoolTargets = (results: BenchResults) =>
    evaluateTargets(results).filter((target) =>
      ['npm start', 'sign-up → confirm → first sign-in'].includes(target.subject),
    );

  it('judge the start-up against 10 s and the Cognito layer against cognito-local calling the same triggers', () => {
    expect(localPoolTargets(endToEnd(3_900, 42, 40))).toEqual([
      { target: 'local pool ready ≤ 10000 ms', subject: 'npm start', met: true, measured: '3900 ms' },
      {
        target: 'Cognito layer ≤ 1.20× cognito-local',
        subject: 'sign-up → confirm → first sign-in',
        met: true,
        measured: '42.00 ms = 1.05× 40.00 ms',
      },
    ]);
    expect(localPoolTargets(endToEnd(10_001, 50, 40)).map((target) => target.met)).toEqual([false, false]);
  });

  it('show the three pools and the start-up in the end-to-end table', () => {
    const text = formatResults(endToEnd(3_900, 42, 40));
    expect(text).toMatch(/\| with triggers, through the Cognito layer \(`npm start`\) +\| 42\.0/);
    expect(text).toMatch(/\| with triggers, cognito-local without the layer +\| 40\.0/);
    expect(text).toContain('The local pool was ready in 3900 ms.');
  });
});
