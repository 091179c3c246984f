import { emailDomain, normaliseEmail } from '@shared/email';
import type { PreSignUpTriggerEvent } from 'aws-lambda';

/**
 * The email address of a sign-up as the policy rules see it. Cognito ignores changes to
 * `request.userAttributes` in PreSignUp, so the normalised form is only used for checks and look-ups; the user
 * is created with the address as sent.
 */
export type RequestEmail =
  | { readonly status: 'absent' }
  | { readonly status: 'malformed' }
  | { readonly status: 'valid'; readonly address: string; readonly domain: string };

/**
 * Reads and normalises the `email` attribute of a PreSignUp request (trimmed, domain lower-cased). A pure
 * function of the event, so every step derives the same value without shared state between invocations.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
 */
export function requestEmail(event: PreSignUpTriggerEvent): RequestEmail {
  const raw = event.request.userAttributes['email'];
  if (raw === undefined || raw.trim() === '') {
    return { status: 'absent' };
  }
  const address = normaliseEmail(raw);
  return address === undefined ? { status: 'malformed' } : { status: 'valid', address, domain: emailDomain(address) };
}
