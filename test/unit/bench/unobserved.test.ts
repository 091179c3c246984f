import { UNOBSERVED } from '@scripts/bench/build-variants';
import { inputsOf } from '@scripts/bench/bundle-outputs';
import { buildProductionBundle } from '@scripts/bench/production-build';

describe('the build without observability', () => {
  const entry = 'functions/custom-message/handler.ts';

  it('replaces the metrics and the richer log fields with their stand-ins, and nothing else', async () => {
    const [shipped, unobserved] = await Promise.all([
      buildProductionBundle(entry).then(inputsOf),
      buildProductionBundle(entry, UNOBSERVED.options).then(inputsOf),
    ]);

    expect(shipped.filter((input) => !unobserved.includes(input)).sort()).toEqual([
      'shared/metrics/catalog.ts',
      'shared/metrics/document.ts',
      'shared/metrics/invocation-metrics.ts',
      'shared/middleware/lambda-fields.ts',
    ]);
    expect(unobserved.filter((input) => !shipped.includes(input)).sort()).toEqual([
      'scripts/bench/unobserved/invocation-metrics.ts',
      'scripts/bench/unobserved/lambda-fields.ts',
    ]);
  }, 30_000);
});
