/*
 * PreSignUp under Cognito admin API faults, row by row of the failure policy: the answer Cognito gets and when, and
 * that redeliveries of the same federated sign-up, once the API is back, link the identity exactly once.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createPreSignUpHandler } from '@functions/pre-sign-up/handler';
import { createCognitoNativeUsers } from '@functions/pre-sign-up/native-users';
import { budgetedClients, switchableClient } from '@test/helpers/budgeted-clients';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { type CognitoPool, cognitoPool, nativeUser, testConfig } from '@test/unit/pre-sign-up/support';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { type FaultOf, type RowIdOf, rowsOf } from './failure-policy';
import {
  arrangeFault,
  expectOutcome,
  type FaultyEndpoints,
  failingClient,
  redeliver,
  SERVICE_ERRORS,
  startFaultyEndpoints,
} from './fault-injection';

const NATIVE_USERNAME = '0f9a2c4e-1b3d-70e8-a6c5-9d2b4f6e8a10';
const EMAIL = 'tariq.benali@example.com';

let endpoints: FaultyEndpoints;
let pool: CognitoPool;
const stdout = captureStdoutLogsOfEachTest();
const cognito = switchableClient<CognitoIdentityProviderClient>(undefined as never);

beforeAll(async () => {
  endpoints = await startFaultyEndpoints();
});

afterAll(() => endpoints?.stop());

beforeEach(() => {
  pool = cognitoPool([nativeUser(NATIVE_USERNAME, EMAIL)]);
  cognito.use(pool.client);
});

function invoke(event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> {
  return createPreSignUpHandler(testConfig(), { nativeUsers: createCognitoNativeUsers(cognito.get) })(
    event,
    lambdaContext(),
  );
}

const SCENARIOS: { [Id in RowIdOf<'PreSignUp'>]: Record<FaultOf<Id>, () => void> } = {
  'pre-sign-up-link': {
    hangs: () => cognito.use(budgetedClients.cognito(endpoints.endpointFor('hangs'))),
    unreachable: () => cognito.use(budgetedClients.cognito(endpoints.endpointFor('unreachable'))),
    throttled: () => cognito.use(failingClient(new CognitoIdentityProviderClient({}), SERVICE_ERRORS.cognitoThrottled)),
    fails: () => cognito.use(failingClient(new CognitoIdentityProviderClient({}), SERVICE_ERRORS.cognitoFails)),
  },
};

describe.each(rowsOf('PreSignUp'))('PreSignUp when the $dependency fails: $call', (row) => {
  it.each([...row.faults])(
    `%s: ${row.outcome} before the deadline; redeliveries then link exactly once`,
    async (fault) => {
      const event = loadFixture('PreSignUp_ExternalProvider');
      arrangeFault(SCENARIOS[row.id], fault);

      await expectOutcome(row.outcome, () => invoke(structuredClone(event)));
      expect(pool.identitiesOf(NATIVE_USERNAME)).toEqual([]);

      cognito.use(pool.client);
      const answers = await redeliver(invoke, event);
      expect(answers.map((answer) => answer.triggerSource)).toEqual(Array(6).fill('PreSignUp_ExternalProvider'));
      expect(pool.identitiesOf(NATIVE_USERNAME)).toEqual([
        expect.objectContaining({ providerName: 'Google', userId: '109876543210987654321' }),
      ]);
      expect(stdout.lines.join('\n')).not.toContain(EMAIL);
    },
  );
});
