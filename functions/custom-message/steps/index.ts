import type { Step } from '../../../shared/steps';
import type { CustomMessageContext } from '../trigger';

/** The CustomMessage flow: its steps, in the order they run. Add a rule as a step file and a line here. */
export const CUSTOM_MESSAGE_STEPS: readonly Step<CustomMessageContext>[] = [];
