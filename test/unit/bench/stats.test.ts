import { ratio, summarise } from '@scripts/bench/stats';

describe('summarise', () => {
  it('gives the median, quartiles, p99 and extremes, interpolating between neighbours', () => {
    expect(summarise([5, 1, 4, 2, 3])).toEqual({ runs: 5, median: 3, p25: 2, p75: 4, p99: 4.96, min: 1, max: 5 });
  });

  it('takes the middle of the two central values of an even count', () => {
    expect(summarise([10, 20, 30, 40]).median).toBe(25);
  });

  it('refuses to summarise nothing', () => {
    expect(() => summarise([])).toThrow('Cannot summarise zero measurements.');
  });
});

describe('ratio', () => {
  it('divides and rounds to two decimals', () => {
    expect(ratio(10, 3)).toBe(3.33);
  });
});
