/**
 * The layer's trigger loops, on a pool of its own whose LambdaConfig names small test functions served by a Lambda
 * Invoke API in this file: a custom challenge ("the answer is the code I emailed"), PreTokenGeneration V2_0 and
 * V3_0, PostConfirmation and PostAuthentication failures, USER_AUTH with EMAIL_OTP, required MFA, and the app
 * client's PreventUserExistenceErrors.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminGetUserCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  type LambdaConfigType,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { localFunctionArn } from '@scripts/local-pool/cognito/lambda-config';
import type { CodeDelivery } from '@scripts/local-pool/cognito/mail';
import { type CognitoLayer, startCognitoLayer } from '@scripts/local-pool/cognito/server';
import { verifyPoolToken } from '@test/helpers/jwt-verify';
import { totpCode } from '@test/helpers/totp';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';

type Event = {
  triggerSource: string;
  userName: string;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
};
const PASSWORD = 'Correct-Horse-42';
const CODE = '135790';

/** The test functions, by name: each answers the event (or throws, answered as Lambda answers a thrown error). */
const received: Event[] = [];
let postAuthenticationFails = false;
let postConfirmationFails = false;
const FUNCTIONS: Record<string, (event: Event) => Event> = {
  define: (event) => {
    const session = event.request.session as { challengeName: string; challengeResult: boolean }[];
    const last = session.at(-1);
    if (last?.challengeResult === true) event.response = { issueTokens: true, failAuthentication: false };
    else if (session.length >= 3) event.response = { issueTokens: false, failAuthentication: true };
    else event.response = { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false };
    return event;
  },
  create: (event) => {
    event.response = {
      publicChallengeParameters: { hint: 'the code we emailed' },
      privateChallengeParameters: { answer: CODE },
      challengeMetadata: `ROUND-${(event.request.session as unknown[]).length + 1}`,
    };
    return event;
  },
  verify: (event) => {
    event.response = {
      answerCorrect:
        event.request.challengeAnswer === (event.request.privateChallengeParameters as { answer: string }).answer,
    };
    return event;
  },
  tokens: (event) => {
    event.response = {
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride: { tier: 'gold' }, claimsToSuppress: ['name', 'sub'] },
        accessTokenGeneration: {
          claimsToAddOrOverride: { tenant: { id: 7 } },
          scopesToAdd: ['reports/read'],
          scopesToSuppress: ['aws.cognito.signin.user.admin'],
        },
        groupOverrideDetails: { groupsToOverride: ['beta'] },
      },
    };
    return event;
  },
  postAuthentication: (event) => {
    if (postAuthenticationFails) throw new Error('Sign-ins are paused.');
    return event;
  },
  postConfirmation: (event) => {
    if (postConfirmationFails) throw new Error('Profiles are unavailable.');
    return event;
  },
};

/** The ARN the pool's LambdaConfig names a test function by. */
const arn = (name: string) => localFunctionArn('us-east-1', name);

/**
 * A pool signed in with email, case-insensitive, first factors PASSWORD and EMAIL_OTP, with `lambdaConfig`, and an
 * app client that allows every flow the tests use and hides user existence (unless `client` says otherwise).
 */
async function poolWithClient(
  name: string,
  lambdaConfig: LambdaConfigType,
  client: Partial<CreateUserPoolClientCommandInput> = { PreventUserExistenceErrors: 'ENABLED' },
): Promise<{ userPoolId: string; clientId: string }> {
  const { UserPool } = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: name,
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
      LambdaConfig: lambdaConfig,
    }),
  );
  const { UserPoolClient } = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: UserPool?.Id,
      ClientName: `${name}-client`,
      ExplicitAuthFlows: [
        'ALLOW_CUSTOM_AUTH',
        'ALLOW_USER_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ],
      ...client,
    }),
  );
  return { userPoolId: UserPool?.Id ?? '', clientId: UserPoolClient?.ClientId ?? '' };
}

let lambda: Server;
let layer: CognitoLayer;
let stateDir: string;
let cognito: CognitoIdentityProviderClient;
let userPoolId: string;
let clientId: string;
const deliveries: CodeDelivery[] = [];

