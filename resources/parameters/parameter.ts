/**
 * What the project says about each stage parameter: its default and the values of the shipped stages, the values
 * it accepts, what it means, and the feature plan it needs. serverless.yml's `params`, the parameter tables of the
 * documentation and the package-time checks of `resources/pool-settings.js` all come from these declarations.
 */

/** The stages serverless.yml ships values for besides `default`. */
export type StageName = 'local' | 'prod';

/** A Cognito feature plan (`UserPool.UserPoolTier`), cheapest first. */
export const PLANS = ['LITE', 'ESSENTIALS', 'PLUS'] as const;

/** A Cognito feature plan. */
export type Plan = (typeof PLANS)[number];

/** A parameter's value as serverless.yml writes it. */
export type ParameterValue = string | number | boolean;

/**
 * The values a parameter accepts: `true`/`false`; a whole number within a range; one of a list (matched without
 * regard to case); a comma-separated list, of given values or of any; or a text whose rules are checked where it
 * is used.
 */
export type ParameterRule =
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'oneOf'; readonly values: readonly string[] }
  | { readonly kind: 'list'; readonly of?: readonly string[] }
  | { readonly kind: 'text' };

/** One stage parameter. */
export interface Parameter {
  readonly name: string;
  readonly default: ParameterValue;
  /** The values of the shipped stages, where they differ from the default. */
  readonly stages?: Partial<Readonly<Record<StageName, ParameterValue>>>;
  readonly rule: ParameterRule;
  /** What the parameter decides, in Markdown, for the documentation's tables. */
  readonly meaning: string;
  /** The plan a value needs; values listed in `unless` need none. */
  readonly plan?: { readonly needs: Exclude<Plan, 'LITE'>; readonly unless?: readonly ParameterValue[] };
}

/** Parameters about one part of the stack, as serverless.yml and the documentation group them. */
export interface ParameterGroup {
  readonly title: string;
  readonly parameters: readonly Parameter[];
}

/** The rules parameters are declared with. */
export const rule = {
  boolean: { kind: 'boolean' },
  text: { kind: 'text' },
  list: { kind: 'list' },
  integer: (min: number, max: number): ParameterRule => ({ kind: 'integer', min, max }),
  oneOf: <const V extends string>(...values: V[]) => ({ kind: 'oneOf', values }) as const,
  listOf: (...values: string[]): ParameterRule => ({ kind: 'list', of: values }),
} as const satisfies Record<string, ParameterRule | ((...args: never[]) => ParameterRule)>;

/** The value `parameter` has on `stage`. */
export function valueOn(parameter: Parameter, stage: StageName | 'default'): ParameterValue {
  return stage === 'default' ? parameter.default : (parameter.stages?.[stage] ?? parameter.default);
}
