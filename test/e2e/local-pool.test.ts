/**
 * End to end: the whole pool `npm start` runs — cognito-local, the trigger functions' bundles behind
 * serverless-offline, dynalite and aws-ses-v2-local — driven only through the Cognito API, with effects read
 * from DynamoDB, the SES store and the pool's invocation log.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  type AttributeType,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { loadCustomMessageConfig } from '@functions/custom-message/config';
import { createCustomMessageHandler } from '@functions/custom-message/handler';
import { SCRUBBED } from '@scripts/local-pool/scrub';
import { LEGACY_DEMO_USERS } from '@scripts/local-pool/seed-legacy-users';
import type { Language } from '@shared/messages/languages';
import { lambdaContext } from '@test/helpers/lambda-context';
import { TEST_CODE, TEST_PARAMS, useTestPool } from '@test/helpers/local-pool';
import { postConfirmationSubject, triggerEnvironment } from '@test/helpers/pool-functions';
import type { CustomMessageTriggerEvent } from 'aws-lambda';

const PASSWORD = 'Correct-Horse-42';

const run = useTestPool();

/** A fresh address for each test, so tests do not see each other's users and mail. */
let counter = 0;
function newEmail(domain = 'example.com'): string {
  counter += 1;
  return `e2e.user${counter}.${Date.now()}@${domain}`;
}

function attributes(email: string, extra: Record<string, string> = {}): AttributeType[] {
  return Object.entries({ email, name: 'Test User', ...extra }).map(([Name, Value]) => ({ Name, Value }));
}

async function signUp(email: string, extra: Record<string, string> = {}) {
  return run.cognito.send(
    new SignUpCommand({
      ClientId: run.pool.clientId,
      Username: email,
      Password: PASSWORD,
      UserAttributes: attributes(email, extra),
    }),
  );
}

async function signUpAndConfirm(email: string, extra: Record<string, string> = {}): Promise<void> {
  await signUp(email, extra);
  await run.cognito.send(
    new ConfirmSignUpCommand({ ClientId: run.pool.clientId, Username: email, ConfirmationCode: TEST_CODE }),
  );
}

async function userOf(email: string) {
  const user = await run.cognito.send(new AdminGetUserCommand({ UserPoolId: run.pool.userPoolId, Username: email }));
  return {
    username: user.Username ?? '',
    status: user.UserStatus,
    attributes: Object.fromEntries((user.UserAttributes ?? []).map(({ Name, Value }) => [Name, Value])),
  };
}

