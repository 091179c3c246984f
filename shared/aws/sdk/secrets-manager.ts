/**
 * The parts of the Secrets Manager SDK the functions use, for them to `import()` on the path that reads a secret: a
 * dynamic import of the package itself would bring every command and schema it has (see ./cognito.ts). A command
 * the functions start using is one more name here.
 */
export { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
