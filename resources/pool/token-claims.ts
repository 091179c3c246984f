import { settingConflict } from '@functions/pre-token-generation/setting-conflicts';
import {
  assertRolesClaim,
  assertSettableClaim,
  isScope,
  readClientClaims,
  readGroupPairs,
  readMachineClientAccess,
  SettingFormatError,
} from '@functions/pre-token-generation/token-settings';
import type { Plan } from '@resources/parameters/parameter';
import { STANDARD_ATTRIBUTES } from '@shared/standard-attributes';
import { ParameterError, type ParameterReader } from './parameter-reader';

/** A resource server scope name: printable ASCII without spaces, quotes, `/` or `\`. */
const SCOPE_NAME = /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]{1,256}$/;
/** A resource server identifier: printable ASCII, no spaces, as an access token's scopes start with it. */
const IDENTIFIER = /^[\x21-\x7E]{1,256}$/;

/** Runs a setting reader, naming the stage parameter in its error. */
function named<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SettingFormatError) throw new ParameterError(name, error.message);
    throw error;
  }
}

/** Checks the claim settings, each in its format, then the rules between them. */
async function checkClaimSettings(params: ParameterReader): Promise<void> {
  const roles = await params.list('groupRoles');
  const groupRoles = named('groupRoles', () => readGroupPairs(roles, 'role', (role) => role !== ''));
  const scopes = await params.list('groupScopes');
  named('groupScopes', () => readGroupPairs(scopes, 'scope', isScope));
  const rolesClaim = await params.text('rolesClaim');
  named('rolesClaim', () => assertRolesClaim(rolesClaim));
  const tenantClaim = await params.text('tenantClaim');
  named('tenantClaim', () => assertSettableClaim(tenantClaim));
  const hiddenIdClaims = await params.list('hiddenIdClaims');
  named('hiddenIdClaims', () => hiddenIdClaims.map(assertSettableClaim));
  const requiredClaims = await params.list('requiredClaims');
  named('requiredClaims', () => requiredClaims.map(assertSettableClaim));
  const clientClaims = await params.text('clientClaims');
  const machineClientAccess = await params.text('machineClientAccess');
  const settings = {
    groupRoles,
    rolesClaim,
    tenantAttribute: await params.text('tenantAttribute'),
    tenantClaim,
    clientClaims: named('clientClaims', () => readClientClaims(clientClaims)),
    machineClientAccess: named('machineClientAccess', () => readMachineClientAccess(machineClientAccess)),
    requiredClaims,
  };
  const conflict = settingConflict(settings, (name) => name);
  if (conflict !== undefined) throw new ParameterError(conflict.setting, conflict.problem);
}

async function checkTenantAttribute(params: ParameterReader): Promise<void> {
  const attribute = await params.text('tenantAttribute');
  if (attribute === '' || STANDARD_ATTRIBUTES.includes(attribute)) return;
  const declared = (await params.list('customAttributes')).map(
    (definition) => `custom:${definition.split(':')[0]?.trim()}`,
  );
  if (!declared.includes(attribute)) {
    throw new ParameterError(
      'tenantAttribute',
      `is "${attribute}", which is neither a standard attribute nor one of customAttributes (${declared.join(', ') || 'none'}).`,
    );
  }
}

/** The machine-to-machine part: the resource server's identifier and scopes, empty when there is none. */
async function machineToMachine(params: ParameterReader) {
  const identifier = await params.text('resourceServer');
  const scopeNames = await params.list('resourceServerScopes');
  const machineClientAccess = await params.text('machineClientAccess');
  if (identifier === '') {
    if (scopeNames.length > 0) throw new ParameterError('resourceServerScopes', 'needs resourceServer to be set.');
    if (machineClientAccess !== '') {
      throw new ParameterError('machineClientAccess', 'needs resourceServer: machine clients get tokens for it.');
    }
    return {
      identifier,
      scopes: [] as { ScopeName: string; ScopeDescription: string }[],
      clientScopes: [] as string[],
    };
  }
  if (!IDENTIFIER.test(identifier)) {
    throw new ParameterError(
      'resourceServer',
      `must be 1-256 printable characters without spaces, got "${identifier}".`,
    );
  }
  const unnamed = scopeNames.find((scope) => !SCOPE_NAME.test(scope));
  if (scopeNames.length === 0 || unnamed !== undefined) {
    throw new ParameterError(
      'resourceServerScopes',
      unnamed === undefined
        ? 'must list at least one scope when resourceServer is set.'
        : `has "${unnamed}"; a scope name is printable characters without spaces, quotes, "/" or "\\".`,
    );
  }
  return {
    identifier,
    scopes: scopeNames.map((scope) => ({ ScopeName: scope, ScopeDescription: `${scope} on ${identifier}` })),
    clientScopes: scopeNames.map((scope) => `${identifier}/${scope}`),
  };
}

/**
 * Validates the token settings (the preTokenGeneration function reads them the same way at cold start) and derives
 * what the stack needs of them: the PreTokenGeneration event version, and the machine-to-machine resources.
 * The version is `V1_0` on the Lite plan (ID token claims only; settings that change the access token need a
 * higher plan, which the parameters' plan rule enforces), `V3_0` when a resource server gives machine clients
 * tokens, `V2_0` otherwise.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export async function tokenClaimSettings(params: ParameterReader, userPoolTier: Plan) {
  await checkClaimSettings(params);
  await checkTenantAttribute(params);
  const machine = await machineToMachine(params);
  const lambdaVersion = userPoolTier === 'LITE' ? 'V1_0' : machine.identifier !== '' ? 'V3_0' : 'V2_0';
  return {
    lambdaVersion,
    machineToMachine: String(machine.identifier !== ''),
    resourceServer: machine.identifier,
    resourceServerScopes: machine.scopes,
    machineClientScopes: machine.clientScopes,
  };
}
