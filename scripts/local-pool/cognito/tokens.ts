import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AuthenticationResultType, TimeUnitsType } from 'aws-sdk/clients/cognitoidentityserviceprovider';
import type { AppClient } from 'cognito-local/lib/services/appClient';
import type { Clock } from 'cognito-local/lib/services/clock';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService';
import type { Context } from 'cognito-local/lib/services/context';
import type { TokenGenerator, Tokens } from 'cognito-local/lib/services/tokenGenerator';
import {
  attributesToRecord,
  attributeValue,
  type User,
  type UserPoolService,
} from 'cognito-local/lib/services/userPoolService';
import {
  accessTokenExpired,
  accessTokenRevoked,
  invalidAccessToken,
  invalidRefreshToken,
  refreshTokenExpired,
  refreshTokenRevoked,
  userDisabled,
  userDoesNotExist,
} from './aws-errors';
import { type Claims, signJwt, verifiedClaims } from './jwt';
import { applyTokenGeneration, type TokenContents } from './token-overrides';
import type { LocalTriggers } from './triggers';

/** The scope of tokens issued through the API (not the hosted UI): what lets them call the user's own actions. */
const API_SCOPE = 'aws.cognito.signin.user.admin';

/** Why tokens are issued: the `TokenGeneration_<source>` of PreTokenGeneration. */
export type TokenSource =
  | 'Authentication'
  | 'NewPasswordChallenge'
  | 'RefreshTokens'
  | 'AuthenticateDevice'
  | 'HostedAuth';

/**
 * One sign-in session of a user, kept on the user record under `SignInSessions` by its `origin_jti`: the refresh
 * token belongs to it, and every token issued in it carries its id. Revoking it (RevokeToken, GlobalSignOut) ends
 * the refresh token and every access token of the session, as Cognito does.
 */
export interface SignInSession {
  clientId: string;
  authTime: number;
  /** SHA-256 of the refresh token's secret part. */
  refreshHash: string;
  /** When the refresh token expires, in epoch seconds. */
  expiresAt: number;
  revoked: boolean;
}

/** A user record with the layer's sessions. */
type SessionUser = User & { SignInSessions?: Record<string, SignInSession> };

/** Whom an access token was issued to, once it has been verified and found in force. */
export interface Authorized {
  userPool: UserPoolService;
  user: User;
  claims: Claims;
}

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/** A token validity of an app client in seconds (Cognito's defaults: 60 minutes, 60 minutes, 30 days). */
function validitySeconds(value: number | undefined, unit: TimeUnitsType | undefined, fallback: number): number {
  return value === undefined ? fallback : value * (UNIT_SECONDS[unit ?? ''] ?? 1);
}

const hash = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** A refresh token: opaque to apps; names its user and session, and carries a secret only its hash is kept of. */
function refreshTokenOf(username: string, sessionId: string, secret: string): string {
  return `${Buffer.from(JSON.stringify({ u: username, s: sessionId })).toString('base64url')}.${secret}`;
}

function parseRefreshToken(token: unknown): { username: string; sessionId: string; secret: string } | undefined {
  if (typeof token !== 'string') return undefined;
  const [head, secret, ...rest] = token.split('.');
  if (head === undefined || secret === undefined || rest.length > 0) return undefined;
  try {
    const { u, s } = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { u?: unknown; s?: unknown };
    return typeof u === 'string' && typeof s === 'string' ? { username: u, sessionId: s, secret } : undefined;
  } catch {
    return undefined;
  }
}

function sameHash(secret: string, expected: string): boolean {
  const actual = Buffer.from(hash(secret), 'hex');
  const wanted = Buffer.from(expected, 'hex');
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
}

/** The ID token's attribute claims: every attribute, with the two verification flags as booleans. */
function attributeClaims(user: User): Claims {
  const claims: Claims = attributesToRecord(user.Attributes);
  for (const flag of ['email_verified', 'phone_number_verified']) {
    if (typeof claims[flag] === 'string') claims[flag] = claims[flag] === 'true';
  }
  return claims;
}

/**
 * Issues, refreshes and revokes the pool's tokens as Cognito does: ID and access tokens with `origin_jti`,
 * `event_id`, `auth_time`, `cognito:groups`, `scope` and `client_id`, signed with the key the JWKS serves; an opaque
 * refresh token per sign-in session; PreTokenGeneration in the pool's version (V1_0, V2_0, V3_0) on every issue.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-with-identity-providers.html
 */
export class TokenService implements TokenGenerator {
  constructor(
    private readonly clock: Clock,
    private readonly triggers: LocalTriggers,
    private readonly cognito: CognitoService,
    private readonly issuerDomain: string,
  ) {}

  private now(): number {
    return Math.floor(this.clock.get().getTime() / 1000);
  }

