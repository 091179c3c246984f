import type { Step } from '../../../shared/steps';
import type { PostConfirmationContext } from '../trigger';

/** The PostConfirmation flow: its steps, in the order they run. Add a rule as a step file and a line here. */
export const POST_CONFIRMATION_STEPS: readonly Step<PostConfirmationContext>[] = [];
