/**
 * End to end on the local pool: the tokens an app gets through aws-amplify v6 carry what the preTokenGeneration
 * function (V2_0) adds — the admin group's mapped scope, the roles claim and the tenant claim in the access token,
 * verified with aws-jwt-verify as an API would — and a refresh keeps them.
 */
import {
  AdminAddUserToGroupCommand,
  AdminGetUserCommand,
  ConfirmSignUpCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { useAmplifyTestPool } from '@test/helpers/amplify';
import { TEST_CODE } from '@test/helpers/local-pool';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';

const PASSWORD = 'Correct-Horse-42';
const run = useAmplifyTestPool();

afterEach(async () => {
  await signOut();
});

/** A confirmed user (postConfirmation adds the default group `users`), with a tenant when given one. */
async function confirmedUser(email: string, tenant?: string): Promise<void> {
  const attributes = [
    { Name: 'email', Value: email },
    { Name: 'name', Value: 'Token User' },
    ...(tenant === undefined ? [] : [{ Name: 'custom:tenant_id', Value: tenant }]),
  ];
  await run.cognito.send(
    new SignUpCommand({ ClientId: run.pool.clientId, Username: email, Password: PASSWORD, UserAttributes: attributes }),
  );
  await run.cognito.send(
    new ConfirmSignUpCommand({ ClientId: run.pool.clientId, Username: email, ConfirmationCode: TEST_CODE }),
  );
}

async function verifiedTokens(forceRefresh = false) {
  const { tokens } = await fetchAuthSession({ forceRefresh });
  return {
    access: await run.verifyToken(String(tokens?.accessToken), 'access'),
    id: await run.verifyToken(String(tokens?.idToken), 'id'),
  };
}

describe('tokens from the local pool', () => {
  it('carry the admin scope, the roles and the tenant of an admin in the access token, and a refresh keeps them', async () => {
    const email = `token.admin.${Date.now()}@example.com`;
    await confirmedUser(email, 'acme-logistics');
    await run.cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: run.pool.userPoolId, Username: email, GroupName: 'admins' }),
    );

    await signIn({ username: email, password: PASSWORD });
    const first = await verifiedTokens();
    const refreshed = await verifiedTokens(true);

    for (const { access, id } of [first, refreshed]) {
      expect(String(access.scope).split(' ')).toEqual(
        expect.arrayContaining(['aws.cognito.signin.user.admin', 'flows-api/admin']),
      );
      expect(access).toMatchObject({ tenant_id: 'acme-logistics', roles: expect.arrayContaining(['admin', 'member']) });
      expect(id).toMatchObject({ tenant_id: 'acme-logistics', roles: expect.arrayContaining(['admin', 'member']) });
    }
    expect(refreshed.access.jti).not.toBe(first.access.jti);
    const sources = run
      .invocations()
      .filter((record) => record.triggerSource?.startsWith('TokenGeneration_'))
      .map((record) => [record.triggerSource, (record.event as { version?: string }).version]);
    expect(sources).toEqual(
      expect.arrayContaining([
        ['TokenGeneration_Authentication', '2'],
        ['TokenGeneration_RefreshTokens', '2'],
      ]),
    );
  });

  it('give a member without a tenant the member role, no admin scope and no tenant claim', async () => {
    const email = `token.member.${Date.now()}@example.com`;
    await confirmedUser(email);
    const groups = await run.cognito.send(
      new AdminGetUserCommand({ UserPoolId: run.pool.userPoolId, Username: email }),
    );
    expect(groups.UserStatus).toBe('CONFIRMED');

    await signIn({ username: email, password: PASSWORD });
    const { access } = await verifiedTokens();

    expect(access.roles).toEqual(['member']);
    expect(String(access.scope).split(' ')).not.toContain('flows-api/admin');
    expect(access).not.toHaveProperty('tenant_id');
  });
});
