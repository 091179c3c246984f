import { sendPasswordChangedNotice } from '@functions/post-confirmation/steps/send-password-changed-notice';
import { sendWelcomeEmail } from '@functions/post-confirmation/steps/send-welcome-email';
import type { PostConfirmationContext } from '@functions/post-confirmation/trigger';
import type { EmailDuty } from '@shared/onboarding/profile-store';
import type { Step } from '@shared/steps';
import { loadFixture } from '@test/helpers/fixtures';
import { fakeDependencies, runStep, stepContext, testConfig } from '../support';

type Source = 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword';

interface EmailStepCase {
  step: Step<PostConfirmationContext>;
  source: Source;
  sub: string;
  duty: EmailDuty;
  to: string;
  subject: string;
}

const EMAIL_STEPS: EmailStepCase[] = [
  {
    step: sendWelcomeEmail,
    source: 'PostConfirmation_ConfirmSignUp',
    sub: 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19',
    duty: 'welcomeEmail',
    to: 'jonas.lindqvist@example.com',
    subject: 'Welcome to Example App',
  },
  {
    step: sendPasswordChangedNotice,
    source: 'PostConfirmation_ConfirmForgotPassword',
    sub: 'e7306c4b-1f8a-70d9-0b6e-5c2a7d94e318',
    duty: 'passwordNotice',
    to: 'lena.fischer@example.com',
    subject: 'Your Example App password was changed',
  },
];

describe.each(EMAIL_STEPS)('$step.name step', ({ step, source, sub, duty, to, subject }) => {
  it(`sends its email under its own claim after ${source}`, async () => {
    const dependencies = fakeDependencies();
    const { context } = stepContext(loadFixture(source), undefined, dependencies);

    await runStep(step, context);

    expect(dependencies.profiles.claimEmail).toHaveBeenCalledWith(sub, duty, expect.anything(), context.signal);
    expect(dependencies.mailer.send).toHaveBeenCalledWith(expect.objectContaining({ to, subject }), context.signal);
  });
});

describe('send-welcome-email step', () => {
  it('sends nothing to a user onboarded already', async () => {
    const event = loadFixture('PostConfirmation_ConfirmForgotPassword');
    const dependencies = fakeDependencies();
    const { context } = stepContext(event, undefined, dependencies);

    await runStep(sendWelcomeEmail, context);

    expect(dependencies.profiles.claimEmail).not.toHaveBeenCalled();
  });
});

describe('send-password-changed-notice step', () => {
  it('does nothing after a confirmed sign-up', async () => {
    const dependencies = fakeDependencies();
    const { context } = stepContext(loadFixture('PostConfirmation_ConfirmSignUp'), undefined, dependencies);

    await runStep(sendPasswordChangedNotice, context);

    expect(dependencies.profiles.claimEmail).not.toHaveBeenCalled();
  });
});

describe('send-password-changed-notice switch', () => {
  it('is off with PASSWORD_CHANGED_NOTICE=false', async () => {
    const dependencies = fakeDependencies();
    const config = testConfig({ PASSWORD_CHANGED_NOTICE: 'false' });
    const { context } = stepContext(loadFixture('PostConfirmation_ConfirmForgotPassword'), config, dependencies);

    await runStep(sendPasswordChangedNotice, context);

    expect(dependencies.mailer.send).not.toHaveBeenCalled();
  });
});