  /** The tokens' issuer: `<endpoint>/<userPoolId>`, where the pool's JWKS is served. */
  issuer(userPoolId: string): string {
    return `${this.issuerDomain}/${userPoolId}`;
  }

  /** Signs the ID and access tokens of a session after PreTokenGeneration has had its say. */
  private async issue(
    ctx: Context,
    {
      user,
      groups,
      client,
      clientMetadata,
      source,
      sessionId,
      authTime,
    }: {
      user: User;
      groups: readonly string[];
      client: AppClient;
      clientMetadata: Record<string, string> | undefined;
      source: TokenSource;
      sessionId: string;
      authTime: number;
    },
  ): Promise<{ IdToken: string; AccessToken: string; ExpiresIn: number }> {
    const now = this.now();
    const eventId = randomUUID();
    const sub = attributeValue('sub', user.Attributes);
    const shared: Claims = {
      sub,
      iss: this.issuer(client.UserPoolId),
      origin_jti: sessionId,
      event_id: eventId,
      auth_time: authTime,
      iat: now,
      ...(groups.length > 0 ? { 'cognito:groups': [...groups] } : {}),
    };
    const contents: TokenContents = {
      idToken: {
        ...attributeClaims(user),
        ...shared,
        'cognito:username': user.Username,
        aud: client.ClientId,
        token_use: 'id',
      },
      accessToken: { ...shared, client_id: client.ClientId, token_use: 'access', username: user.Username },
      scopes: [API_SCOPE],
    };
    const answer = await this.triggers.tokenGeneration(ctx, {
      userPoolId: client.UserPoolId,
      userName: user.Username,
      clientId: client.ClientId,
      source,
      userAttributes: { ...attributesToRecord(user.Attributes), 'cognito:user_status': user.UserStatus },
      groupConfiguration: { groupsToOverride: [...groups], iamRolesToOverride: [], preferredRole: null },
      ...(clientMetadata === undefined ? {} : { clientMetadata }),
      scopes: contents.scopes,
    });
    const final = applyTokenGeneration(contents, answer);
    const accessSeconds = validitySeconds(client.AccessTokenValidity, client.TokenValidityUnits?.AccessToken, 3600);
    const idSeconds = validitySeconds(client.IdTokenValidity, client.TokenValidityUnits?.IdToken, 3600);
    return {
      IdToken: signJwt({ ...final.idToken, exp: now + idSeconds, jti: randomUUID() }),
      AccessToken: signJwt({
        ...final.accessToken,
        scope: final.scopes.join(' '),
        exp: now + accessSeconds,
        jti: randomUUID(),
      }),
      ExpiresIn: accessSeconds,
    };
  }

  /**
   * Signs a user in: opens a session, issues its tokens (PreTokenGeneration `TokenGeneration_<source>`) and its
   * refresh token. `groups` are the user's groups as the sign-in read them (their current ones when not given).
   * `clientMetadata` reaches PreTokenGeneration only from RespondToAuthChallenge.
   */
  async signIn(
    ctx: Context,
    {
      userPool,
      client,
      user,
      groups: readGroups,
      clientMetadata,
      source = 'Authentication',
    }: {
      userPool: UserPoolService;
      client: AppClient;
      user: User;
      groups?: readonly string[];
      clientMetadata?: Record<string, string>;
      source?: TokenSource;
    },
  ): Promise<AuthenticationResultType & Tokens> {
    const sessionId = randomUUID();
    const authTime = this.now();
    const groups = readGroups ?? (await userPool.listUserGroupMembership(ctx, user));
    const tokens = await this.issue(ctx, { user, groups, client, clientMetadata, source, sessionId, authTime });
    const secret = randomBytes(48).toString('base64url');
    const refreshSeconds = validitySeconds(
      client.RefreshTokenValidity,
      client.TokenValidityUnits?.RefreshToken ?? 'days',
      30 * 86_400,
    );
    await this.saveSession(ctx, userPool, user.Username, sessionId, {
      clientId: client.ClientId,
      authTime,
      refreshHash: hash(secret),
      expiresAt: authTime + refreshSeconds,
      revoked: false,
    });
    return { ...tokens, TokenType: 'Bearer', RefreshToken: refreshTokenOf(user.Username, sessionId, secret) };
  }

  /** cognito-local's interface, for the API actions the layer leaves to it (e.g. AdminInitiateAuth). */
  async generate(
    ctx: Context,
    user: User,
    _groups: readonly string[],
    client: AppClient,
    clientMetadata: Record<string, string> | undefined,
    source: TokenSource,
  ): Promise<Tokens> {
    const userPool = await this.cognito.getUserPool(ctx, client.UserPoolId);
    return this.signIn(ctx, { userPool, client, user, ...(clientMetadata ? { clientMetadata } : {}), source });
  }

