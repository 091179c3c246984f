/** The verification cost of one password hash format, as the password child measures it. */
export interface PasswordRun {
  readonly format: string;
  /** The hash's parameters: the stored string without salt and digest, e.g. `$2b$10`. */
  readonly parameters: string;
  /** The first verification in the process, which also loads the format's library. */
  readonly firstMs: number;
  /** Every later verification, in milliseconds. */
  readonly samplesMs: readonly number[];
}

/** Verifications per format after the first: this many, or as many as fit in the time limit. */
export const PASSWORD_SAMPLES = { count: 100, ms: 12_000 } as const;
