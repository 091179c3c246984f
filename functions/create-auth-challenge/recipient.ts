import { normaliseEmail } from '@shared/email';
import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';

/** User statuses that may sign in without a password: confirmed users, and invited users (who then set one). */
const STATUSES_SIGNING_IN = ['CONFIRMED', 'FORCE_CHANGE_PASSWORD'];

/** Who gets the sign-in email: an address, or the reason nobody does. */
export type Recipient = { address: string } | { none: 'unknown user' | 'status' | 'no verified email' };

/**
 * The address a sign-in email goes to: the user's verified `email`. Nobody gets one for an unknown user
 * (`userNotFound`), a user whose `cognito:user_status` cannot sign in (unconfirmed, reset required, federated), or a
 * user without a verified address — whoever controls an unverified address must not be able to sign in with it.
 * Each of them gets the same challenge as everyone else, with nothing sent.
 */
export function recipientOf(event: CreateAuthChallengeTriggerEvent): Recipient {
  if (event.request.userNotFound === true) return { none: 'unknown user' };
  const attributes = event.request.userAttributes;
  const status = attributes['cognito:user_status'];
  if (status !== undefined && !STATUSES_SIGNING_IN.includes(status)) return { none: 'status' };
  const address = attributes['email_verified'] === 'true' ? normaliseEmail(attributes['email'] ?? '') : undefined;
  return address === undefined ? { none: 'no verified email' } : { address };
}
