import { listsIdentity } from '@functions/pre-sign-up/linked-identities';

const IDENTITIES = JSON.stringify([
  {
    userId: '109876543210987654321',
    providerName: 'Google',
    providerType: 'Google',
    issuer: null,
    primary: false,
    dateCreated: 1767607200000,
  },
]);

describe('listsIdentity', () => {
  it('finds a linked identity by provider (any case) and subject', () => {
    expect(listsIdentity(IDENTITIES, 'Google', '109876543210987654321')).toBe(true);
    expect(listsIdentity(IDENTITIES, 'google', '109876543210987654321')).toBe(true);
  });

  it('does not find another subject or provider', () => {
    expect(listsIdentity(IDENTITIES, 'Google', '1')).toBe(false);
    expect(listsIdentity(IDENTITIES, 'Facebook', '109876543210987654321')).toBe(false);
  });

  it.each([undefined, '', 'not json', '{"providerName":"Google"}', '[null, 3]'])(
    'finds nothing in %p',
    (identities) => {
      expect(listsIdentity(identities, 'Google', '109876543210987654321')).toBe(false);
    },
  );
});
