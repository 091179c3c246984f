import { ratio, ratioInterval, summarise } from '@scripts/bench/stats';

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

describe('ratioInterval', () => {
  const noisy = [9.1, 10.4, 9.8, 11.2, 10.1, 9.5, 10.9, 9.9, 10.3, 12.0, 9.7, 10.0];

  it('is the ratio itself when every round shows it', () => {
    expect(ratioInterval([2, 4, 6], [1, 2, 3])).toEqual({ low: 2, high: 2 });
  });

  it('holds the ratio of the medians and widens with the spread of the rounds', () => {
    const slower = noisy.map((total, round) => total * 1.1 + (round % 3) * 0.4);
    const { low, high } = ratioInterval(slower, noisy);
    const point = summarise(slower).median / summarise(noisy).median;

    expect(low).toBeLessThan(point);
    expect(high).toBeGreaterThan(point);
    expect(low).toBeGreaterThan(1);
  });

  it('holds 1 when two rows differ by chance alone', () => {
    const shuffled = [...noisy.slice(6), ...noisy.slice(0, 6)];
    const { low, high } = ratioInterval(shuffled, noisy);

    expect(low).toBeLessThan(1);
    expect(high).toBeGreaterThan(1);
  });

  it('gives the same interval for the same rounds', () => {
    expect(ratioInterval(noisy, [...noisy].reverse())).toEqual(ratioInterval(noisy, [...noisy].reverse()));
  });

  it('refuses rows of different rounds', () => {
    expect(() => ratioInterval([1, 2], [1])).toThrow(
      'A ratio interval needs the same rounds of both rows, got 2 and 1.',
    );
  });
});
