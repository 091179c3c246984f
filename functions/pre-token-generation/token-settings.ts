/**
 * The formats of the token settings, read the same way when the stack is packaged (resources/pool/token-claims.ts,
 * which names the stage parameter) and when the function starts (config.ts, which names the variable). Each reader
 * throws a {@link SettingFormatError} whose message says what is wrong, to follow the setting's name.
 */
import type { TokenName } from './token-changes';
import {
  claimsBytes,
  isChangeableClaim,
  isClaimName,
  isClaimValue,
  isClaimValueIn,
  MAX_ADDED_CLAIMS_BYTES,
  SCOPE,
  SIMPLE_ID_TOKEN_CLAIMS,
} from './token-contract';
import type { ClaimValue } from './token-event';

/** A setting's value does not have its format; the message follows the setting's name (`must be …`, `has …`). */
export class SettingFormatError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'SettingFormatError';
  }
}

/** What an app client key of a per-client setting is: an app client id, or `*` for every client. */
const CLIENT_KEY = /^(\*|[\w+]{1,128})$/;

/** The scopes and claims client-credentials tokens of one machine client get. */
export interface MachineClientAccess {
  readonly scopes: readonly string[];
  readonly claims: Readonly<Record<string, ClaimValue>>;
}

/**
 * Reads `group:value` items into a map from each group to its values, in order (`admins:admin,admins:auditor` gives
 * `admins` two). The group is what comes before the first `:`, so a value may hold colons (a URL scope).
 */
export function readGroupPairs(
  items: readonly string[],
  valueName: string,
  isValue: (value: string) => boolean,
): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  for (const item of items) {
    const colon = item.indexOf(':');
    const group = item.slice(0, colon).trim();
    const value = item.slice(colon + 1).trim();
    if (colon <= 0 || group === '' || !isValue(value)) {
      throw new SettingFormatError(`has "${item}"; write group:${valueName} pairs, e.g. admins:${valueName}.`);
    }
    pairs.set(group, [...(pairs.get(group) ?? []), value]);
  }
  return pairs;
}

/** Whether `scope` is one OAuth scope. */
export function isScope(scope: string): boolean {
  return SCOPE.test(scope);
}

/** Refuses a claim name that is malformed, or one Cognito does not let an answer set in both tokens. */
export function assertSettableClaim(claim: string): string {
  if (!isClaimName(claim)) throw new SettingFormatError(`has "${claim}", which is not a claim name.`);
  if (!isChangeableClaim(claim, 'id') || !isChangeableClaim(claim, 'access')) {
    throw new SettingFormatError(`has "${claim}", a claim Cognito writes itself and no trigger may change.`);
  }
  return claim;
}

/** Refuses a roles claim name {@link assertSettableClaim} refuses, or one the ID token holds only as a simple value. */
export function assertRolesClaim(claim: string): string {
  assertSettableClaim(claim);
  if (SIMPLE_ID_TOKEN_CLAIMS.has(claim)) {
    throw new SettingFormatError(
      `is "${claim}", which Cognito takes in the ID token only as a string, number or boolean; the roles are a list.`,
    );
  }
  return claim;
}

function parseJsonObject(text: string, example: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SettingFormatError(`must be a JSON object, e.g. ${example}.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SettingFormatError(`must be a JSON object, e.g. ${example}.`);
  }
  return parsed as Record<string, unknown>;
}

/** Reads the claims of one entry, which go into `tokens`: names any step may set, values each token takes. */
function readClaims(value: unknown, where: string, tokens: readonly TokenName[]): Record<string, ClaimValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SettingFormatError(`has ${where}, which must be an object of claims.`);
  }
  for (const [claim, claimValue] of Object.entries(value)) {
    assertSettableClaim(claim);
    if (!isClaimValue(claimValue)) {
      throw new SettingFormatError(
        `gives "${claim}" a value Cognito does not take: a string, number, boolean, array of those, or object.`,
      );
    }
    if (!tokens.every((token) => isClaimValueIn(token, claim, claimValue))) {
      throw new SettingFormatError(
        `gives "${claim}" an array or object, which Cognito takes in the ID token only as a string, number or boolean.`,
      );
    }
  }
  return value as Record<string, ClaimValue>;
}

/**
 * Refuses a per-client setting whose claims for one client (its entry merged over `*`, as the steps add them) take
 * more than {@link MAX_ADDED_CLAIMS_BYTES}: the response check would drop every answer that carries them.
 */
function assertClaimsFit<T extends object>(
  perClient: Readonly<Record<string, T>>,
  claimsOf: (entry: T) => Readonly<Record<string, ClaimValue>>,
): void {
  for (const client of Object.keys(perClient)) {
    const claims = Object.assign({}, ...entryForClient(perClient, client).map(claimsOf));
    const bytes = claimsBytes(claims);
    if (bytes > MAX_ADDED_CLAIMS_BYTES) {
      throw new SettingFormatError(
        `gives "${client}" ${bytes} bytes of claims as JSON; a token's added claims may take ${MAX_ADDED_CLAIMS_BYTES}.`,
      );
    }
  }
}

function assertClientKey(key: string): void {
  if (!CLIENT_KEY.test(key)) throw new SettingFormatError(`has the key "${key}"; use an app client id or "*".`);
}

/**
 * Reads the claims per app client: `{"<app client id>": {"<claim>": <value>}, "*": {…}}`; `*` applies to every
 * client, and a client's own entry wins over it. Empty text is no claims.
 */
export function readClientClaims(text: string): Record<string, Record<string, ClaimValue>> {
  if (text.trim() === '') return {};
  const parsed = parseJsonObject(text, '{"*": {"plan": "standard"}}');
  const perClient = Object.fromEntries(
    Object.entries(parsed).map(([client, claims]) => {
      assertClientKey(client);
      return [client, readClaims(claims, `"${client}"`, ['id', 'access'])];
    }),
  );
  assertClaimsFit(perClient, (claims) => claims);
  return perClient;
}

/**
 * Reads the scopes and claims per machine client: `{"<app client id>" | "*": {"scopes": [...], "claims": {...}}}`.
 * Empty text is none.
 */
export function readMachineClientAccess(text: string): Record<string, MachineClientAccess> {
  if (text.trim() === '') return {};
  const parsed = parseJsonObject(text, '{"*": {"scopes": ["orders/read"], "claims": {"partner": true}}}');
  const perClient = Object.fromEntries(
    Object.entries(parsed).map(([client, entry]) => {
      assertClientKey(client);
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        throw new SettingFormatError(`has "${client}", which must be an object with "scopes" and "claims".`);
      }
      const { scopes = [], claims = {} } = entry as { scopes?: unknown; claims?: unknown };
      if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string' && isScope(scope))) {
        throw new SettingFormatError(`has "${client}".scopes, which must be a list of OAuth scopes.`);
      }
      return [client, { scopes, claims: readClaims(claims, `"${client}".claims`, ['access']) }];
    }),
  );
  assertClaimsFit(perClient, (access) => access.claims);
  return perClient;
}

/** The entry of `client` in a per-client setting, merged over the `*` entry. */
export function entryForClient<T extends object>(perClient: Readonly<Record<string, T>>, client: string): T[] {
  return ['*', ...(client === '*' ? [] : [client])]
    .filter((key) => Object.hasOwn(perClient, key))
    .map((key) => perClient[key] as T);
}
