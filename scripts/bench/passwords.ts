import { runChild } from './child-process';
import type { ColdMeasurement } from './cold';
import type { PasswordRun } from './password-child';
import { type Summary, summarise } from './stats';

/** Cognito's time limit for a synchronous trigger, in ms. */
export const TRIGGER_BUDGET_MS = 5_000;

/** Verification cost of one password hash format at its default parameters. */
export interface PasswordRow {
  readonly format: string;
  readonly parameters: string;
  readonly firstMs: number;
  readonly ms: Summary;
  /**
   * 5,000 ms minus the p99 and minus the rest of userMigration's cold sign-in: the p99 of its measured cold start
   * with its AWS calls, less the bcrypt check that path contains (bcrypt's p50). Unknown without that cold start.
   */
  readonly budgetLeftMs: number | undefined;
}

const PASSWORD_TIMEOUT_MS = 180_000;

/** Times each hash format in a fresh process, and what it leaves of the 5 s after a cold `migrationSignIn`. */
export async function measurePasswords(
  childScript: string,
  migrationSignIn: ColdMeasurement | undefined,
  progress: (message: string) => void,
): Promise<PasswordRow[]> {
  progress('password verification per hash format');
  const runs = await runChild<PasswordRun[]>(childScript, [], { PATH: process.env.PATH }, PASSWORD_TIMEOUT_MS);
  const bcrypt = runs.find((run) => run.format === 'bcrypt');
  if (bcrypt === undefined) throw new Error('The password child timed no bcrypt check.');
  const restOfSignInMs =
    migrationSignIn === undefined ? undefined : migrationSignIn.total.p99 - summarise(bcrypt.samplesMs).median;
  return runs.map((run) => {
    const ms = summarise(run.samplesMs);
    return {
      format: run.format,
      parameters: run.parameters,
      firstMs: run.firstMs,
      ms,
      budgetLeftMs: restOfSignInMs === undefined ? undefined : TRIGGER_BUDGET_MS - ms.p99 - restOfSignInMs,
    };
  });
}
