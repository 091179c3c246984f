/**
 * `npm run pool -- <command>`: talks to the pool `npm start` runs, through the AWS SDK, the way an app would.
 */
import './quiet-sdk';
import { join, resolve } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { formatOutbox, outboxEntries } from './outbox-report';
import { runScheduled } from './schedules';
import { type PoolInfo, readPoolInfo } from './state';
import { tokenSummary } from './token-summary';

const STATE_DIR = join(resolve(__dirname, '..', '..'), '.local');
const LOCAL = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 };

const HELP = `Usage: npm run pool -- <command> [arguments]

  sign-up <email> <password> [name]                   self sign-up (a confirmation code is sent)
  confirm <email> <code>                              confirm a sign-up
  sign-in <email> <password>                          USER_PASSWORD_AUTH sign-in (migrates legacy users); prints
                                                      both tokens' claims and the access token's scopes
  forgot-password <email>                             send a password reset code
  confirm-forgot-password <email> <code> <password>   set a new password with the reset code
  invite <email> [name]                               administrator invitation (AdminCreateUser)
  user <email>                                        the user's attributes, status, groups and profile
  mail                                                the onboarding emails (due, sent, parked) and what SES received
  sweep                                               run the email outbox now, as its schedule does every minute
`;

/** A command was called with the wrong arguments. */
class UsageError extends Error {}

function argumentsOf(args: readonly string[], names: readonly string[], optional: readonly string[] = []): string[] {
  if (args.length < names.length || args.length > names.length + optional.length) {
    throw new UsageError(`Expected ${[...names, ...optional.map((name) => `[${name}]`)].join(' ')}.`);
  }
  return [...args];
}

function print(value: unknown): void {
  process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);
}

async function run(pool: PoolInfo, command: string, args: readonly string[]): Promise<void> {
  const cognito = new CognitoIdentityProviderClient({ ...LOCAL, endpoint: pool.endpoints.cognito });
  const ClientId = pool.clientId;
  const UserPoolId = pool.userPoolId;
  switch (command) {
    case 'sign-up': {
      const [email = '', password, name] = argumentsOf(args, ['email', 'password'], ['name']);
      const attributes = [
        { Name: 'email', Value: email },
        ...(name === undefined ? [] : [{ Name: 'name', Value: name }]),
      ];
      const result = await cognito.send(
        new SignUpCommand({ ClientId, Username: email, Password: password, UserAttributes: attributes }),
      );
      print(
        result.UserConfirmed
          ? `Signed up and confirmed (sub ${result.UserSub}).`
          : `Signed up (sub ${result.UserSub}); confirm with the code sent to ${email}.`,
      );
      return;
    }
    case 'confirm': {
      const [email, code] = argumentsOf(args, ['email', 'code']);
      await cognito.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: code }));
      print('Confirmed.');
      return;
    }
    case 'sign-in': {
      const [email = '', password = ''] = argumentsOf(args, ['email', 'password']);
      const result = await cognito.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email, PASSWORD: password },
        }),
      );
      if (result.ChallengeName !== undefined) {
        print(`Cognito asks for the ${result.ChallengeName} challenge.`);
        return;
      }
      print({ signedIn: true, ...tokenSummary(result.AuthenticationResult ?? {}) });
      return;
    }
    case 'forgot-password': {
      const [email] = argumentsOf(args, ['email']);
      const result = await cognito.send(new ForgotPasswordCommand({ ClientId, Username: email }));
      print(`Reset code sent to ${result.CodeDeliveryDetails?.Destination ?? email}.`);
      return;
    }
    case 'confirm-forgot-password': {
      const [email, code, password] = argumentsOf(args, ['email', 'code', 'password']);
      await cognito.send(
        new ConfirmForgotPasswordCommand({ ClientId, Username: email, ConfirmationCode: code, Password: password }),
      );
      print('Password changed.');
      return;
    }
    case 'invite': {
      const [email = '', name] = argumentsOf(args, ['email'], ['name']);
      const attributes = [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ];
      if (name !== undefined) attributes.push({ Name: 'name', Value: name });
      const { User } = await cognito.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username: email,
          UserAttributes: attributes,
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      print(
        `Invited ${email} (status ${User?.UserStatus}); the temporary password is shown in the npm start terminal.`,
      );
      return;
    }
    case 'user': {
      const [email] = argumentsOf(args, ['email']);
      const user = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: email }));
      const { Groups = [] } = await cognito.send(
        new AdminListGroupsForUserCommand({ UserPoolId, Username: user.Username }),
      );
      const attributes = Object.fromEntries((user.UserAttributes ?? []).map(({ Name, Value }) => [Name, Value]));
      const profileTable = pool.tables['UserProfilesTable'];
      const dynamoDb = new DynamoDBClient({ ...LOCAL, endpoint: pool.endpoints.dynamodb });
      const profile =
        profileTable === undefined || attributes.sub === undefined
          ? undefined
          : (await dynamoDb.send(new GetItemCommand({ TableName: profileTable, Key: { sub: { S: attributes.sub } } })))
              .Item;
      const plainProfile =
        profile &&
        Object.fromEntries(
          Object.entries(profile).map(([name, value]) => [name, value.S ?? value.N ?? value.BOOL ?? value]),
        );
      print({
        username: user.Username,
        status: user.UserStatus,
        attributes,
        groups: Groups.map((group) => group.GroupName),
        profile: plainProfile,
      });
      return;
    }
    case 'mail': {
      const profileTable = pool.tables['UserProfilesTable'];
      if (profileTable !== undefined) {
        const dynamoDb = new DynamoDBClient({ ...LOCAL, endpoint: pool.endpoints.dynamodb });
        const { Items = [] } = await dynamoDb.send(new ScanCommand({ TableName: profileTable }));
        print(`Onboarding emails (the outbox):\n${formatOutbox(outboxEntries(Items))}\n\nReceived by SES:`);
      }
      const { emails } = (await (await fetch(`${pool.endpoints.ses}/store`)).json()) as {
        emails: { at: number; subject: string; destination: { to: string[] } }[];
      };
      print(
        emails
          .map(
            ({ at, subject, destination }) =>
              `${new Date(at * 1000).toISOString()}  ${destination.to.join(', ')}  ${subject}`,
          )
          .join('\n') || 'No mail yet.',
      );
      print(`Read it at ${pool.endpoints.ses}`);
      return;
    }
    case 'sweep': {
      const outbox = pool.scheduled.find((target) => target.key === 'emailOutbox');
      if (outbox === undefined) throw new UsageError('The service has no emailOutbox function.');
      print(await runScheduled(pool.endpoints.functions, outbox, pool.region));
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(HELP);
    return;
  }
  const pool = readPoolInfo(STATE_DIR);
  if (pool === undefined) {
    process.stderr.write('No local pool is running. Start one with `npm start` (in another terminal).\n');
    process.exitCode = 1;
    return;
  }
  await run(pool, command, args);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${HELP}`);
  else process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
