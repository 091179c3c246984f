import { parseBenchArgs } from '@scripts/bench/main';

describe('parseBenchArgs', () => {
  it('runs every section with 20 cold starts per row by default', () => {
    expect(parseBenchArgs([])).toEqual({
      why: undefined,
      coldRuns: 20,
      sections: ['cold', 'warm', 'passwords', 'e2e'],
    });
  });

  it('takes the runs, the sections and a function to explain', () => {
    expect(parseBenchArgs(['--runs', '30', '--only', 'cold, warm', '--why', 'preSignUp'])).toEqual({
      why: 'preSignUp',
      coldRuns: 30,
      sections: ['cold', 'warm'],
    });
  });

  it.each([
    [['--runs', '3'], '--runs must be a whole number of at least 5, got "3".'],
    [['--runs', 'many'], '--runs must be a whole number of at least 5, got "many".'],
    [['--only', 'cold,load'], '--only takes sections from cold, warm, passwords, e2e, got "cold,load".'],
  ])('refuses %j', (args, message) => {
    expect(() => parseBenchArgs(args)).toThrow(message);
  });
});