  /**
   * New ID and access tokens for a refresh token (REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken), in the session the
   * refresh token belongs to (same `origin_jti` and `auth_time`).
   *
   * @throws NotAuthorizedException `Invalid Refresh Token`, `Refresh Token has been revoked` or `… has expired`
   */
  async refresh(
    ctx: Context,
    {
      userPool,
      client,
      refreshToken,
      clientMetadata,
    }: { userPool: UserPoolService; client: AppClient; refreshToken: unknown; clientMetadata?: Record<string, string> },
  ): Promise<AuthenticationResultType> {
    const { user, sessionId, session } = await this.sessionOfRefreshToken(ctx, userPool, refreshToken);
    if (session.clientId !== client.ClientId) throw invalidRefreshToken();
    if (session.revoked) throw refreshTokenRevoked();
    if (session.expiresAt <= this.now()) throw refreshTokenExpired();
    if (!user.Enabled) throw userDisabled();
    const groups = await userPool.listUserGroupMembership(ctx, user);
    const tokens = await this.issue(ctx, {
      user,
      groups,
      client,
      clientMetadata,
      source: 'RefreshTokens',
      sessionId,
      authTime: session.authTime,
    });
    return { ...tokens, TokenType: 'Bearer' };
  }

  /** RevokeToken: ends the refresh token's session. An unknown or already revoked token is not an error. */
  async revoke(ctx: Context, userPool: UserPoolService, client: AppClient, refreshToken: unknown): Promise<void> {
    const found = await this.sessionOfRefreshToken(ctx, userPool, refreshToken).catch(() => undefined);
    if (found === undefined || found.session.clientId !== client.ClientId) return;
    await this.saveSession(ctx, userPool, found.user.Username, found.sessionId, { ...found.session, revoked: true });
  }

  /** GlobalSignOut and AdminUserGlobalSignOut: ends every session of the user. */
  async signOutEverywhere(ctx: Context, userPool: UserPoolService, username: string): Promise<void> {
    const user = (await userPool.getUserByUsername(ctx, username)) as SessionUser | null;
    if (user === null) throw userDoesNotExist();
    const sessions = Object.fromEntries(
      Object.entries(user.SignInSessions ?? {}).map(([id, session]) => [id, { ...session, revoked: true }]),
    );
    await userPool.saveUser(ctx, { ...user, SignInSessions: sessions } as User);
  }

  /**
   * Checks an access token as Cognito checks one passed to GetUser, UpdateUserAttributes, GlobalSignOut and the
   * other actions of the signed-in user: signed by the pool, an access token, unexpired, its session not revoked,
   * its user present and enabled.
   */
  async authorize(ctx: Context, accessToken: unknown): Promise<Authorized> {
    const claims = typeof accessToken === 'string' ? verifiedClaims(accessToken) : undefined;
    if (claims === undefined || claims.token_use !== 'access' || typeof claims.client_id !== 'string') {
      throw invalidAccessToken();
    }
    if (typeof claims.exp !== 'number' || claims.exp <= this.now()) throw accessTokenExpired();
    const userPool = await this.cognito.getUserPoolForClientId(ctx, claims.client_id).catch(() => {
      throw invalidAccessToken();
    });
    const user = (await userPool.getUserByUsername(ctx, String(claims.username))) as SessionUser | null;
    if (user === null) throw userDoesNotExist();
    const session = user.SignInSessions?.[String(claims.origin_jti)];
    if (session === undefined || session.revoked) throw accessTokenRevoked();
    if (!user.Enabled) throw userDisabled();
    return { userPool, user, claims };
  }

  private async sessionOfRefreshToken(ctx: Context, userPool: UserPoolService, token: unknown) {
    const parsed = parseRefreshToken(token);
    if (parsed === undefined) throw invalidRefreshToken();
    const user = (await userPool.getUserByUsername(ctx, parsed.username)) as SessionUser | null;
    const session = user?.SignInSessions?.[parsed.sessionId];
    if (user === null || session === undefined || !sameHash(parsed.secret, session.refreshHash)) {
      throw invalidRefreshToken();
    }
    return { user, sessionId: parsed.sessionId, session };
  }

  /** Stores a session on the freshest copy of the user record, dropping sessions whose refresh token expired. */
  private async saveSession(
    ctx: Context,
    userPool: UserPoolService,
    username: string,
    sessionId: string,
    session: SignInSession,
  ): Promise<void> {
    const user = (await userPool.getUserByUsername(ctx, username)) as SessionUser | null;
    if (user === null) throw userDoesNotExist();
    const now = this.now();
    const live = Object.entries(user.SignInSessions ?? {}).filter(([, kept]) => kept.expiresAt > now);
    await userPool.saveUser(ctx, {
      ...user,
      SignInSessions: { ...Object.fromEntries(live), [sessionId]: session },
    } as User);
  }
}