beforeAll(async () => {
  lambda = createServer((request, response) => {
    const name = decodeURIComponent(/functions\/([^/]+)\/invocations/.exec(request.url ?? '')?.[1] ?? '');
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Event;
      received.push(structuredClone(event));
      let answer: Event;
      try {
        answer = FUNCTIONS[name]?.(event) ?? event;
      } catch (error) {
        response
          .writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' })
          .end(JSON.stringify({ errorType: 'Error', errorMessage: (error as Error).message }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => lambda.listen(0, '127.0.0.1', resolve));
  stateDir = mkdtempSync(join(tmpdir(), 'cognito-layer-'));
  layer = await startCognitoLayer({
    port: 0,
    dataDir: stateDir,
    logFile: join(stateDir, 'cognito.log'),
    lambdaEndpoint: `http://127.0.0.1:${(lambda.address() as AddressInfo).port}`,
    fixedCode: CODE,
    onCodeDelivery: (delivery) => deliveries.push(delivery),
  });
  cognito = new CognitoIdentityProviderClient({
    endpoint: layer.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  ({ userPoolId, clientId } = await poolWithClient('layer-test', {
    DefineAuthChallenge: arn('define'),
    CreateAuthChallenge: arn('create'),
    VerifyAuthChallengeResponse: arn('verify'),
    PostAuthentication: arn('postAuthentication'),
    PostConfirmation: arn('postConfirmation'),
    PreTokenGenerationConfig: { LambdaArn: arn('tokens'), LambdaVersion: 'V2_0' },
  }));
}, 60_000);

afterAll(async () => {
  cognito?.destroy();
  await layer?.stop();
  await new Promise((resolve) => lambda?.close(resolve));
  rmSync(stateDir, { recursive: true, force: true });
});

let counter = 0;
async function confirmedUser(client: string = clientId): Promise<string> {
  counter += 1;
  const email = `layer.user${counter}@example.com`;
  await cognito.send(
    new SignUpCommand({
      ClientId: client,
      Username: email,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'name', Value: 'Layer User' }],
    }),
  );
  await cognito.send(new ConfirmSignUpCommand({ ClientId: client, Username: email, ConfirmationCode: CODE }));
  return email;
}

/** A USER_PASSWORD_AUTH sign-in through the app client `client`. */
function passwordSignIn(client: string, username: string, password = PASSWORD) {
  return cognito.send(
    new InitiateAuthCommand({
      ClientId: client,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
}

function customChallenge(user: CognitoUser, answers: string[], clientMetadata: Record<string, string>) {
  return new Promise<CognitoUserSession>((resolve, reject) => {
    const callbacks = {
      onSuccess: resolve,
      onFailure: reject,
      customChallenge: () => user.sendCustomChallengeAnswer(answers.shift() ?? '', callbacks, clientMetadata),
    };
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    user.initiateAuth(new AuthenticationDetails({ Username: user.getUsername() }), callbacks);
  });
}

describe('CUSTOM_AUTH', () => {
  it("runs Define/Create/Verify in Cognito's loop with clientMetadata from RespondToAuthChallenge only", async () => {
    const email = await confirmedUser();
    const pool = new CognitoUserPool({ UserPoolId: userPoolId, ClientId: clientId, endpoint: layer.endpoint });
    received.length = 0;

    const session = await customChallenge(new CognitoUser({ Username: email, Pool: pool }), ['000000', CODE], {
      channel: 'email',
    });

    const defines = received.filter((event) => event.triggerSource === 'DefineAuthChallenge_Authentication');
    expect(session.isValid()).toBe(true);
    expect(defines.map((event) => event.request.session)).toEqual([
      [],
      [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'ROUND-1' }],
      [
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'ROUND-1' },
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'ROUND-2' },
      ],
    ]);
    expect(defines[0]?.request.clientMetadata).toBeUndefined();
    expect(defines[1]?.request.clientMetadata).toEqual({ channel: 'email' });
    expect(
      received.find((event) => event.triggerSource === 'CreateAuthChallenge_Authentication')?.request.challengeName,
    ).toBe('CUSTOM_CHALLENGE');
  });

  it('ends the flow where Define fails it, and refuses an answered session a second time', async () => {
    const email = await confirmedUser();
    const start = await cognito.send(
      new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: email } }),
    );
    const respond = (session: string | undefined, answer: string) =>
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'CUSTOM_CHALLENGE',
          Session: session,
          ChallengeResponses: { USERNAME: email, ANSWER: answer },
        }),
      );

    const second = await respond(start.Session, 'wrong');
    await expect(respond(start.Session, CODE)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
    const third = await respond(second.Session, 'wrong');

    expect(start.ChallengeParameters).toEqual({ hint: 'the code we emailed', USERNAME: expect.any(String) });
    await expect(respond(third.Session, 'wrong')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('calls the challenge triggers with userNotFound for an unknown user and never issues tokens', async () => {
    received.length = 0;
    const start = await cognito.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'CUSTOM_AUTH',
        AuthParameters: { USERNAME: 'nobody@example.com' },
      }),
    );
    await expect(
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'CUSTOM_CHALLENGE',
          Session: start.Session,
          ChallengeResponses: { USERNAME: 'nobody@example.com', ANSWER: CODE },
        }),
      ),
    ).resolves.toMatchObject({ ChallengeName: 'CUSTOM_CHALLENGE' });
    expect(received[0]?.request.userNotFound).toBe(true);
  });
});

