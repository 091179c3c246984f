import { requestEmail } from '@functions/pre-sign-up/request-email';
import { loadFixture } from '@test/helpers/fixtures';

describe('requestEmail', () => {
  it('normalises the address of a recorded sign-up: trimmed, domain lower-cased, local part kept', () => {
    const event = loadFixture('PreSignUp_SignUp');
    event.request.userAttributes['email'] = '  Jonas.Lindqvist@Mail.EXAMPLE.com ';

    expect(requestEmail(event)).toEqual({
      status: 'valid',
      address: 'Jonas.Lindqvist@mail.example.com',
      domain: 'mail.example.com',
    });
  });

  it.each([
    ['missing', undefined],
    ['blank', '   '],
  ])('calls a %s email absent', (_label, value) => {
    const event = loadFixture('PreSignUp_SignUp');
    delete event.request.userAttributes['email'];
    if (value !== undefined) event.request.userAttributes['email'] = value;

    expect(requestEmail(event)).toEqual({ status: 'absent' });
  });

  it.each(['jonas', 'jonas@', 'jonas@example', 'jo nas@example.com', 'a@b@example.com'])(
    'calls %p malformed',
    (value) => {
      const event = loadFixture('PreSignUp_SignUp');
      event.request.userAttributes['email'] = value;

      expect(requestEmail(event)).toEqual({ status: 'malformed' });
    },
  );
});
