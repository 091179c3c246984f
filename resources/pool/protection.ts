import type { ChoiceOf } from '@resources/parameters/catalog';
import { ParameterError, type ParameterReader } from './parameter-reader';

const NO_VALUE = { Ref: 'AWS::NoValue' };

/**
 * `UserPoolAddOns` for `threatProtection`: the same mode for password and SRP sign-ins (`AdvancedSecurityMode`) and
 * for custom authentication (`AdvancedSecurityAdditionalFlows.CustomAuthMode`); none when off.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html
 */
export function threatProtectionAddOns(mode: ChoiceOf<'threatProtection'>) {
  if (mode === 'off') return NO_VALUE;
  const cognitoMode = mode.toUpperCase();
  return { AdvancedSecurityMode: cognitoMode, AdvancedSecurityAdditionalFlows: { CustomAuthMode: cognitoMode } };
}

/**
 * The app client's `RefreshTokenRotation`, or none when rotation is off (a grace period is then meaningless and
 * refused).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
 */
export async function refreshTokenRotation(params: ParameterReader) {
  const enabled = await params.boolean('refreshTokenRotation');
  const graceSeconds = await params.integer('refreshTokenRotationGraceSeconds');
  if (!enabled) {
    if (graceSeconds !== 0) {
      throw new ParameterError('refreshTokenRotationGraceSeconds', 'only applies when refreshTokenRotation is true.');
    }
    return NO_VALUE;
  }
  return { Feature: 'ENABLED', RetryGracePeriodSeconds: graceSeconds };
}