describe('PreTokenGeneration', () => {
  const pools = {} as Record<'V2_0' | 'V3_0', { userPoolId: string; clientId: string }>;

  beforeAll(async () => {
    pools.V2_0 = { userPoolId, clientId };
    pools.V3_0 = await poolWithClient('layer-test-v3', {
      PreTokenGenerationConfig: { LambdaArn: arn('tokens'), LambdaVersion: 'V3_0' },
    });
  });

  it.each([
    ['V2_0', '2'],
    ['V3_0', '3'],
  ] as const)(
    '%s: sends event version %s and applies claims, scopes and groups to both tokens, keeping reserved claims',
    async (version, eventVersion) => {
      const pool = pools[version];
      const email = await confirmedUser(pool.clientId);

      const { AuthenticationResult } = await passwordSignIn(pool.clientId, email);

      const verify = (token: string | undefined, use: 'id' | 'access') =>
        verifyPoolToken(layer.endpoint, pool.userPoolId, pool.clientId, token ?? '', use);
      const id = await verify(AuthenticationResult?.IdToken, 'id');
      const access = await verify(AuthenticationResult?.AccessToken, 'access');
      const event = received.findLast(
        (candidate) =>
          candidate.triggerSource === 'TokenGeneration_Authentication' &&
          (candidate.request.userAttributes as Record<string, string>).email === email,
      );
      expect(event).toMatchObject({ version: eventVersion, request: { scopes: ['aws.cognito.signin.user.admin'] } });
      expect(id).toMatchObject({ tier: 'gold', sub: expect.any(String), 'cognito:groups': ['beta'] });
      expect(id.name).toBeUndefined();
      expect(access).toMatchObject({ tenant: { id: 7 }, scope: 'reports/read', 'cognito:groups': ['beta'] });
    },
  );
});

describe('PostConfirmation and PostAuthentication failures', () => {
  /** Runs `action` while the PostConfirmation test function throws. */
  async function whilePostConfirmationFails<T>(action: () => Promise<T>): Promise<T> {
    postConfirmationFails = true;
    try {
      return await action();
    } finally {
      postConfirmationFails = false;
    }
  }

  const POST_CONFIRMATION_FAILURE = {
    name: 'UserLambdaValidationException',
    message: 'PostConfirmation failed with error Profiles are unavailable..',
  };

  it('reports a PostConfirmation failure on ConfirmSignUp with Cognito’s prefix; the user stays confirmed', async () => {
    counter += 1;
    const email = `layer.user${counter}@example.com`;
    await cognito.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: PASSWORD }));

    const confirmation = whilePostConfirmationFails(() =>
      cognito.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: CODE })),
    );

    await expect(confirmation).rejects.toMatchObject(POST_CONFIRMATION_FAILURE);
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    expect(user.UserStatus).toBe('CONFIRMED');
  });

  it('reports a PostConfirmation failure on ConfirmForgotPassword with Cognito’s prefix; the new password holds', async () => {
    const email = await confirmedUser();
    await cognito.send(new ForgotPasswordCommand({ ClientId: clientId, Username: email }));

    const reset = whilePostConfirmationFails(() =>
      cognito.send(
        new ConfirmForgotPasswordCommand({
          ClientId: clientId,
          Username: email,
          ConfirmationCode: CODE,
          Password: 'Battery-Staple-43',
        }),
      ),
    );

    await expect(reset).rejects.toMatchObject(POST_CONFIRMATION_FAILURE);
    const signIn = await passwordSignIn(clientId, email, 'Battery-Staple-43');
    expect(signIn.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('reports a PostAuthentication failure with Cognito’s prefix and issues no tokens', async () => {
    const email = await confirmedUser();
    postAuthenticationFails = true;

    const signIn = passwordSignIn(clientId, email);

    await expect(signIn).rejects.toMatchObject({
      name: 'UserLambdaValidationException',
      message: 'PostAuthentication failed with error Sign-ins are paused..',
    });
    postAuthenticationFails = false;
  });
});

describe('USER_AUTH', () => {
  it('offers the first factors the pool allows, and signs in with EMAIL_OTP sent as CustomMessage_Authentication', async () => {
    const email = await confirmedUser();
    deliveries.length = 0;

    const select = await cognito.send(
      new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email } }),
    );
    const otp = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: select.Session,
        ChallengeResponses: { USERNAME: email, ANSWER: 'EMAIL_OTP' },
      }),
    );
    const answer = (code: string) =>
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'EMAIL_OTP',
          Session: otp.Session,
          ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: code },
        }),
      );

    await expect(answer('000000')).rejects.toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid code or auth state for the user.',
    });
    const signedIn = await answer(CODE);

    expect(select).toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'],
    });
    expect(otp.ChallengeParameters).toEqual({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
      CODE_DELIVERY_DESTINATION: 'l***@e***',
    });
    expect(deliveries).toEqual([{ destination: email, code: CODE, source: 'Authentication' }]);
    expect(signedIn.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('signs in at once with PREFERRED_CHALLENGE PASSWORD and the password', async () => {
    const email = await confirmedUser();

    const result = await cognito.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: email.toUpperCase(), PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
      }),
    );

    expect(result.AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });
});

