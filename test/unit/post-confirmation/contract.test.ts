/**
 * Every email of the postConfirmation flow in every language of the catalog, as the handler hands it to SES:
 * written in the user's language, within the limits Cognito sets on the messages it sends (so that every email
 * of the project follows one rule), and complete.
 */
import { createPostConfirmationHandler } from '@functions/post-confirmation/handler';
import { DependencyError, genericFailureMessage } from '@shared/errors';
import type { EmailMessage } from '@shared/mailer';
import { LANGUAGES } from '@shared/messages/languages';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { COGNITO_MESSAGE_CHARACTERS } from '@test/unit/custom-message/support';
import { fakeDependencies, TEST_ENV, testConfig } from './support';

const SOURCES = ['PostConfirmation_ConfirmSignUp', 'PostConfirmation_ConfirmForgotPassword'] as const;
const CASES = SOURCES.flatMap((source) => LANGUAGES.map((language) => [source, language] as const));

captureStdoutLogsOfEachTest();

describe.each(CASES)('the email after %s in %s', (source, language) => {
  async function sent(): Promise<EmailMessage> {
    const dependencies = fakeDependencies();
    const event = loadFixture(source);
    event.request.userAttributes['locale'] = language;

    await createPostConfirmationHandler(testConfig(), dependencies)(event, lambdaContext());

    expect(dependencies.mailer.send).toHaveBeenCalledTimes(1);
    const [message] = dependencies.mailer.send.mock.calls[0] ?? [];
    if (message === undefined) throw new Error('No email was sent.');
    return message;
  }

  it('is a branded HTML email in the language of the user, with a plain-text part signed the same way', async () => {
    const { subject, html, text } = await sent();

    expect(subject).toContain(TEST_ENV.PRODUCT_NAME);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(`<title>${subject}</title>`);
    expect(html).toContain(`mailto:${TEST_ENV.SUPPORT_EMAIL}`);
    expect(text).toMatch(new RegExp(`\\n\\n--\\n\\S.* ${TEST_ENV.SUPPORT_EMAIL}\\n$`));
  });

  it("stays within Cognito's lengths and characters for a message, with no template syntax left", async () => {
    const { subject, html, text } = await sent();

    expect(subject.length).toBeLessThanOrEqual(140);
    expect(subject).not.toMatch(/[\r\n]/);
    for (const part of [subject, html, text]) {
      expect(part).toMatch(COGNITO_MESSAGE_CHARACTERS);
      expect(part).not.toMatch(/<%|%>/);
      expect(part.length).toBeLessThanOrEqual(20_000);
    }
  });

  it('fails with the generic message in the language of the user when the profile cannot be written', async () => {
    const dependencies = fakeDependencies();
    const failure = new DependencyError('Could not write the profile.', {
      cause: new Error('Rate exceeded'),
      dependency: 'DynamoDB',
    });
    dependencies.profiles.create.mockRejectedValue(failure);
    dependencies.profiles.recordPasswordChange.mockRejectedValue(failure);
    const event = loadFixture(source);
    event.request.userAttributes['locale'] = language;

    await expect(createPostConfirmationHandler(testConfig(), dependencies)(event, lambdaContext())).rejects.toThrow(
      genericFailureMessage(language),
    );
  });
});
