import type { Step } from '@shared/steps';
import type { PreTokenGenerationContext } from '../trigger';
import { addClientClaims } from './add-client-claims';
import { addGroupScopes } from './add-group-scopes';
import { addMachineClientAccess } from './add-machine-client-access';
import { addTenantClaim } from './add-tenant-claim';
import { answerInEventVersion } from './answer-in-event-version';
import { checkResponse } from './check-response';
import { hideIdTokenClaims } from './hide-id-token-claims';
import { mapGroupsToRoles } from './map-groups-to-roles';

/**
 * The PreTokenGeneration flow: its steps, in the order they run. Add a rule as a step file and a line here, before
 * `checkResponse`, which checks everything the steps before it wrote; `answerInEventVersion` stays last, as it
 * rewrites the checked answer for a V1_0 event.
 */
export const PRE_TOKEN_GENERATION_STEPS: readonly Step<PreTokenGenerationContext>[] = [
  addTenantClaim,
  mapGroupsToRoles,
  addGroupScopes,
  addClientClaims,
  hideIdTokenClaims,
  addMachineClientAccess,
  checkResponse,
  answerInEventVersion,
];
