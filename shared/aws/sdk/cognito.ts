/**
 * The parts of the Cognito user pools SDK the functions use, for them to `import()` on the path that calls Cognito.
 * A dynamic import of the package itself would bring every command and schema it has into the function's chunks,
 * since the namespace an `import()` returns must hold them all: twice what the calls need to load (BENCHMARKS.md).
 * A command the functions start using is one more name here.
 */
export {
  AdminAddUserToGroupCommand,
  AdminLinkProviderForUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
