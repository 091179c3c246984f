/**
 * The rules between token settings, which no setting's own format can see: two steps writing one claim, and a
 * required claim no step writes. Checked when the stack is packaged (resources/pool/token-claims.ts, naming the stage
 * parameters) and when the function starts (config.ts, naming the variables).
 */
import type { ClaimValue } from './token-event';
import type { MachineClientAccess } from './token-settings';

/** The token settings the rules relate, under their stage parameters' names. */
export interface RelatedTokenSettings {
  readonly groupRoles: ReadonlyMap<string, readonly string[]>;
  readonly rolesClaim: string;
  readonly tenantAttribute: string;
  readonly tenantClaim: string;
  readonly clientClaims: Readonly<Record<string, Readonly<Record<string, ClaimValue>>>>;
  readonly machineClientAccess: Readonly<Record<string, MachineClientAccess>>;
  readonly requiredClaims: readonly string[];
}

/** The name of one of the related settings, as a stage parameter. */
export type RelatedSettingName = keyof RelatedTokenSettings;

/** A broken rule: the setting to change, and what is wrong with it, to follow its name (`is …`, `gives …`). */
export interface SettingConflict {
  readonly setting: RelatedSettingName;
  readonly problem: string;
}

/** A claim a step writes from each user's own data, the setting that names it, and the setting that turns it on. */
interface UserClaim {
  readonly claim: string;
  readonly nameSetting: 'rolesClaim' | 'tenantClaim';
  readonly switchSetting: 'groupRoles' | 'tenantAttribute';
}

/** The claims the steps that are on write from each user's own data: the roles and the tenant. */
function userClaims(settings: RelatedTokenSettings): UserClaim[] {
  return [
    ...(settings.groupRoles.size > 0
      ? [{ claim: settings.rolesClaim, nameSetting: 'rolesClaim', switchSetting: 'groupRoles' } as const]
      : []),
    ...(settings.tenantAttribute !== ''
      ? [{ claim: settings.tenantClaim, nameSetting: 'tenantClaim', switchSetting: 'tenantAttribute' } as const]
      : []),
  ];
}

function staticClaims(settings: RelatedTokenSettings): Set<string> {
  return new Set([
    ...Object.values(settings.clientClaims).flatMap((claims) => Object.keys(claims)),
    ...Object.values(settings.machineClientAccess).flatMap((access) => Object.keys(access.claims)),
  ]);
}

function sharedUserClaim(
  users: readonly UserClaim[],
  nameOf: (setting: RelatedSettingName) => string,
): SettingConflict | undefined {
  const [roles, tenant] = users;
  if (roles === undefined || tenant === undefined || roles.claim !== tenant.claim) return undefined;
  return {
    setting: 'tenantClaim',
    problem: `is "${tenant.claim}", the claim of ${nameOf('rolesClaim')} too: the tenant would replace the roles.`,
  };
}

function overwrittenUserClaim(
  settings: RelatedTokenSettings,
  users: readonly UserClaim[],
  nameOf: (setting: RelatedSettingName) => string,
): SettingConflict | undefined {
  for (const [client, claims] of Object.entries(settings.clientClaims)) {
    const overwritten = users.find(({ claim }) => Object.hasOwn(claims, claim));
    if (overwritten !== undefined) {
      return {
        setting: 'clientClaims',
        problem: `gives "${client}" the claim "${overwritten.claim}", the name of ${nameOf(overwritten.nameSetting)}: it would overwrite each user's own.`,
      };
    }
  }
  return undefined;
}

function unwrittenRequiredClaim(
  settings: RelatedTokenSettings,
  users: readonly UserClaim[],
  nameOf: (setting: RelatedSettingName) => string,
): SettingConflict | undefined {
  const written = new Set([...users.map(({ claim }) => claim), ...staticClaims(settings)]);
  const unwritten = settings.requiredClaims.find((claim) => !written.has(claim));
  if (unwritten === undefined) return undefined;
  const sources = [
    `${nameOf('rolesClaim')} (with ${nameOf('groupRoles')})`,
    `${nameOf('tenantClaim')} (with ${nameOf('tenantAttribute')})`,
    `or a claim of ${nameOf('clientClaims')} or ${nameOf('machineClientAccess')}`,
  ];
  return {
    setting: 'requiredClaims',
    problem: `has "${unwritten}", which no setting puts in the tokens (${[...written].join(', ') || 'none'}): name ${sources.join(', ')}.`,
  };
}

/**
 * The first rule between the token settings that `settings` break, or undefined: the tenant and roles claims are
 * two claims; `clientClaims` sets neither (it would overwrite each user's own); and every `requiredClaims` claim is
 * one a step writes. The roles and tenant claims count only when their steps are on (`groupRoles`,
 * `tenantAttribute`). `nameOf` gives each other setting's name as the caller shows it.
 */
export function settingConflict(
  settings: RelatedTokenSettings,
  nameOf: (setting: RelatedSettingName) => string,
): SettingConflict | undefined {
  const users = userClaims(settings);
  return (
    sharedUserClaim(users, nameOf) ??
    overwrittenUserClaim(settings, users, nameOf) ??
    unwrittenRequiredClaim(settings, users, nameOf)
  );
}
