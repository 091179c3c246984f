import {
  AdminAddUserToGroupCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  InternalErrorException,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { createPostConfirmationHandler } from '@functions/post-confirmation/handler';
import type { PostConfirmationDependencies } from '@functions/post-confirmation/trigger';
import { createSesMailer } from '@shared/mailer';
import { createCognitoGroupMembership } from '@shared/onboarding/group-membership';
import { createCognitoOnboardedMarker } from '@shared/onboarding/onboarded-marker';
import { createDynamoDbProfileStore } from '@shared/onboarding/profile-store';
import { type LocalDynamoDb, startDynalite } from '@test/helpers/dynalite';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { type LocalSes, startSesLocal } from '@test/helpers/ses-local';
import { unreachableEndpoint } from '@test/helpers/silent-endpoint';
import { testConfig } from '@test/unit/post-confirmation/support';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';

const SIGN_UP_SUB = 'd4b8f4c8-2041-7053-c3a1-8e5f0b6d2a19';
const RESET_SUB = 'e7306c4b-1f8a-70d9-0b6e-5c2a7d94e318';
const T0 = new Date('2026-11-26T10:15:00.000Z');

let dynamo: LocalDynamoDb;
let ses: LocalSes;
let sesClient: SESClient;
let unreachableSes: SESClient;
// No Cognito emulator is installed: AdminAddUserToGroup is mocked.
const cognitoClient = new CognitoIdentityProviderClient({ region: 'us-east-1' });
const cognito = mockClient(cognitoClient);
let table: string;
let tables = 0;
let clock: Date;
const stdout = captureStdoutLogsOfEachTest();

beforeAll(async () => {
  [dynamo, ses] = await Promise.all([startDynalite(), startSesLocal()]);
  const options = {
    region: 'us-east-1',
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
  };
  sesClient = new SESClient({ ...options, endpoint: ses.endpoint });
  unreachableSes = new SESClient({ ...options, endpoint: await unreachableEndpoint() });
});

afterAll(async () => {
  sesClient?.destroy();
  unreachableSes?.destroy();
  cognitoClient.destroy();
  await Promise.all([dynamo?.stop(), ses?.stop()]);
});

beforeEach(async () => {
  tables += 1;
  table = `profiles-${tables}`;
  clock = T0;
  await Promise.all([dynamo.createTable('UserProfilesTable', table), ses.clear()]);
  cognito.reset();
  cognito.on(AdminAddUserToGroupCommand).resolves({});
  cognito.on(AdminUpdateUserAttributesCommand).resolves({});
});

function dependencies(ses: SESClient = sesClient): PostConfirmationDependencies {
  return {
    profiles: createDynamoDbProfileStore(async () => dynamo.client, table),
    groups: createCognitoGroupMembership(async () => cognitoClient),
    marker: createCognitoOnboardedMarker(async () => cognitoClient),
    mailer: createSesMailer(async () => ses),
    now: () => clock,
  };
}

function postConfirmation(ses?: SESClient) {
  const handler = createPostConfirmationHandler(testConfig({ USER_PROFILES_TABLE: table }), dependencies(ses));
  return (event: PostConfirmationTriggerEvent) => handler(structuredClone(event), lambdaContext());
}

async function profile(sub: string): Promise<Record<string, string> | undefined> {
  const { Item } = await dynamo.client.send(
    new GetItemCommand({ TableName: table, Key: { sub: { S: sub } }, ConsistentRead: true }),
  );
  return Item && Object.fromEntries(Object.entries(Item).map(([key, value]) => [key, value.S ?? '']));
}

describe('PostConfirmation_ConfirmSignUp', () => {
  const signUp = () => loadFixture('PostConfirmation_ConfirmSignUp');

  it('creates the profile, adds the default group and sends one welcome email, over three sequential deliveries', async () => {
    const handle = postConfirmation();

    for (let delivery = 0; delivery < 3; delivery += 1) await handle(signUp());

    expect(await profile(SIGN_UP_SUB)).toMatchObject({
      email: 'jonas.lindqvist@example.com',
      name: 'Jonas Lindqvist',
      createdAt: T0.toISOString(),
      welcomeEmailSentAt: T0.toISOString(),
    });
    const emails = await ses.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      from: 'Example <no-reply@example.com>',
      destination: { to: ['jonas.lindqvist@example.com'] },
      replyTo: ['support@example.com'],
      subject: 'Welcome to Example App',
      body: {
        html: expect.stringContaining('Welcome, Jonas Lindqvist!'),
        text: expect.stringContaining('Welcome, Jonas Lindqvist!'),
      },
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'us-east-1_Xq7fLw2Zb',
      Username: SIGN_UP_SUB,
      GroupName: 'users',
    });
  });

  it('creates one profile and sends one welcome email when three deliveries run concurrently', async () => {
    const handle = postConfirmation();

    await Promise.all([handle(signUp()), handle(signUp()), handle(signUp())]);

    expect(await profile(SIGN_UP_SUB)).toMatchObject({ welcomeEmailSentAt: T0.toISOString() });
    expect(await ses.emails()).toHaveLength(1);
  });

  it('sends the welcome email exactly once when SES fails and Cognito retries', async () => {
    await postConfirmation(unreachableSes)(signUp());
    expect(await ses.emails()).toHaveLength(0);
    expect(await profile(SIGN_UP_SUB)).not.toHaveProperty('welcomeEmailSentAt');

    const retry = postConfirmation();
    await retry(signUp());
    await Promise.all([retry(signUp()), retry(signUp())]);

    expect(await ses.emails()).toHaveLength(1);
  });

  it('sends nothing to a duplicate while a live invocation holds the claim, and sends once that invocation is past its deadline', async () => {
    const handle = postConfirmation();
    await createDynamoDbProfileStore(async () => dynamo.client, table).create(
      {
        sub: SIGN_UP_SUB,
        userName: SIGN_UP_SUB,
        createdAt: T0.toISOString(),
        createdBy: 'PostConfirmation_ConfirmSignUp',
        attributes: {},
      },
      ['welcomeEmail'],
      new Date(T0.getTime() + 5_000).toISOString(),
    );
    await createDynamoDbProfileStore(async () => dynamo.client, table).claimEmail(SIGN_UP_SUB, 'welcomeEmail', {
      id: 'timed-out',
      expiresAt: new Date(T0.getTime() + 5_000).toISOString(),
      now: T0.toISOString(),
    });

    clock = new Date(T0.getTime() + 4_000);
    await handle(signUp());
    expect(await ses.emails()).toHaveLength(0);

    clock = new Date(T0.getTime() + 5_100);
    await handle(signUp());
    expect(await ses.emails()).toHaveLength(1);
  });

  it('writes the welcome email in the user’s language', async () => {
    const event = signUp();
    event.request.userAttributes['locale'] = 'fr-FR';

    await postConfirmation()(event);

    const [email] = await ses.emails();
    expect(email?.subject).toBe('Bienvenue sur Example App');
    expect(email?.body.html).toContain('<html lang="fr">');
    expect(email?.body.text).toContain('Bienvenue, Jonas Lindqvist !');
  });

  it('escapes a name with markup in the HTML part', async () => {
    const event = signUp();
    event.request.userAttributes['name'] = '<script>alert("x")</script>';

    await postConfirmation()(event);

    const [email] = await ses.emails();
    expect(email?.body.html).toContain('Welcome, &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;!');
    expect(email?.body.html).not.toContain('<script>');
  });

  it('confirms the user and sends the welcome email when Cognito refuses the group', async () => {
    cognito
      .on(AdminAddUserToGroupCommand)
      .rejects(new InternalErrorException({ message: 'Internal error', $metadata: {} }));

    await expect(postConfirmation()(signUp())).resolves.toBeDefined();

    expect(await ses.emails()).toHaveLength(1);
    expect(stdout.entries()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'Could not add the user to a group; their next sign-in tries again',
        group: 'users',
      }),
    );
  });

  it('sends nothing to a user without an email address, and still creates the profile, owing no email', async () => {
    const event = signUp();
    delete event.request.userAttributes['email'];

    await postConfirmation()(event);

    const created = await profile(SIGN_UP_SUB);
    expect(created).toMatchObject({ createdAt: T0.toISOString() });
    expect(created).not.toHaveProperty('welcomeEmailDueFor');
    expect(created).not.toHaveProperty('outbox');
    expect(await ses.emails()).toHaveLength(0);
  });

  it('logs no address or name over a failing and a succeeding delivery', async () => {
    await postConfirmation(unreachableSes)(signUp());
    await postConfirmation()(signUp());

    expect(stdout.entries()).toContainEqual(
      expect.objectContaining({ message: 'Email sent', emailKind: 'welcomeEmail' }),
    );
    expect(stdout.lines.join('\n')).not.toMatch(/jonas|lindqvist/i);
  });
});

