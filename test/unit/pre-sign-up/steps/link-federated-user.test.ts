import type { IdentityLink, LinkOutcome, NativeUsers, PoolUser } from '@functions/pre-sign-up/native-users';
import { linkFederatedUser } from '@functions/pre-sign-up/steps/link-federated-user';
import { ConfigError, DependencyError, UserFacingError } from '@shared/errors';
import { runSteps } from '@shared/steps';
import { loadFixture } from '@test/helpers/fixtures';
import { POOL_ID, runStep, stepContext, testConfig } from '../support';

const EMAIL = 'tariq.benali@example.com';
const NATIVE: PoolUser = {
  username: '0f9a2c4e-1b3d-70e8-a6c5-9d2b4f6e8a10',
  status: 'CONFIRMED',
  createdAt: new Date('2026-01-05T10:00:00Z'),
  attributes: { sub: '0f9a2c4e-1b3d-70e8-a6c5-9d2b4f6e8a10', email: EMAIL, email_verified: 'true' },
};

function nativeUsers(users: PoolUser[], outcome: LinkOutcome = 'linked'): jest.Mocked<NativeUsers> {
  return {
    withEmail: jest.fn<Promise<PoolUser[]>, [string, string, AbortSignal?]>(async () => users),
    link: jest.fn<Promise<LinkOutcome>, [IdentityLink, AbortSignal?]>(async () => outcome),
  };
}

