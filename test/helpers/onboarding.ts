import type { Env } from '@shared/config';
import type { Mailer } from '@shared/mailer';
import type { GroupMembership } from '@shared/onboarding/group-membership';
import type { OnboardedMarker } from '@shared/onboarding/onboarded-marker';
import type { OnboardingDependencies } from '@shared/onboarding/onboarding';
import type { ProfileStore } from '@shared/onboarding/profile-store';
import type { OnboardingSettings } from '@shared/onboarding/settings';

/** The environment the onboarding functions' tests start from: emails on, one default group, logging everything. */
export const ONBOARDING_TEST_ENV: Env = {
  LOG_LEVEL: 'debug',
  USER_PROFILES_TABLE: 'cognito-flows-test-user-profiles',
  DEFAULT_GROUP: 'users',
  EMAIL_FROM: 'Example <no-reply@example.com>',
  PRODUCT_NAME: 'Example App',
  SUPPORT_EMAIL: 'support@example.com',
  APP_URL: 'https://app.example.com',
};

/** What every onboarding function's configuration reads from {@link ONBOARDING_TEST_ENV}. */
export const ONBOARDING_TEST_SETTINGS = {
  logLevel: 'debug',
  logEvents: false,
  userProfilesTable: 'cognito-flows-test-user-profiles',
  defaultGroup: ['users'],
  email: {
    emailFrom: 'Example <no-reply@example.com>',
    branding: {
      productName: 'Example App',
      supportEmail: 'support@example.com',
      appUrl: 'https://app.example.com',
    },
  },
  retry: { emailMaxAttempts: 5 },
} as const satisfies OnboardingSettings & { userProfilesTable: string };

/** The fixed time of {@link fakeOnboardingDependencies}' clock. */
export const NOW = new Date('2026-11-26T10:15:00.000Z');

/** A jest mock typed as the function `F` it stands in for. */
function fake<F extends (...args: never[]) => unknown>(implementation: F): jest.Mock<ReturnType<F>, Parameters<F>> {
  return jest.fn<ReturnType<F>, Parameters<F>>(implementation as (...args: Parameters<F>) => ReturnType<F>);
}

/** A profile store whose every call succeeds: new profiles, granted claims, accepted emails. */
export function fakeProfileStore() {
  return {
    create: fake<ProfileStore['create']>(async () => 'created'),
    recordPasswordChange: fake<ProfileStore['recordPasswordChange']>(async () => 'recorded'),
    recordSignIn: fake<ProfileStore['recordSignIn']>(async () => 'recorded'),
    claimEmail: fake<ProfileStore['claimEmail']>(async () => true),
    completeEmail: fake<ProfileStore['completeEmail']>(async () => true),
    failEmail: fake<ProfileStore['failEmail']>(async () => 'retrying'),
    settleOutbox: fake<ProfileStore['settleOutbox']>(async () => 'settled'),
    dueProfiles: fake<ProfileStore['dueProfiles']>(async () => []),
  } satisfies ProfileStore;
}

/** A mailer whose every email is accepted. */
export function fakeMailer() {
  return { send: fake<Mailer['send']>(async () => undefined) } satisfies Mailer;
}

/** The onboarding's dependencies, every call succeeding, on a clock fixed at {@link NOW}. */
export function fakeOnboardingDependencies() {
  return {
    profiles: fakeProfileStore(),
    groups: { add: fake<GroupMembership['add']>(async () => undefined) },
    marker: { mark: fake<OnboardedMarker['mark']>(async () => undefined) },
    mailer: fakeMailer(),
    now: () => NOW,
  } satisfies OnboardingDependencies;
}
