import { isGroupName } from '@shared/onboarding/settings';
import fc from 'fast-check';

/** Cognito's rule as its documentation writes it. */
const COGNITO_GROUP_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;

describe('isGroupName', () => {
  it('is Cognito’s rule, for names in ASCII and beyond', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 130 }), fc.string({ maxLength: 130 })), (name) => {
        expect(isGroupName(name)).toBe(COGNITO_GROUP_NAME.test(name));
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['users', true],
    ['Admins_EU-1', true],
    ['équipe', true],
    ['two words', false],
    ['', false],
    ['a'.repeat(128), true],
    ['a'.repeat(129), false],
    ['tab\there', false],
  ])('%p → %p', (name, expected) => {
    expect(isGroupName(name)).toBe(expected);
  });
});