describe('link-federated-user', () => {
  it('links the recorded Google sign-up to the native user with the same verified email, and lets it through', async () => {
    const users = nativeUsers([NATIVE]);

    const { event, logs } = await runStep(
      linkFederatedUser,
      loadFixture('PreSignUp_ExternalProvider'),
      testConfig(),
      users,
    );

    expect(users.withEmail).toHaveBeenCalledWith(POOL_ID, EMAIL, expect.any(AbortSignal));
    expect(users.link).toHaveBeenCalledWith(
      {
        userPoolId: POOL_ID,
        destinationUsername: NATIVE.username,
        providerName: 'Google',
        subject: '109876543210987654321',
      },
      expect.any(AbortSignal),
    );
    expect(event).toEqual(loadFixture('PreSignUp_ExternalProvider'));
    expect(logs.entries()).toEqual([
      expect.objectContaining({
        message: 'Linked the federated identity to the native user',
        outcome: 'linked',
        provider: 'Google',
        nativeSub: NATIVE.username,
      }),
    ]);
    expect(logs.lines.join('\n')).not.toContain(EMAIL);
  });

  it('takes the provider name from the configuration whatever the case of the user name prefix', async () => {
    const users = nativeUsers([NATIVE]);
    const event = loadFixture('PreSignUp_ExternalProvider');
    event.userName = 'SIGNINWITHAPPLE_001234.abcd';

    await runStep(linkFederatedUser, event, testConfig(), users);

    expect(users.link).toHaveBeenCalledWith(
      expect.objectContaining({ providerName: 'SignInWithApple', subject: '001234.abcd' }),
      expect.any(AbortSignal),
    );
  });

  it('looks users up by the normalised email', async () => {
    const users = nativeUsers([]);
    const event = loadFixture('PreSignUp_ExternalProvider');
    event.request.userAttributes['email'] = ' Tariq.Benali@EXAMPLE.com';

    await runStep(linkFederatedUser, event, testConfig(), users);

    expect(users.withEmail).toHaveBeenCalledWith(POOL_ID, 'Tariq.Benali@example.com', expect.any(AbortSignal));
  });

  it('does not link, nor look anyone up, when the provider did not verify the email', async () => {
    const users = nativeUsers([NATIVE]);
    const event = loadFixture('PreSignUp_ExternalProvider');
    event.request.userAttributes['email_verified'] = 'false';

    const { logs } = await runStep(linkFederatedUser, event, testConfig(), users);

    expect(users.withEmail).not.toHaveBeenCalled();
    expect(users.link).not.toHaveBeenCalled();
    expect(logs.entries()).toEqual([
      expect.objectContaining({ message: 'Not linking: the identity provider did not verify the email address' }),
    ]);
  });

  it('lets the sign-up through without linking when no native user qualifies', async () => {
    const federatedOnly: PoolUser = { ...NATIVE, username: 'facebook_10224466880011', status: 'EXTERNAL_PROVIDER' };
    const users = nativeUsers([
      federatedOnly,
      { ...NATIVE, attributes: { ...NATIVE.attributes, email_verified: 'false' } },
    ]);

    const { event } = await runStep(linkFederatedUser, loadFixture('PreSignUp_ExternalProvider'), testConfig(), users);

    expect(users.link).not.toHaveBeenCalled();
    expect(event).toEqual(loadFixture('PreSignUp_ExternalProvider'));
  });

  it('counts an identity linked by an earlier attempt as linked', async () => {
    const users = nativeUsers([NATIVE], 'already-linked');

    const { logs } = await runStep(linkFederatedUser, loadFixture('PreSignUp_ExternalProvider'), testConfig(), users);

    expect(logs.entries()).toEqual([expect.objectContaining({ outcome: 'already-linked' })]);
  });

  it('lets the sign-up through when the native user was deleted meanwhile', async () => {
    const users = nativeUsers([NATIVE], 'no-destination');

    const { logs } = await runStep(linkFederatedUser, loadFixture('PreSignUp_ExternalProvider'), testConfig(), users);

    expect(logs.entries()).toEqual([
      expect.objectContaining({ level: 'warn', message: 'Not linked: the native user no longer exists' }),
    ]);
  });

  it('tells the person to use their password when the native user cannot take another identity', async () => {
    const users = nativeUsers([NATIVE], 'link-limit-reached');

    await expect(
      runStep(linkFederatedUser, loadFixture('PreSignUp_ExternalProvider'), testConfig(), users),
    ).rejects.toEqual(
      new UserFacingError(
        'Your account cannot take another sign-in provider. Sign in with your email address and password.',
      ),
    );
  });

  it('fails (masked later) rather than create a duplicate when the provider is not configured', async () => {
    const users = nativeUsers([NATIVE]);
    const event = loadFixture('PreSignUp_ExternalProvider');
    event.userName = 'corpsaml_jane';

    await expect(runStep(linkFederatedUser, event, testConfig(), users)).rejects.toEqual(
      new ConfigError('Identity provider "corpsaml" is not listed in IDENTITY_PROVIDER_NAMES.'),
    );
    expect(users.link).not.toHaveBeenCalled();
  });

  it('passes a Cognito failure on, so the sign-in fails instead of creating a duplicate', async () => {
    const failure = new DependencyError('ListUsers failed.', {
      cause: new Error('Rate exceeded'),
      dependency: 'Cognito',
    });
    const users: NativeUsers = { withEmail: jest.fn(async () => Promise.reject(failure)), link: jest.fn() };

    await expect(
      runStep(linkFederatedUser, loadFixture('PreSignUp_ExternalProvider'), testConfig(), users),
    ).rejects.toBe(failure);
  });

  it('does nothing when LINK_FEDERATED_USERS is off, or for other trigger sources', async () => {
    const users = nativeUsers([NATIVE]);

    await runStep(
      linkFederatedUser,
      loadFixture('PreSignUp_ExternalProvider'),
      testConfig({ LINK_FEDERATED_USERS: 'false' }),
      users,
    );
    await runStep(linkFederatedUser, loadFixture('PreSignUp_SignUp'), testConfig(), users);
    await runStep(linkFederatedUser, loadFixture('PreSignUp_AdminCreateUser'), testConfig(), users);

    expect(users.withEmail).not.toHaveBeenCalled();
  });

  it.each([
    ['linked', { AccountsLinked: 1 }],
    ['already-linked', { AccountsAlreadyLinked: 1 }],
    ['no-destination', { AccountLinksRefused: 1 }],
  ] as const)('counts a link that ended %s', async (outcome, counted) => {
    const { metrics } = await runStep(
      linkFederatedUser,
      loadFixture('PreSignUp_ExternalProvider'),
      testConfig(),
      nativeUsers([NATIVE], outcome),
    );

    expect(metrics.counted).toEqual(counted);
  });

  it('counts a link the native user’s limit refused, and refuses the sign-up', async () => {
    const event = loadFixture('PreSignUp_ExternalProvider');
    const { context, metrics } = stepContext(event, testConfig(), nativeUsers([NATIVE], 'link-limit-reached'));

    await expect(runSteps([linkFederatedUser], context)).rejects.toBeInstanceOf(UserFacingError);
    expect(metrics.counted).toEqual({ AccountLinksRefused: 1 });
  });
});
