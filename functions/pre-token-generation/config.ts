import { type CommonConfig, type Env, type EnvReader, envReader, readCommonConfig } from '@shared/config';
import { ConfigError } from '@shared/errors';
import { STANDARD_ATTRIBUTES } from '@shared/standard-attributes';
import { variableOf } from '@shared/variable-name';
import { settingConflict } from './setting-conflicts';
import type { ClaimValue } from './token-event';
import {
  assertRolesClaim,
  assertSettableClaim,
  isScope,
  type MachineClientAccess,
  readClientClaims,
  readGroupPairs,
  readMachineClientAccess,
  SettingFormatError,
} from './token-settings';

/** What a user without the tenant attribute gets: tokens without the tenant claim, or a refused sign-in. */
export const USERS_WITHOUT_TENANT = ['omit', 'refuse'] as const;

/** Settings of the preTokenGeneration function, read from its environment (see serverless.yml). */
export interface PreTokenGenerationConfig extends CommonConfig {
  /** `GROUP_ROLES`: each group's roles, written as the roles claim of both tokens. */
  groupRoles: ReadonlyMap<string, readonly string[]>;
  /** `ROLES_CLAIM`: the name of the roles claim. */
  rolesClaim: string;
  /** `GROUP_SCOPES`: each group's scopes, added to the access token. */
  groupScopes: ReadonlyMap<string, readonly string[]>;
  /** `TENANT_ATTRIBUTE`: the user attribute that holds the tenant, e.g. `custom:tenant_id`; empty: no tenant claim. */
  tenantAttribute: string;
  /** `TENANT_CLAIM`: the name of the tenant claim in both tokens. */
  tenantClaim: string;
  /** `USERS_WITHOUT_TENANT`: what a user without the tenant attribute gets. */
  usersWithoutTenant: (typeof USERS_WITHOUT_TENANT)[number];
  /** `HIDDEN_ID_CLAIMS`: claims suppressed from the ID token. */
  hiddenIdClaims: readonly string[];
  /** `CLIENT_CLAIMS`: claims both tokens get, per app client id (`*`: every client). */
  clientClaims: Readonly<Record<string, Readonly<Record<string, ClaimValue>>>>;
  /** `MACHINE_CLIENT_ACCESS`: scopes and claims of client-credentials tokens, per machine client id (`*`: every one). */
  machineClientAccess: Readonly<Record<string, MachineClientAccess>>;
  /** `REQUIRED_CLAIMS`: claims whose loss to the response check refuses the sign-in instead of issuing tokens without them. */
  requiredClaims: readonly string[];
}

const CUSTOM_ATTRIBUTE = /^custom:[A-Za-z0-9_]{1,20}$/;

/** Runs a setting reader, naming `variable` in its error. */
function named<T>(variable: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SettingFormatError) throw new ConfigError(`${variable} ${error.message}`);
    throw error;
  }
}

function readTenantAttribute(env: EnvReader): string {
  const attribute = env.string('TENANT_ATTRIBUTE', '');
  if (attribute !== '' && !CUSTOM_ATTRIBUTE.test(attribute) && !STANDARD_ATTRIBUTES.includes(attribute)) {
    throw new ConfigError(
      `TENANT_ATTRIBUTE must be custom:<name> or a standard attribute, e.g. custom:tenant_id; got "${attribute}".`,
    );
  }
  return attribute;
}

function readClaimName(
  env: EnvReader,
  variable: string,
  fallback: string,
  assertClaim: (claim: string) => string = assertSettableClaim,
): string {
  return named(variable, () => assertClaim(env.string(variable, fallback)));
}

/** Refuses settings that break a rule between them (see {@link settingConflict}), naming the variables. */
function assertNoConflict(config: PreTokenGenerationConfig): PreTokenGenerationConfig {
  const conflict = settingConflict(config, variableOf);
  if (conflict !== undefined) throw new ConfigError(`${variableOf(conflict.setting)} ${conflict.problem}`);
  return config;
}

/**
 * Reads the preTokenGeneration settings; throws naming the variable that is missing or malformed, or the variables
 * that conflict (a claim two steps write, a required claim no step writes). Every setting has a default that leaves
 * its step off, so an unconfigured function returns the tokens unchanged.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export function loadPreTokenGenerationConfig(env: Env): PreTokenGenerationConfig {
  const reader = envReader(env);
  return assertNoConflict({
    ...readCommonConfig(reader),
    groupRoles: named('GROUP_ROLES', () => readGroupPairs(reader.list('GROUP_ROLES'), 'role', (role) => role !== '')),
    rolesClaim: readClaimName(reader, 'ROLES_CLAIM', 'roles', assertRolesClaim),
    groupScopes: named('GROUP_SCOPES', () => readGroupPairs(reader.list('GROUP_SCOPES'), 'scope', isScope)),
    tenantAttribute: readTenantAttribute(reader),
    tenantClaim: readClaimName(reader, 'TENANT_CLAIM', 'tenant_id'),
    usersWithoutTenant: reader.oneOf('USERS_WITHOUT_TENANT', USERS_WITHOUT_TENANT, 'omit'),
    hiddenIdClaims: named('HIDDEN_ID_CLAIMS', () => reader.list('HIDDEN_ID_CLAIMS').map(assertSettableClaim)),
    clientClaims: named('CLIENT_CLAIMS', () => readClientClaims(reader.string('CLIENT_CLAIMS', ''))),
    machineClientAccess: named('MACHINE_CLIENT_ACCESS', () =>
      readMachineClientAccess(reader.string('MACHINE_CLIENT_ACCESS', '')),
    ),
    requiredClaims: named('REQUIRED_CLAIMS', () => reader.list('REQUIRED_CLAIMS').map(assertSettableClaim)),
  });
}
