/**
 * `node:crypto`, loaded on first use rather than imported: an import adds about 1.3 ms to every cold start of a
 * function, whether its path needs a digest, a random id or a signature or not (BENCHMARKS.md). The paths that call
 * AWS load it anyway (the SDK signs its requests with it); the others pay for it only when they use it.
 */
export const nodeCrypto = (): typeof import('node:crypto') => process.getBuiltinModule('node:crypto');
