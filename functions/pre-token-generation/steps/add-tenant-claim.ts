import { preTokenGenerationRefusal } from '@shared/messages/pre-token-generation';
import type { Step } from '@shared/steps';
import { addClaims } from '../token-changes';
import { USER_TOKEN_SOURCES } from '../token-event';
import type { PreTokenGenerationContext } from '../trigger';

/**
 * Copies the user's tenant (the `tenantAttribute`, e.g. `custom:tenant_id`) into both tokens as the tenant claim
 * (`tenantClaim`), so an API reads it from the access token it authorises with. A user without one gets tokens
 * without the claim, or, with `usersWithoutTenant: refuse`, a refused sign-in in their language.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export const addTenantClaim: Step<PreTokenGenerationContext> = {
  name: 'add-tenant-claim',
  sources: USER_TOKEN_SOURCES,
  enabled: (config) => config.tenantAttribute !== '',
  run({ event, config, logger, reject }) {
    const tenant = event.request.userAttributes?.[config.tenantAttribute]?.trim() ?? '';
    if (tenant !== '') {
      addClaims(event, ['id', 'access'], { [config.tenantClaim]: tenant });
      return;
    }
    if (config.usersWithoutTenant === 'refuse') {
      logger.warn('User has no tenant; sign-in refused', { attribute: config.tenantAttribute });
      reject(preTokenGenerationRefusal('no-tenant'));
    }
    logger.info('User has no tenant; tokens carry no tenant claim', { attribute: config.tenantAttribute });
  },
};
