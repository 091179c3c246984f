import { InvalidEventError } from '@shared/errors';
import { newProfile, userSub } from '@shared/onboarding/profile';
import { loadFixture } from '@test/helpers/fixtures';
import { NOW } from '@test/helpers/onboarding';

describe('newProfile', () => {
  it('copies the useful attributes of a new user', () => {
    const event = loadFixture('PostConfirmation_ConfirmSignUp');
    event.request.userAttributes['locale'] = 'fr-CA';

    expect(newProfile(event, NOW)).toEqual({
      sub: 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19',
      userName: 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19',
      createdAt: '2026-11-26T10:15:00.000Z',
      createdBy: 'PostConfirmation_ConfirmSignUp',
      attributes: { email: 'jonas.lindqvist@example.com', name: 'Jonas Lindqvist', locale: 'fr-CA' },
    });
  });

  it('records which trigger source created the profile', () => {
    const event = loadFixture('PostConfirmation_ConfirmForgotPassword');

    expect(newProfile(event, NOW).createdBy).toBe('PostConfirmation_ConfirmForgotPassword');
  });

  it('copies given and family names, and leaves out blank and unlisted attributes', () => {
    const event = loadFixture('PostConfirmation_ConfirmSignUp');
    Object.assign(event.request.userAttributes, {
      name: '  ',
      given_name: 'Jonas',
      family_name: 'Lindqvist',
      'custom:tenant': 'acme',
    });

    expect(newProfile(event, NOW).attributes).toEqual({
      email: 'jonas.lindqvist@example.com',
      givenName: 'Jonas',
      familyName: 'Lindqvist',
    });
  });
});

describe('userSub', () => {
  it('returns the sub of the event', () => {
    expect(userSub(loadFixture('PostConfirmation_ConfirmForgotPassword'))).toBe('e7306c4b-1f8a-70d9-0b6e-5c2a7d94e318');
  });

  it.each([
    ['missing', undefined],
    ['blank', ' '],
  ])('names the field when the sub is %s', (_case, sub) => {
    const event = loadFixture('PostConfirmation_ConfirmSignUp');
    if (sub === undefined) delete event.request.userAttributes['sub'];
    else event.request.userAttributes['sub'] = sub;

    expect(() => userSub(event)).toThrow(
      new InvalidEventError('Invalid PostConfirmation event: request.userAttributes.sub must be a non-empty string.'),
    );
  });
});
