import { publicPolicyApplies } from '@functions/pre-sign-up/public-policy';
import { testConfig } from './support';

describe('publicPolicyApplies', () => {
  it('applies to self sign-ups and federated sign-ups', () => {
    expect(publicPolicyApplies('PreSignUp_SignUp', testConfig())).toBe(true);
    expect(publicPolicyApplies('PreSignUp_ExternalProvider', testConfig())).toBe(true);
  });

  it('applies to administrator-created users only when switched on', () => {
    expect(publicPolicyApplies('PreSignUp_AdminCreateUser', testConfig())).toBe(false);
    expect(
      publicPolicyApplies('PreSignUp_AdminCreateUser', testConfig({ POLICY_FOR_ADMIN_CREATED_USERS: 'true' })),
    ).toBe(true);
  });

  it('refuses a source it does not know instead of guessing', () => {
    expect(() => publicPolicyApplies('PreSignUp_Other' as never, testConfig())).toThrow(
      'Unhandled trigger source PreSignUp_Other.',
    );
  });
});
