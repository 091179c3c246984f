import { APP_CLIENT_PARAMETERS } from './app-client';
import { FLOW_PARAMETERS } from './flows';
import { MONITORING_PARAMETERS } from './monitoring';
import type { Parameter, ParameterGroup, StageName } from './parameter';
import { TOKEN_PARAMETERS } from './tokens';
import { USER_POOL_PARAMETERS } from './user-pool';

/** Every stage parameter, in groups, in the order serverless.yml and docs/parameters.md list them. */
export const PARAMETER_GROUPS = [
  ...USER_POOL_PARAMETERS,
  ...APP_CLIENT_PARAMETERS,
  ...FLOW_PARAMETERS,
  ...TOKEN_PARAMETERS,
  ...MONITORING_PARAMETERS,
] as const satisfies readonly ParameterGroup[];

/** What each shipped stage is for, as serverless.yml's `params` says above the stage's values. */
export const STAGES: Readonly<Record<StageName, string>> = {
  local:
    'The stage `npm start` and the end-to-end tests run on emulators (scripts/local-pool/): postConfirmation’s mail goes to the local SES, and two demo domains show the sign-up policy.',
  prod: 'Production: protected from deletion, the app’s real URLs, fewer logs kept longer.',
};

/** The name of a stage parameter, e.g. `autoConfirmEmailDomains`. */
export type ParameterName = DeclaredParameter['name'];

type DeclaredParameter = (typeof PARAMETER_GROUPS)[number]['parameters'][number];

/** The values a `oneOf` parameter accepts, e.g. `'OFF' | 'OPTIONAL' | 'ON'` for `mfa`. */
export type ChoiceOf<N extends ParameterName> = Extract<DeclaredParameter, { name: N }>['rule'] extends {
  readonly values: readonly (infer V)[];
}
  ? V
  : never;

/** Every stage parameter, in catalog order. */
export const PARAMETERS: readonly Parameter[] = PARAMETER_GROUPS.flatMap(
  (group): readonly Parameter[] => group.parameters,
);

/** The parameter named `name`; throws for a name the catalog does not have. */
export function parameterNamed(name: string): Parameter {
  const found = PARAMETERS.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`No stage parameter "${name}" in resources/parameters/.`);
  return found;
}
