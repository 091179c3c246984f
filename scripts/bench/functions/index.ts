import type { BenchedFunction } from './benched-function';
import { customMessage } from './custom-message';
import { postConfirmation } from './post-confirmation';
import { preSignUp } from './pre-sign-up';
import { userMigration } from './user-migration';

/**
 * How the bench exercises each function of serverless.yml, by its name there. A new function is one file in this
 * folder and one line here; a new path through a function is one entry in its `paths`.
 *
 * Each entry takes the function's trigger definition and configuration loader from the function's own modules.
 * Where `functions/` declares its triggers in one registry, an entry takes those two from it and keeps only what
 * the bench alone knows: the in-memory dependencies of the warm handler, the paths, and the Cognito answers.
 */
export const BENCHED_FUNCTIONS: Readonly<Record<string, BenchedFunction>> = {
  preSignUp,
  customMessage,
  userMigration,
  postConfirmation,
};

/** A function of serverless.yml with how the bench exercises it. */
export interface FunctionUnderBench {
  /** The function's name in serverless.yml, also the name of its package zip. */
  readonly name: string;
  readonly benched: BenchedFunction;
}

/** The bench entry of function `name`; the error lists the functions the bench knows. */
export function benchedFunctionNamed(name: string): BenchedFunction {
  const benched = BENCHED_FUNCTIONS[name];
  if (benched === undefined) {
    throw new Error(
      `The bench does not exercise function "${name}": add scripts/bench/functions/<function>.ts and list it in ` +
        `BENCHED_FUNCTIONS (it has ${Object.keys(BENCHED_FUNCTIONS).join(', ')}).`,
    );
  }
  return benched;
}
