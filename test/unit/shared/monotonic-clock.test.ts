import { monotonicMs } from '@shared/monotonic-clock';

describe('the monotonic clock', () => {
  it('counts milliseconds: a 20 ms timer lets at least 19 of them pass', async () => {
    const start = monotonicMs();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(monotonicMs() - start).toBeGreaterThanOrEqual(19);
  });

  it('never goes back, and resolves below a millisecond', () => {
    const readings = Array.from({ length: 1000 }, monotonicMs);
    for (let index = 1; index < readings.length; index += 1) {
      expect(readings[index]).toBeGreaterThanOrEqual(readings[index - 1] as number);
    }
    expect(readings.some((reading) => !Number.isInteger(reading))).toBe(true);
  });
});
