import type { Step } from '../../../shared/steps';
import type { PreSignUpContext } from '../trigger';

/** The PreSignUp flow: its steps, in the order they run. Add a rule as a step file and a line here. */
export const PRE_SIGN_UP_STEPS: readonly Step<PreSignUpContext>[] = [];
