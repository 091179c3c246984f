import type { Step } from '@shared/steps';
import type { CustomMessageContext } from '../trigger';
import { brandedMessage } from './branded-message';
import { checkResponse } from './check-response';

/**
 * The CustomMessage flow: its steps, in the order they run. Add a rule as a step file and a line here, before
 * `checkResponse`, which must stay last so that every message it lets through is one Cognito accepts.
 */
export const CUSTOM_MESSAGE_STEPS: readonly Step<CustomMessageContext>[] = [brandedMessage, checkResponse];
