import type { Parameter } from '@resources/parameters/parameter';
import { rule } from '@resources/parameters/parameter';
import { planProblem } from '@resources/pool/plan';

/** A parameter of the kind the plan-gated features declare: off needs no plan, anything else needs Plus. */
const THREAT_PROTECTION: Parameter = {
  name: 'threatProtection',
  default: 'OFF',
  rule: rule.oneOf('OFF', 'AUDIT', 'ENFORCED'),
  meaning: 'Threat protection.',
  plan: { needs: 'PLUS', unless: ['OFF'] },
};

describe('planProblem', () => {
  it('accepts a value that needs no plan on every plan', () => {
    expect(planProblem(THREAT_PROTECTION, 'off', 'LITE')).toBeUndefined();
  });

  it('accepts a value on the plan it needs and on higher ones', () => {
    const essentials: Parameter = { ...THREAT_PROTECTION, plan: { needs: 'ESSENTIALS' } };

    expect(planProblem(essentials, 'AUDIT', 'ESSENTIALS')).toBeUndefined();
    expect(planProblem(essentials, 'AUDIT', 'PLUS')).toBeUndefined();
  });

  it('names the plan a value needs and the plan the pool has', () => {
    expect(planProblem(THREAT_PROTECTION, 'AUDIT', 'ESSENTIALS')).toBe(
      'is "AUDIT", which needs userPoolTier PLUS or higher; userPoolTier is ESSENTIALS.',
    );
  });

  it('finds nothing to say about a parameter that needs no plan', () => {
    expect(planProblem({ ...THREAT_PROTECTION, plan: undefined }, 'ENFORCED', 'LITE')).toBeUndefined();
  });
});

describe('planProblem on a list parameter', () => {
  const FACTORS: Parameter = {
    name: 'signInFactors',
    default: 'password',
    rule: rule.listOf('password', 'email_otp'),
    meaning: 'First factors.',
    plan: { needs: 'ESSENTIALS', unless: ['password'] },
  };

  it('needs no plan while every item is free, however the list is written', () => {
    expect(planProblem(FACTORS, ' password, ', 'LITE')).toBeUndefined();
  });

  it('needs the plan as soon as one item is not free', () => {
    expect(planProblem(FACTORS, 'password,email_otp', 'LITE')).toBe(
      'is "password,email_otp", which needs userPoolTier ESSENTIALS or higher; userPoolTier is LITE.',
    );
  });
});
