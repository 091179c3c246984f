/** The global array a traced bundle appends the package name of every module it evaluates to. */
export const TRACE_GLOBAL = '__benchModuleTrace';

/** What one cold-start process reports. */
export interface ColdRun {
  /** Milliseconds to load (require) the bundle: module evaluation, configuration, handler construction. */
  readonly initMs: number;
  /** Milliseconds of the first invocation, including any SDK loading and I/O on its path. */
  readonly invokeMs: number;
  /** What the handler did with the event. */
  readonly outcome: { readonly returned: unknown } | { readonly threw: string };
  /** Packages evaluated while loading the bundle (traced bundles only; empty otherwise). */
  readonly packagesAtInit: readonly string[];
  /** Packages first evaluated during the first invocation (traced bundles only). */
  readonly packagesOnInvoke: readonly string[];
}
