import { createProfile } from '@functions/post-authentication/steps/create-profile';
import { finishOnboarding } from '@functions/post-authentication/steps/finish-onboarding';
import { sendWelcomeEmail } from '@functions/post-authentication/steps/send-welcome-email';
import { loadFixture } from '@test/helpers/fixtures';
import { fakeDependencies, firstSignIn, runStep, stepContext } from '../support';

const STEPS = [createProfile, finishOnboarding, sendWelcomeEmail];

describe.each(STEPS.map((step) => [step.name, step] as const))('%s step', (_name, step) => {
  it('reads and writes nothing for an onboarded user', async () => {
    const dependencies = fakeDependencies();
    const { context } = stepContext(loadFixture('PostAuthentication_Authentication'), undefined, dependencies);

    await runStep(step, context);

    expect(dependencies.profiles.create).not.toHaveBeenCalled();
    expect(dependencies.profiles.claimEmail).not.toHaveBeenCalled();
    expect(dependencies.groups.add).not.toHaveBeenCalled();
    expect(dependencies.marker.mark).not.toHaveBeenCalled();
  });
});

describe('the onboarding steps on a first sign-in', () => {
  it('create the profile, join the group, mark the user and send the welcome email, each once', async () => {
    const dependencies = fakeDependencies();
    const { context } = stepContext(firstSignIn(), undefined, dependencies);

    for (const step of STEPS) await runStep(step, context);

    expect(dependencies.profiles.create).toHaveBeenCalledTimes(1);
    expect(dependencies.groups.add).toHaveBeenCalledTimes(1);
    expect(dependencies.marker.mark).toHaveBeenCalledTimes(1);
    expect(dependencies.mailer.send).toHaveBeenCalledTimes(1);
  });
});
