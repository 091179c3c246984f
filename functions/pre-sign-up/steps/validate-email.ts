import type { Step } from '@shared/steps';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { requestEmail } from '../request-email';
import type { PreSignUpContext } from '../trigger';

/** What the person who can fix the address is told, by trigger source. */
function malformedEmailMessage(source: PreSignUpTriggerEvent['triggerSource']): string {
  switch (source) {
    case 'PreSignUp_SignUp':
      return 'Enter a valid email address, like name@example.com.';
    case 'PreSignUp_AdminCreateUser':
      return 'Enter a valid email address for the new user, like name@example.com.';
    case 'PreSignUp_ExternalProvider':
      return 'Your sign-in provider did not share a valid email address. Sign up with your email address instead.';
    default: {
      const unexpected: never = source;
      throw new Error(`Unhandled trigger source ${String(unexpected)}.`);
    }
  }
}

/**
 * Refuses a sign-up whose email address is malformed (after trimming and lower-casing the domain). A sign-up
 * without an email attribute passes: whether one is required is the pool's schema's business.
 */
export const validateEmail: Step<PreSignUpContext> = {
  name: 'validate-email',
  run({ event, reject }) {
    if (requestEmail(event).status === 'malformed') {
      reject(malformedEmailMessage(event.triggerSource));
    }
  },
};
