import { InvalidEventError } from '@shared/errors';
import type { PostAuthenticationTriggerEvent, PostConfirmationTriggerEvent } from 'aws-lambda';
import type { StringMap } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';

/** An event of a trigger that onboards users: PostConfirmation, or PostAuthentication catching up. */
export type OnboardingEvent = PostConfirmationTriggerEvent | PostAuthenticationTriggerEvent;

/**
 * Cognito user attributes copied to the profile, and the profile attribute each becomes. Only these are
 * copied: the onboarding events carry no codes or passwords, and the list keeps it that way if Cognito adds
 * attributes. Add a line to copy another (custom attributes arrive as `custom:<name>`).
 */
const PROFILE_ATTRIBUTES = {
  email: 'email',
  name: 'name',
  given_name: 'givenName',
  family_name: 'familyName',
  locale: 'locale',
} as const;

/** A profile attribute copied from the user's Cognito attributes. */
export type ProfileAttribute = (typeof PROFILE_ATTRIBUTES)[keyof typeof PROFILE_ATTRIBUTES];

/** What a profile starts with: who the user is and when and how the profile was created. */
export interface NewProfile {
  sub: string;
  userName: string;
  /** ISO 8601 time of creation. */
  createdAt: string;
  /** The trigger source that created the profile. */
  createdBy: OnboardingEvent['triggerSource'];
  /** The copied attributes that the user has (blank values left out). */
  attributes: Partial<Record<ProfileAttribute, string>>;
}

/**
 * The user's `sub`, the profile's key. Every PostConfirmation and PostAuthentication event carries it.
 *
 * @throws InvalidEventError when it is missing or blank.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */
export function userSub(event: OnboardingEvent): string {
  const sub = event.request.userAttributes['sub']?.trim();
  if (sub === undefined || sub === '') {
    const trigger = event.triggerSource.split('_')[0];
    throw new InvalidEventError(`Invalid ${trigger} event: request.userAttributes.sub must be a non-empty string.`);
  }
  return sub;
}

/** The profile to create for the event's user at `now`. */
export function newProfile(event: OnboardingEvent, now: Date): NewProfile {
  const attributes: NewProfile['attributes'] = {};
  for (const [cognitoName, profileName] of Object.entries(PROFILE_ATTRIBUTES)) {
    const value = event.request.userAttributes[cognitoName]?.trim();
    if (value) attributes[profileName] = value;
  }
  return {
    sub: userSub(event),
    userName: event.userName,
    createdAt: now.toISOString(),
    createdBy: event.triggerSource,
    attributes,
  };
}

/** The Cognito attributes a profile keeps, by their Cognito names: what an email rendered from the profile reads. */
export function cognitoAttributesOf(profile: Readonly<Record<string, string | undefined>>): StringMap {
  const attributes: StringMap = {};
  for (const [cognitoName, profileName] of Object.entries(PROFILE_ATTRIBUTES)) {
    const value = profile[profileName];
    if (value !== undefined) attributes[cognitoName] = value;
  }
  return attributes;
}
