import type { LocalisedText } from '@shared/messages/languages';
import { preSignUpRefusal } from '@shared/messages/pre-sign-up';
import type { Step } from '@shared/steps';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { requestEmail } from '../request-email';
import type { PreSignUpContext } from '../trigger';

/** What the person who can fix the address is told, by trigger source. */
function malformedEmailRefusal(source: PreSignUpTriggerEvent['triggerSource']): LocalisedText {
  switch (source) {
    case 'PreSignUp_SignUp':
      return preSignUpRefusal('invalid-email');
    case 'PreSignUp_AdminCreateUser':
      return preSignUpRefusal('invalid-email-of-new-user');
    case 'PreSignUp_ExternalProvider':
      return preSignUpRefusal('invalid-provider-email');
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
      reject(malformedEmailRefusal(event.triggerSource));
    }
  },
};
