import { publicPolicyApplies } from '@functions/pre-sign-up/public-policy';
import { preSignUpConfig } from './support';

describe('publicPolicyApplies', () => {
  it('applies to self sign-ups and federated sign-ups', () => {
    expect(publicPolicyApplies('PreSignUp_SignUp', preSignUpConfig())).toBe(true);
    expect(publicPolicyApplies('PreSignUp_ExternalProvider', preSignUpConfig())).toBe(true);
  });

  it('applies to administrator-created users only when switched on', () => {
    expect(publicPolicyApplies('PreSignUp_AdminCreateUser', preSignUpConfig())).toBe(false);
    expect(
      publicPolicyApplies('PreSignUp_AdminCreateUser', preSignUpConfig({ POLICY_FOR_ADMIN_CREATED_USERS: 'true' })),
    ).toBe(true);
  });

  it('refuses a source it does not know instead of guessing', () => {
    expect(() => publicPolicyApplies('PreSignUp_Other' as never, preSignUpConfig())).toThrow(
      'Unhandled trigger source PreSignUp_Other.',
    );
  });
});
