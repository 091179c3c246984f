import { randomUUID } from 'node:crypto';
import type { User } from 'cognito-local/lib/services/userPoolService';
import { attributesFromRecord } from 'cognito-local/lib/services/userPoolService';
import type { ClientCall } from './layer';

/** Why a user is migrated: a sign-in with a password, or a password reset. */
export type MigrationSource = 'UserMigration_Authentication' | 'UserMigration_ForgotPassword';

/**
 * Asks the pool's UserMigration trigger for a user the pool does not know and, when it answers with attributes,
 * creates the user as Cognito does: with a new `sub`, named by that `sub` in a pool whose username is the email or
 * phone number (else by the name given), with the password of the sign-in, and in the status the trigger chose
 * (CONFIRMED unless RESET_REQUIRED). Returns null when the pool has no migration trigger or the trigger refuses.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html
 */
export async function migrateUser(
  { ctx, layer, userPool, client }: ClientCall,
  username: string,
  {
    source,
    password,
    clientMetadata,
  }: { source: MigrationSource; password?: string; clientMetadata?: Record<string, string> },
): Promise<User | null> {
  if (!(await layer.triggers.configured(ctx, userPool.options.Id, 'UserMigration'))) return null;
  // InitiateAuth's ClientMetadata reaches the trigger as validationData; ForgotPassword's as clientMetadata.
  const answer = await layer.triggers
    .migrateUser(
      ctx,
      { userPoolId: userPool.options.Id, userName: username, clientId: client.ClientId },
      source === 'UserMigration_Authentication'
        ? {
            source,
            ...(password === undefined ? {} : { password }),
            ...(clientMetadata ? { validationData: clientMetadata } : {}),
          }
        : { source, ...(clientMetadata ? { clientMetadata } : {}) },
    )
    .catch((error: unknown) => {
      ctx.logger.info({ error }, 'UserMigration refused the user');
      return null;
    });
  const attributes = answer?.userAttributes;
  if (answer === null || attributes === null || attributes === undefined || Object.keys(attributes).length === 0) {
    return null;
  }
  const sub = randomUUID();
  const { username: namedUsername, sub: _ignoredSub, ...kept } = attributes;
  const usernameAttributes = userPool.options.UsernameAttributes ?? [];
  for (const attribute of usernameAttributes) {
    if (attribute === 'email' && username.includes('@')) kept.email ??= username;
    if (attribute === 'phone_number' && username.startsWith('+')) kept.phone_number ??= username;
  }
  const now = new Date();
  const user: User = {
    Username: usernameAttributes.length > 0 ? sub : (namedUsername ?? username),
    Attributes: attributesFromRecord({ sub, ...kept }),
    Enabled: true,
    Password: password ?? '',
    UserStatus: answer.finalUserStatus === 'RESET_REQUIRED' ? 'RESET_REQUIRED' : 'CONFIRMED',
    UserCreateDate: now,
    UserLastModifiedDate: now,
    RefreshTokens: [],
  };
  await userPool.saveUser(ctx, user);
  return user;
}
