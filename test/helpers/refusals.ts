/**
 * The checks every flow's `refusals.test.ts` makes of one refusal through its handler: the user whose `locale` names
 * a language of the catalog reads it in that language, on one line Cognito can show, and a user without a locale
 * reads it in English.
 */
import { type Refusal, UserFacingError } from '@shared/errors';
import { LANGUAGES } from '@shared/messages/languages';
import { COGNITO_MESSAGE_CHARACTERS } from '@test/unit/custom-message/support';

/** The error `invocation` fails with; fails the test when it succeeds. */
export function refusalOf(invocation: Promise<unknown>, name: string): Promise<unknown> {
  return invocation.then(
    () => {
      throw new Error(`The invocation was not refused with ${name}.`);
    },
    (error: unknown) => error,
  );
}

/**
 * Declares the tests of refusal `expected`, reached through a handler by `refusalFor(locale)` (the event's user
 * has `locale`, or none when it is undefined); `naming` is a value each language's text must print.
 */
export function itReachesTheUserInTheirLanguage(
  expected: Refusal,
  refusalFor: (locale: string | undefined) => Promise<unknown>,
  naming?: string,
): void {
  it.each(LANGUAGES)(
    'reaches a user whose locale is %s in that language, as the catalog writes it',
    async (language) => {
      const refusal = await refusalFor(`${language}-XX`);

      expect(refusal).toBeInstanceOf(UserFacingError);
      expect(refusal).toMatchObject({ message: expected.inLanguage(language) });
    },
  );

  it.each(LANGUAGES)('is in %s one line of text Cognito can show', async (language) => {
    const { message } = (await refusalFor(language)) as Error;

    expect(message).toMatch(/^\S.*[.!]$/);
    expect(message).not.toMatch(/[\r\n]|<%|%>/);
    expect(message).toMatch(COGNITO_MESSAGE_CHARACTERS);
    if (naming !== undefined) expect(message).toContain(naming);
  });

  it('is in English for a user without a locale', async () => {
    const refusal = await refusalFor(undefined);

    expect(refusal).toMatchObject({ message: expected.message });
  });
}
