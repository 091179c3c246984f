import type { Mailer } from '@shared/mailer';
import type { StepContext } from '@shared/steps';
import { canEmail, deliverDueEmail } from './email-delivery';
import type { GroupMembership } from './group-membership';
import { isOnboarded, type OnboardedMarker } from './onboarded-marker';
import { newProfile, type OnboardingEvent, userSub } from './profile';
import type { EmailDuty, ProfileStore } from './profile-store';
import type { OnboardingSettings } from './settings';

/** The settings the onboarding reads, shared by postConfirmation and postAuthentication. */
export type OnboardingConfig = OnboardingSettings;

/** The stores and clients the onboarding uses; tests pass their own. */
export interface OnboardingDependencies {
  readonly profiles: ProfileStore;
  readonly groups: GroupMembership;
  readonly marker: OnboardedMarker;
  readonly mailer: Mailer;
  /** The current time. */
  now(): Date;
}

/** What an onboarding step receives, whichever trigger runs it. */
export type OnboardingContext = StepContext<OnboardingEvent, OnboardingConfig> & OnboardingDependencies;

/** When the invocation would be stopped: claims and the outbox's first look wait until then. */
function deadline({ now, remainingTimeMs }: OnboardingContext): Date {
  return new Date(now().getTime() + Math.max(0, remainingTimeMs()));
}

/**
 * Creates the user's profile, keyed by `sub`, with the welcome email due (when there is an address to send it
 * to), unless the user is onboarded already: then nothing is read or written. The write is conditional, so a
 * retried or concurrent duplicate, or another trigger onboarding the same user, finds the profile and leaves it
 * as it is. A failed write throws a `DependencyError`; retrying it is safe.
 */
export async function createProfile(context: OnboardingContext): Promise<void> {
  const { event, config, profiles, now, logger, signal } = context;
  if (isOnboarded(event.request.userAttributes)) return;
  const owed: EmailDuty[] = canEmail(config.email, event.request.userAttributes) ? ['welcomeEmail'] : [];
  const result = await profiles.create(newProfile(event, now()), owed, deadline(context).toISOString(), signal);
  logger.info(result === 'created' ? 'Profile created' : 'Profile already exists; left unchanged');
}

/**
 * Adds the user to each group of `DEFAULT_GROUP` and, once every one is joined (or there are none), marks the
 * user onboarded (`custom:onboarded`), so that later sign-ins need nothing done. Adding a member or setting the
 * attribute again changes nothing. A failure is logged, not thrown: the user is confirmed or signed in either way,
 * and with the mark unset their next sign-in catches up.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-user-groups.html
 */
export async function finishOnboarding(context: OnboardingContext): Promise<void> {
  const { event, config, groups, marker, logger, signal } = context;
  if (isOnboarded(event.request.userAttributes)) return;
  const results = await Promise.allSettled(
    config.defaultGroup.map((group) => groups.add(event.userPoolId, event.userName, group, signal)),
  );
  results.forEach((result, index) => {
    const group = config.defaultGroup[index];
    if (result.status === 'fulfilled') {
      logger.info('User added to group', { group });
    } else {
      logger.error('Could not add the user to a group; their next sign-in tries again', {
        group,
        error: result.reason,
      });
    }
  });
  if (results.some(({ status }) => status === 'rejected')) return;
  try {
    await marker.mark(event.userPoolId, event.userName, signal);
    logger.info('User marked onboarded');
  } catch (error) {
    logger.error('Could not mark the user onboarded; their next sign-in catches up', { error });
  }
}

/**
 * Sends the user the due email `duty` now, once per occasion (see `deliverDueEmail`); when it cannot be sent now,
 * the outbox sends it later. Nothing happens when emails are off or the user has no usable address.
 */
export async function sendDueEmail(context: OnboardingContext, duty: EmailDuty): Promise<void> {
  const { event, config, logger } = context;
  if (config.email === undefined || !canEmail(config.email, event.request.userAttributes)) {
    logger.info('Emails are off or the user has no usable email address; not sending', { emailKind: duty });
    return;
  }
  await deliverDueEmail(
    context,
    { email: config.email, retry: config.retry },
    { sub: userSub(event), attributes: event.request.userAttributes },
    duty,
    deadline(context),
  );
}

/** Sends the welcome email of a user being onboarded; nothing for a user onboarded already. */
export async function sendWelcomeEmail(context: OnboardingContext): Promise<void> {
  if (isOnboarded(context.event.request.userAttributes)) return;
  await sendDueEmail(context, 'welcomeEmail');
}