describe('PostConfirmation_ConfirmForgotPassword', () => {
  const reset = () => loadFixture('PostConfirmation_ConfirmForgotPassword');

  it('records the change and sends one notice and no welcome email, over three sequential deliveries', async () => {
    const handle = postConfirmation();

    for (let delivery = 0; delivery < 3; delivery += 1) {
      clock = new Date(T0.getTime() + delivery * 2_000);
      await handle(reset());
    }

    expect(await profile(RESET_SUB)).toMatchObject({
      createdBy: 'PostConfirmation_ConfirmForgotPassword',
      passwordChangedAt: T0.toISOString(),
      passwordNoticeSentFor: T0.toISOString(),
    });
    expect((await ses.emails()).map((email) => email.subject)).toEqual(['Your Example App password was changed']);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it('sends one notice when three deliveries run concurrently', async () => {
    const handle = postConfirmation();

    await Promise.all([handle(reset()), handle(reset()), handle(reset())]);

    expect(await ses.emails()).toHaveLength(1);
  });

  it('sends the notice exactly once when SES fails and Cognito retries', async () => {
    await postConfirmation(unreachableSes)(reset());
    clock = new Date(T0.getTime() + 1_000);
    await postConfirmation()(reset());
    await postConfirmation()(reset());

    expect(await ses.emails()).toHaveLength(1);
    expect(await profile(RESET_SUB)).toMatchObject({ passwordChangedAt: T0.toISOString() });
  });

  it('adds the change to the profile a sign-up created, without a second welcome email', async () => {
    await postConfirmation()(loadFixture('PostConfirmation_ConfirmSignUp'));
    const event = reset();
    event.userName = SIGN_UP_SUB;
    event.request.userAttributes = { ...loadFixture('PostConfirmation_ConfirmSignUp').request.userAttributes };
    clock = new Date(T0.getTime() + 86_400_000);

    await postConfirmation()(event);

    expect(await profile(SIGN_UP_SUB)).toMatchObject({
      createdAt: T0.toISOString(),
      createdBy: 'PostConfirmation_ConfirmSignUp',
      passwordChangedAt: clock.toISOString(),
    });
    expect((await ses.emails()).map((email) => email.subject)).toEqual([
      'Welcome to Example App',
      'Your Example App password was changed',
    ]);
  });

  it('sends a new notice for a new password reset after the dedupe window', async () => {
    const handle = postConfirmation();
    await handle(reset());

    clock = new Date(T0.getTime() + 121_000);
    await handle(reset());

    expect(await ses.emails()).toHaveLength(2);
  });

  it('sends no notice when PASSWORD_CHANGED_NOTICE is off, and still records the change', async () => {
    const handler = createPostConfirmationHandler(
      testConfig({ USER_PROFILES_TABLE: table, PASSWORD_CHANGED_NOTICE: 'false' }),
      dependencies(),
    );

    await handler(reset(), lambdaContext());

    expect(await profile(RESET_SUB)).toMatchObject({ passwordChangedAt: T0.toISOString() });
    expect(await ses.emails()).toHaveLength(0);
  });
});
