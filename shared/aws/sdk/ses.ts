/**
 * The parts of the SES SDK the functions use, for them to `import()` on the path that sends email: a dynamic import
 * of the package itself would bring every command and schema it has (see ./cognito.ts). A command the functions
 * start using is one more name here.
 */
export { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
