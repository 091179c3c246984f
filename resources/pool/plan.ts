import { type Parameter, PLANS, type Plan } from '@resources/parameters/parameter';

/** The values of `value` the plan check looks at: each item of a list parameter, else the value itself. */
function valuesIn(parameter: Parameter, value: string): string[] {
  if (parameter.rule.kind !== 'list') return [value];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * What is wrong with `parameter` holding `value` in a pool on plan `tier`: a value that needs a higher plan than
 * the pool has; `undefined` when the plan allows it (or the parameter needs no plan). A list needs the plan as soon
 * as one of its items is not among the free values (`unless`).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html
 */
export function planProblem(parameter: Parameter, value: string, tier: Plan): string | undefined {
  const { plan } = parameter;
  if (plan === undefined || PLANS.indexOf(tier) >= PLANS.indexOf(plan.needs)) return undefined;
  const free = (plan.unless ?? []).map((candidate) => String(candidate).toLowerCase());
  if (valuesIn(parameter, value).every((item) => free.includes(item.toLowerCase()))) return undefined;
  return `is "${value}", which needs userPoolTier ${plan.needs} or higher; userPoolTier is ${tier}.`;
}
