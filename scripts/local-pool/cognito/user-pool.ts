import { randomUUID } from 'node:crypto';
import type { Clock } from 'cognito-local/lib/services/clock';
import type { Context } from 'cognito-local/lib/services/context';
import type { DataStore } from 'cognito-local/lib/services/dataStore/dataStore';
import type { DataStoreFactory } from 'cognito-local/lib/services/dataStore/factory';
import {
  attributeValue,
  type User,
  type UserPool,
  type UserPoolService,
  type UserPoolServiceFactory,
  UserPoolServiceImpl,
} from 'cognito-local/lib/services/userPoolService';

/** Attributes that can stand for the user name, as aliases or as the username itself. */
const ALIAS_ATTRIBUTES = ['email', 'phone_number', 'preferred_username'] as const;

/** Whether the pool matches user names and aliases without regard to letter case (`CaseSensitive: false`). */
function foldsCase(options: UserPool): boolean {
  return options.UsernameConfiguration?.CaseSensitive === false;
}

/** The attributes a pool lets a user sign in with besides the username. */
function signInAttributes(options: UserPool): string[] {
  return [...(options.UsernameAttributes ?? []), ...(options.AliasAttributes ?? [])];
}

/** Whether `user` is the one `name` designates in a case-insensitive pool. */
function matchesFolded(user: User, name: string, aliases: readonly string[]): boolean {
  const folded = name.toLowerCase();
  if (user.Username.toLowerCase() === folded) return true;
  return ALIAS_ATTRIBUTES.some(
    (attribute) => aliases.includes(attribute) && attributeValue(attribute, user.Attributes)?.toLowerCase() === folded,
  );
}

/**
 * cognito-local's user pool with two Cognito rules it lacks: in a pool with `UsernameConfiguration.CaseSensitive:
 * false`, a user is found by username or sign-in alias in any letter case; and every user has a `sub` (a user
 * stored without one, e.g. by an older migration, gets one the first time it is read).
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UsernameConfigurationType.html
 */
export class LocalUserPool extends UserPoolServiceImpl {
  override async getUserByUsername(ctx: Context, username: string): Promise<User | null> {
    const exact = await super.getUserByUsername(ctx, username);
    const user =
      exact ??
      (foldsCase(this.options) && typeof username === 'string'
        ? ((await this.listUsers(ctx)).find((candidate) =>
            matchesFolded(candidate, username, signInAttributes(this.options)),
          ) ?? null)
        : null);
    return user === null ? null : this.withSub(ctx, user);
  }

  /** Gives a stored user without `sub` one, and saves it. */
  private async withSub(ctx: Context, user: User): Promise<User> {
    if (attributeValue('sub', user.Attributes) !== undefined) return user;
    const withSub = { ...user, Attributes: [{ Name: 'sub', Value: randomUUID() }, ...user.Attributes] };
    await this.saveUser(ctx, withSub);
    return withSub;
  }
}

/** Creates each pool's service as a {@link LocalUserPool} (cognito-local's factory, with the class swapped). */
export class LocalUserPoolFactory implements UserPoolServiceFactory {
  constructor(
    private readonly clock: Clock,
    private readonly dataStoreFactory: DataStoreFactory,
  ) {}

  async create(ctx: Context, clientsDataStore: DataStore, defaultOptions: UserPool): Promise<UserPoolService> {
    const dataStore = await this.dataStoreFactory.create(ctx, defaultOptions.Id, {
      Users: {},
      Options: defaultOptions,
    });
    const options = await dataStore.get<UserPool>(ctx, 'Options', defaultOptions);
    return new LocalUserPool(clientsDataStore, this.clock, dataStore, options ?? defaultOptions);
  }
}
