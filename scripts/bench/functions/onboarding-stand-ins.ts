import type { OnboardingDependencies } from '@shared/onboarding/onboarding';

/**
 * In-memory stand-ins for the onboarding's dependencies, every call succeeding at once: what a warm handler is
 * measured over, so the figure is the function's own work.
 */
export function onboardingStandIns(): OnboardingDependencies {
  return {
    profiles: {
      create: async () => 'created',
      recordPasswordChange: async () => 'recorded',
      recordSignIn: async () => 'recorded',
      claimEmail: async () => true,
      completeEmail: async () => true,
      failEmail: async () => 'retrying',
      settleOutbox: async () => 'settled',
      dueProfiles: async () => [],
    },
    groups: { add: async () => undefined },
    marker: { mark: async () => undefined },
    mailer: { send: async () => undefined },
    now: () => new Date(),
  };
}
