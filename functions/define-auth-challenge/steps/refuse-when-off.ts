import type { Step } from '@shared/steps';
import type { DefineAuthChallengeContext } from '../trigger';

/**
 * Ends every custom sign-in when no passwordless method is switched on (`CUSTOM_AUTH_METHODS` empty): the app
 * client then does not allow `CUSTOM_AUTH` either, so only a wiring mistake reaches this.
 */
export const refuseWhenOff: Step<DefineAuthChallengeContext> = {
  name: 'refuse-when-off',
  enabled: (config) => config.customAuthMethods.length === 0,
  run({ event, logger }) {
    event.response.issueTokens = false;
    event.response.failAuthentication = true;
    logger.warn('Custom sign-in refused: no passwordless method is switched on (CUSTOM_AUTH_METHODS)');
  },
};