function signIn(email: string, password: string) {
  return run.cognito.send(
    new InitiateAuthCommand({
      ClientId: run.pool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
}

/** Recorded invocations of `source` whose event concerns `email` (by user name or email attribute). */
function invocationsFor(source: string, email: string) {
  return run.invocations().filter((record) => {
    const event = record.event as { userName?: string; request?: { userAttributes?: Record<string, string> | null } };
    return (
      record.triggerSource === source && (event.userName === email || event.request?.userAttributes?.email === email)
    );
  });
}

async function emailsTo(email: string) {
  return (await run.emails()).filter((mail) => mail.destination.to.includes(email));
}

/** The welcome email's subject in `language`, as the postConfirmation templates render it for this stage. */
const welcomeSubject = (language: Language): string => postConfirmationSubject(run, 'welcome', language);

/** The environment the deployed function of `trigger` gets from serverless.yml. */
const functionEnvironment = (trigger: string): Record<string, string> => triggerEnvironment(run, trigger);

/** Invokes a trigger function through the pool's Lambda Invoke API, as Cognito does when it retries. */
async function invokeTrigger(trigger: string, event: unknown): Promise<void> {
  const name = run.pool.definition.triggerFunctions[trigger] ?? '';
  const response = await fetch(`${run.pool.endpoints.lambda}/2015-03-31/functions/${name}/invocations`, {
    method: 'POST',
    body: JSON.stringify(event),
  });
  expect(response.headers.get('x-amz-function-error')).toBeNull();
}

describe('the pool', () => {
  it('is created from the service definition: pool settings, app client and groups', async () => {
    const template = run.pool.service.resources.Resources;
    const poolProperties = template.CognitoUserPoolMain?.Properties ?? {};
    const clientProperties = template.WebClient?.Properties ?? {};
    const groupNames = Object.values(template)
      .filter((resource) => resource.Type === 'AWS::Cognito::UserPoolGroup')
      .map((resource) => resource.Properties?.GroupName);

    const { UserPool } = await run.cognito.send(new DescribeUserPoolCommand({ UserPoolId: run.pool.userPoolId }));
    const { UserPoolClient } = await run.cognito.send(
      new DescribeUserPoolClientCommand({ UserPoolId: run.pool.userPoolId, ClientId: run.pool.clientId }),
    );
    const { Groups = [] } = await run.cognito.send(new ListGroupsCommand({ UserPoolId: run.pool.userPoolId }));

    expect(UserPool?.Name).toBe(poolProperties.UserPoolName);
    expect(UserPool?.UsernameAttributes).toEqual(poolProperties.UsernameAttributes);
    expect(UserPool?.Policies).toEqual(poolProperties.Policies);
    expect(UserPool?.AutoVerifiedAttributes).toEqual(poolProperties.AutoVerifiedAttributes);
    // The API's default is LEGACY: the app client hides unknown users because the template says so.
    expect(clientProperties.PreventUserExistenceErrors).toBe('ENABLED');
    expect(UserPoolClient?.PreventUserExistenceErrors).toBe('ENABLED');
    // The template's flows with its conditions applied: the local stage lets users sign in with an email code.
    expect(UserPoolClient?.ExplicitAuthFlows).toEqual(run.pool.definition.clients[0]?.ExplicitAuthFlows);
    expect(UserPoolClient?.ExplicitAuthFlows).toContain('ALLOW_USER_AUTH');
    expect(clientProperties.ExplicitAuthFlows).toContainEqual({
      'Fn::If': ['UserAuthEnabled', 'ALLOW_USER_AUTH', { Ref: 'AWS::NoValue' }],
    });
    expect(Groups.map((group) => group.GroupName).sort()).toEqual([...groupNames].sort());
  });
});

describe('sign-up', () => {
  it('from a denied domain is refused with the user-facing message, and creates no user', async () => {
    const email = newEmail(TEST_PARAMS.deniedEmailDomains);

    const refusal = signUp(email);

    await expect(refusal).rejects.toMatchObject({
      name: 'UserLambdaValidationException',
      message:
        'PreSignUp failed with error Sign-ups from denied.example are not allowed. Use a different email address..',
    });
    await expect(userOf(email)).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('from a denied domain by a German-speaking user is refused in German', async () => {
    const email = newEmail(TEST_PARAMS.deniedEmailDomains);

    const refusal = signUp(email, { locale: 'de-DE' });

    await expect(refusal).rejects.toMatchObject({
      name: 'UserLambdaValidationException',
      message:
        'PreSignUp failed with error Registrierungen mit Adressen der Domain denied.example sind nicht zulässig. Verwenden Sie eine andere E-Mail-Adresse..',
    });
  });

  it('from an allowed domain is confirmed with the code, then gets a profile, the default group and one welcome email in its language', async () => {
    const email = newEmail();

    const { UserConfirmed } = await signUp(email, { locale: 'fr' });
    await run.cognito.send(
      new ConfirmSignUpCommand({ ClientId: run.pool.clientId, Username: email, ConfirmationCode: TEST_CODE }),
    );

    const user = await userOf(email);
    const profiles = (await run.items('UserProfilesTable')).filter((item) => item.sub?.S === user.attributes.sub);
    const { Groups = [] } = await run.cognito.send(
      new AdminListGroupsForUserCommand({ UserPoolId: run.pool.userPoolId, Username: user.username }),
    );
    const mail = (await emailsTo(email)).filter((sent) => sent.subject === welcomeSubject('fr'));
    expect(UserConfirmed).toBe(false);
    expect(user.status).toBe('CONFIRMED');
    expect(profiles).toHaveLength(1);
    expect(Groups.map((group) => group.GroupName)).toEqual([functionEnvironment('PostConfirmation').DEFAULT_GROUP]);
    expect(mail).toEqual([
      expect.objectContaining({
        from: TEST_PARAMS.emailFrom,
        subject: welcomeSubject('fr'),
        destination: expect.objectContaining({ to: [email] }),
      }),
    ]);
  });

  it('from a trusted domain is confirmed at once, with a verified email', async () => {
    const email = newEmail(TEST_PARAMS.autoConfirmEmailDomains);

    const { UserConfirmed } = await signUp(email);

    const user = await userOf(email);
    expect(UserConfirmed).toBe(true);
    expect(user.status).toBe('CONFIRMED');
    expect(user.attributes.email_verified).toBe('true');
  });

  it('replayed confirmations (Cognito retries) leave one profile and one welcome email', async () => {
    const email = newEmail();
    await signUpAndConfirm(email);
    const [confirmation] = invocationsFor('PostConfirmation_ConfirmSignUp', email);

    await invokeTrigger('PostConfirmation', confirmation?.event);
    await Promise.all([
      invokeTrigger('PostConfirmation', confirmation?.event),
      invokeTrigger('PostConfirmation', confirmation?.event),
    ]);

    const { sub } = (await userOf(email)).attributes;
    expect((await run.items('UserProfilesTable')).filter((item) => item.sub?.S === sub)).toHaveLength(1);
    expect((await emailsTo(email)).filter((mail) => mail.subject === welcomeSubject('en'))).toHaveLength(1);
  });
});

describe('custom messages', () => {
  /** The latest recorded CustomMessage invocation of `source` for `email`. */
  function recordedMessage(source: string, email: string) {
    const record = invocationsFor(source, email).at(-1);
    if (record === undefined) throw new Error(`No ${source} invocation recorded for ${email}.`);
    return record;
  }

  it('for sign-up, password reset and invitation carry the project templates, with the placeholders Cognito fills in', async () => {
    const signUpEmail = newEmail();
    const resetEmail = newEmail();
    const invitedEmail = newEmail();
    await signUp(signUpEmail);
    await signUpAndConfirm(resetEmail);
    await run.cognito.send(new ForgotPasswordCommand({ ClientId: run.pool.clientId, Username: resetEmail }));
    await run.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: run.pool.userPoolId,
        Username: invitedEmail,
        UserAttributes: attributes(invitedEmail),
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    const handler = createCustomMessageHandler(
      loadCustomMessageConfig({ ...functionEnvironment('CustomMessage'), LOG_LEVEL: 'error' }),
    );
    const cognitoDefaults =
      run.pool.service.resources.Resources.CognitoUserPoolMain?.Properties?.VerificationMessageTemplate;

    const records = [
      recordedMessage('CustomMessage_SignUp', signUpEmail),
      recordedMessage('CustomMessage_ForgotPassword', resetEmail),
      recordedMessage('CustomMessage_AdminCreateUser', invitedEmail),
    ];

    for (const record of records) {
      const expected = await handler(structuredClone(record.event) as CustomMessageTriggerEvent, lambdaContext());
      const { response } = record.result as CustomMessageTriggerEvent;
      expect(record.result).toEqual(expected);
      expect(response.emailMessage).toContain('{####}');
      expect(response.emailSubject).not.toBe((cognitoDefaults as { EmailSubject?: string } | undefined)?.EmailSubject);
    }
    expect((records[2]?.result as CustomMessageTriggerEvent | undefined)?.response.emailMessage).toContain(
      '{username}',
    );
  });
});

/** The active demo accounts of legacy-users.json; each test below signs in with its own. */
const [legacy, legacyForWrongPassword, legacyForRecording] = LEGACY_DEMO_USERS.filter(
  (user) => user.status === 'active',
);
if (legacy === undefined || legacyForWrongPassword === undefined || legacyForRecording === undefined) {
  throw new Error('legacy-users.json needs three active accounts.');
}

describe('legacy users', () => {
  it('are migrated on their first USER_PASSWORD_AUTH sign-in, once, with their attributes and a verified email', async () => {
    const first = await signIn(legacy.username, legacy.password);
    const migrationsAfterFirst = invocationsFor('UserMigration_Authentication', legacy.username).length;
    const second = await signIn(legacy.username, legacy.password);

    const user = await userOf(legacy.username);
    expect(first.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    expect(second.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    expect(migrationsAfterFirst).toBe(1);
    expect(invocationsFor('UserMigration_Authentication', legacy.username)).toHaveLength(1);
    expect(user.status).toBe('CONFIRMED');
    expect(user.attributes).toEqual(expect.objectContaining({ ...legacy.attributes, email_verified: 'true' }));
  });

  it('with a wrong password fail exactly like an unknown user', async () => {
    const wrongPassword = await signIn(legacyForWrongPassword.username, 'Not-The-Passw0rd').catch(
      (error: Error) => error,
    );
    const unknownUser = await signIn(newEmail(), 'Not-The-Passw0rd').catch((error: Error) => error);

    expect(wrongPassword).toBeInstanceOf(Error);
    expect({ name: (wrongPassword as Error).name, message: (wrongPassword as Error).message }).toEqual({
      name: (unknownUser as Error).name,
      message: (unknownUser as Error).message,
    });
    await expect(userOf(legacyForWrongPassword.username)).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });
});

describe('password reset', () => {
  it('fires PostConfirmation_ConfirmForgotPassword and sends no second welcome email', async () => {
    const email = newEmail();
    const newPassword = 'Battery-Staple-43';
    await signUpAndConfirm(email);

    await run.cognito.send(new ForgotPasswordCommand({ ClientId: run.pool.clientId, Username: email }));
    await run.cognito.send(
      new ConfirmForgotPasswordCommand({
        ClientId: run.pool.clientId,
        Username: email,
        ConfirmationCode: TEST_CODE,
        Password: newPassword,
      }),
    );

    const welcomes = (await emailsTo(email)).filter((mail) => mail.subject === welcomeSubject('en'));
    expect(invocationsFor('PostConfirmation_ConfirmForgotPassword', email)).toHaveLength(1);
    expect(welcomes).toHaveLength(1);
    expect((await signIn(email, newPassword)).AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });
});

describe('recording', () => {
  it('saves each trigger source seen as a fixture file, without passwords', async () => {
    await signIn(legacyForRecording.username, legacyForRecording.password);
    const sources = new Set(run.invocations().map((record) => record.triggerSource));

    const files = readdirSync(run.fixturesDir);
    const migration = JSON.parse(readFileSync(join(run.fixturesDir, 'UserMigration_Authentication.json'), 'utf8')) as {
      triggerSource: string;
      request: { password: string };
    };

    expect(files.sort()).toEqual([...sources].map((source) => `${source}.json`).sort());
    expect(migration.triggerSource).toBe('UserMigration_Authentication');
    expect(migration.request.password).toBe(SCRUBBED);
    const log = readFileSync(run.pool.invocationLog, 'utf8');
    for (const { password } of LEGACY_DEMO_USERS) expect(log).not.toContain(password);
    expect(log).not.toContain(PASSWORD);
  });
});