describe("the app client's PreventUserExistenceErrors", () => {
  const unknown = 'nobody.at.all@example.com';

  it('is LEGACY for a client created without it, as the API creates one: an unknown user is named as such', async () => {
    const legacy = await poolWithClient('layer-test-legacy', {}, {});

    await expect(passwordSignIn(legacy.clientId, unknown)).rejects.toMatchObject({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
    await expect(
      cognito.send(new ForgotPasswordCommand({ ClientId: legacy.clientId, Username: unknown })),
    ).rejects.toMatchObject({ name: 'UserNotFoundException', message: 'Username/client id combination not found.' });
  });

  it('hides an unknown user when ENABLED: a wrong password’s answer, and a code sent to a simulated destination', async () => {
    await expect(passwordSignIn(clientId, unknown)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    await expect(
      cognito.send(new ForgotPasswordCommand({ ClientId: clientId, Username: unknown })),
    ).resolves.toMatchObject({ CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } });
  });
});

describe('required MFA', () => {
  let mfaClientId: string;

  beforeAll(async () => {
    const { UserPool } = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: 'layer-test-mfa',
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        AutoVerifiedAttributes: ['email'],
        LambdaConfig: {
          DefineAuthChallenge: localFunctionArn('us-east-1', 'define'),
          CreateAuthChallenge: localFunctionArn('us-east-1', 'create'),
          VerifyAuthChallengeResponse: localFunctionArn('us-east-1', 'verify'),
        },
      }),
    );
    await cognito.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: UserPool?.Id,
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        EmailMfaConfiguration: { Subject: 'Your code', Message: 'Your code is {####}.' },
      }),
    );
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool?.Id,
        ClientName: 'layer-test-mfa-client',
        ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
      }),
    );
    mfaClientId = UserPoolClient?.ClientId ?? '';
  });

  const answer = (
    name: 'MFA_SETUP' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP',
    session: string | undefined,
    responses: Record<string, string>,
  ) =>
    cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: mfaClientId,
        ChallengeName: name,
        Session: session,
        ChallengeResponses: responses,
      }),
    );

  it('asks a user without MFA to set up TOTP (MFA_SETUP), then for its code on every sign-in', async () => {
    const email = await confirmedUser(mfaClientId);

    const setup = await passwordSignIn(mfaClientId, email);
    const associated = await cognito.send(new AssociateSoftwareTokenCommand({ Session: setup.Session }));
    await expect(
      cognito.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: '000000' })),
    ).rejects.toMatchObject({ name: 'CodeMismatchException' });
    const verified = await cognito.send(
      new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: totpCode(associated.SecretCode ?? '') }),
    );
    const first = await answer('MFA_SETUP', verified.Session, { USERNAME: email });
    const next = await passwordSignIn(mfaClientId, email);
    const second = await answer('SOFTWARE_TOKEN_MFA', next.Session, {
      USERNAME: email,
      SOFTWARE_TOKEN_MFA_CODE: totpCode(associated.SecretCode ?? ''),
    });

    expect(setup).toMatchObject({
      ChallengeName: 'MFA_SETUP',
      ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' },
    });
    expect(verified.Status).toBe('SUCCESS');
    expect(first.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(second.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('sets email MFA up from MFA_SETUP with an address, through CustomMessage_Authentication', async () => {
    const email = await confirmedUser(mfaClientId);
    deliveries.length = 0;

    const setup = await passwordSignIn(mfaClientId, email);
    const code = await answer('MFA_SETUP', setup.Session, { USERNAME: email, EMAIL: email });
    const signedIn = await answer('EMAIL_OTP', code.Session, { USERNAME: email, EMAIL_OTP_CODE: CODE });
    const next = await passwordSignIn(mfaClientId, email);

    expect(code).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' },
    });
    expect(deliveries).toEqual([
      { destination: email, code: CODE, source: 'Authentication' },
      { destination: email, code: CODE, source: 'Authentication' },
    ]);
    expect(signedIn.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    expect(next.ChallengeName).toBe('EMAIL_OTP');
  });

  it('leaves MFA to DefineAuthChallenge in custom authentication', async () => {
    const email = await confirmedUser(mfaClientId);
    const user = new CognitoUser({
      Username: email,
      Pool: new CognitoUserPool({ UserPoolId: 'us-east-1_layer', ClientId: mfaClientId, endpoint: layer.endpoint }),
    });

    const session = await customChallenge(user, [CODE], {});

    expect(session.isValid()).toBe(true);
  });
});
