import { CognitoError } from '@scripts/local-pool/cognito/aws-errors';
import { preventsExistenceErrors, unknownUser } from '@scripts/local-pool/cognito/client-call';
import type { AppClient } from 'cognito-local/lib/services/appClient';

/** An app client as cognito-local stores it, with `setting` as its PreventUserExistenceErrors. */
function clientWith(setting: AppClient['PreventUserExistenceErrors']): AppClient {
  return {
    ClientId: 'client-1',
    ClientName: 'web',
    UserPoolId: 'local_abc',
    CreationDate: new Date(),
    LastModifiedDate: new Date(),
    ...(setting === undefined ? {} : { PreventUserExistenceErrors: setting }),
  } as AppClient;
}

function wording(error: Error): { name: string; message: string } {
  return { name: (error as CognitoError).code, message: error.message };
}

describe('PreventUserExistenceErrors', () => {
  it('is LEGACY when the client does not set it, as for a client created through the API', () => {
    expect(preventsExistenceErrors(clientWith(undefined))).toBe(false);
    expect(wording(unknownUser(clientWith(undefined)))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });

  it('hides an unknown user behind a wrong password’s answer only when ENABLED', () => {
    expect(preventsExistenceErrors(clientWith('LEGACY'))).toBe(false);
    expect(preventsExistenceErrors(clientWith('ENABLED'))).toBe(true);
    expect(unknownUser(clientWith('ENABLED'))).toBeInstanceOf(CognitoError);
    expect(wording(unknownUser(clientWith('ENABLED')))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });
});
