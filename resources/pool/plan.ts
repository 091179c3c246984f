import { type Parameter, PLANS, type Plan } from '@resources/parameters/parameter';

/**
 * What is wrong with `parameter` holding `value` in a pool on plan `tier`: a value that needs a higher plan than
 * the pool has; `undefined` when the plan allows it (or the parameter needs no plan).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html
 */
export function planProblem(parameter: Parameter, value: string, tier: Plan): string | undefined {
  const { plan } = parameter;
  if (plan === undefined || plan.unless?.some((free) => String(free).toLowerCase() === value.toLowerCase())) {
    return undefined;
  }
  if (PLANS.indexOf(tier) >= PLANS.indexOf(plan.needs)) return undefined;
  return `is "${value}", which needs userPoolTier ${plan.needs} or higher; userPoolTier is ${tier}.`;
}
