import { normaliseEmail } from '@shared/email';
import { STANDARD_ATTRIBUTES } from '@shared/standard-attributes';
import { LegacyRecordError, type LegacyUser } from './legacy-user-store';

/**
 * The standard attributes a user pool accepts from a migration, with their `_verified` flags. `sub`, `cognito:*`,
 * `username` and `identities` are set by Cognito and make the migration fail when returned.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
 */
const MIGRATED_STANDARD_ATTRIBUTES = new Set([...STANDARD_ATTRIBUTES, 'email_verified', 'phone_number_verified']);

/** `custom:` and a name of 1–20 characters without spaces, as the pool schema allows. */
const CUSTOM_ATTRIBUTE = /^custom:\S{1,20}$/;

/** The attributes to return to Cognito, and the names of legacy attributes left out. */
export interface MigratedAttributes {
  readonly attributes: Record<string, string>;
  readonly dropped: readonly string[];
}

/**
 * Maps a legacy account to the attributes of the new Cognito user: standard and `custom:` attributes are copied,
 * anything else is dropped; `email` is the account's email (or, without one, the name the user signed in with),
 * normalised, and marked verified — without a verified email the user could not receive password reset codes.
 *
 * @throws LegacyRecordError when no usable email address is found.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html
 */
export function migratedAttributes(user: LegacyUser, userName: string): MigratedAttributes {
  const attributes: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(user.attributes)) {
    if (MIGRATED_STANDARD_ATTRIBUTES.has(name) || CUSTOM_ATTRIBUTE.test(name)) attributes[name] = value;
    else dropped.push(name);
  }
  const email = normaliseEmail(user.attributes['email'] ?? userName);
  if (email === undefined) throw new LegacyRecordError('attributes.email', 'must be a valid email address');
  return { attributes: { ...attributes, email, email_verified: 'true' }, dropped };
}
