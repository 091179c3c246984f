/**
 * What a user reads when a trigger refuses or fails is in their language: the `locale` attribute of the event's
 * user picks it, English otherwise, whatever the event looks like.
 */
import { DependencyError, genericFailureMessage, InvalidEventError, UserFacingError } from '@shared/errors';
import { field } from '@shared/event-shape';
import { createTriggerHandler, type TriggerFlow } from '@shared/handler';
import { LANGUAGES } from '@shared/messages/languages';
import { preSignUpRefusal } from '@shared/messages/pre-sign-up';
import { reject } from '@shared/steps';
import type { TriggerDefinition } from '@shared/trigger';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureLogs } from '@test/helpers/log-capture';
import type { PreSignUpTriggerEvent } from 'aws-lambda';

const PRE_SIGN_UP: TriggerDefinition<PreSignUpTriggerEvent> = {
  trigger: 'PreSignUp',
  sources: ['PreSignUp_SignUp'],
  requestFields: { userAttributes: field.stringMap },
};

function handlerWith(flow: TriggerFlow<PreSignUpTriggerEvent>) {
  const logs = captureLogs();
  const handler = createTriggerHandler(PRE_SIGN_UP, flow, { level: 'debug', logEvents: false, sink: logs.sink });
  return { handler, logs };
}

function signUpBy(locale: string | undefined): PreSignUpTriggerEvent {
  const event = loadFixture('PreSignUp_SignUp');
  if (locale !== undefined) event.request.userAttributes['locale'] = locale;
  return event;
}

const refuseDeniedDomain = async () => reject(preSignUpRefusal('denied-domain'), { domain: 'example.org' });

describe('a refusal', () => {
  it.each([
    ['fr-CA', 'Les inscriptions avec une adresse du domaine example.org ne sont pas autorisées.'],
    ['es', 'No se permiten registros con direcciones de example.org.'],
    ['de-DE', 'Registrierungen mit Adressen der Domain example.org sind nicht zulässig.'],
    ['en', 'Sign-ups from example.org are not allowed.'],
    ['pt-BR', 'Sign-ups from example.org are not allowed.'],
    [undefined, 'Sign-ups from example.org are not allowed.'],
  ])('reaches a user with locale %p in their language', async (locale, start) => {
    const { handler } = handlerWith(refuseDeniedDomain);

    const refusal = handler(signUpBy(locale), lambdaContext());

    await expect(refusal).rejects.toThrow(UserFacingError);
    await expect(refusal).rejects.toMatchObject({
      name: 'UserFacingError',
      message: expect.stringMatching(`^${start}`),
    });
  });

  it('is logged in English, whatever the language of the user', async () => {
    const { handler, logs } = handlerWith(refuseDeniedDomain);

    await expect(handler(signUpBy('fr'), lambdaContext())).rejects.toThrow('Les inscriptions');

    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'Trigger rejected the request',
        error: expect.objectContaining({
          message: 'Sign-ups from example.org are not allowed. Use a different email address.',
        }),
      }),
    );
  });

  it('prints its values as one clean line, in every language', async () => {
    const { handler } = handlerWith(async () =>
      reject(preSignUpRefusal('denied-domain'), { domain: 'evil.example\r\nX-Injected: 1\u200d' }),
    );

    for (const language of LANGUAGES) {
      const refusal = handler(signUpBy(language), lambdaContext());

      await expect(refusal).rejects.toMatchObject({ message: expect.stringContaining('evil.example X-Injected: 1') });
      await expect(refusal).rejects.toMatchObject({ message: expect.not.stringMatching(/[\r\n\u200d]/) });
    }
  });

  it('reads in English, and the failure is logged, when its translation fails to render', async () => {
    const broken = { ...preSignUpRefusal('denied-domain'), fr: 'Les inscriptions depuis <%= it.domain' };
    const { handler, logs } = handlerWith(async () => reject(broken, { domain: 'example.org' }));

    await expect(handler(signUpBy('fr'), lambdaContext())).rejects.toMatchObject({
      name: 'UserFacingError',
      message: 'Sign-ups from example.org are not allowed. Use a different email address.',
    });
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: "A text failed to render in the user's language; the English one is shown",
        language: 'fr',
        errorName: 'EtaParser Error',
      }),
    );
  });

  it('reads the same for the same event delivered three times in a row and three times at once', async () => {
    const { handler } = handlerWith(refuseDeniedDomain);
    const event = signUpBy('es');
    const deliver = () =>
      handler(structuredClone(event), lambdaContext()).then(
        () => 'accepted',
        (error: Error) => error.message,
      );

    const sequential = [await deliver(), await deliver(), await deliver()];
    const concurrent = await Promise.all([deliver(), deliver(), deliver()]);

    expect(new Set([...sequential, ...concurrent])).toEqual(new Set([await deliver()]));
    expect(sequential[0]).toMatch(/^No se permiten registros/);
  });
});

describe('the generic failure message', () => {
  it.each(LANGUAGES)('replaces an internal error for a user whose locale is %s, in that language', async (language) => {
    const { handler } = handlerWith(async () => {
      throw new DependencyError('Could not write the profile.', {
        cause: new Error('ECONNRESET'),
        dependency: 'DynamoDB',
      });
    });

    await expect(handler(signUpBy(language), lambdaContext())).rejects.toMatchObject({
      message: genericFailureMessage(language),
      cause: expect.objectContaining({ name: 'DependencyError' }),
    });
  });

  it('is in French for a French-speaking user, and differs from the English one', () => {
    expect(genericFailureMessage('fr')).toBe(
      'Nous n’avons pas pu traiter votre demande. Veuillez réessayer plus tard.',
    );
    expect(genericFailureMessage('en')).toBe('We could not complete your request. Please try again later.');
  });
});

describe('an invalid event', () => {
  it.each([
    ['not an object', 'PreSignUp_SignUp'],
    ['null', null],
    ['without a request', { ...loadFixture('PreSignUp_SignUp'), request: null }],
  ])("that is %s is refused with the guard's message, not a failure to find its language", async (_name, event) => {
    const { handler } = handlerWith(refuseDeniedDomain);

    await expect(handler(event as unknown as PreSignUpTriggerEvent, lambdaContext())).rejects.toThrow(
      InvalidEventError,
    );
  });

  it('keeps its message, which names the field and not the language of the user', async () => {
    const { handler } = handlerWith(async () => {
      throw new InvalidEventError('Invalid PreSignUp event: request.userAttributes.sub must be a non-empty string.');
    });

    await expect(handler(signUpBy('fr'), lambdaContext())).rejects.toThrow(
      'Invalid PreSignUp event: request.userAttributes.sub must be a non-empty string.',
    );
  });
});
