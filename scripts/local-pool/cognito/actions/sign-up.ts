import { randomUUID } from 'node:crypto';
import type { SignUpResponse } from 'aws-sdk/clients/cognitoidentityserviceprovider';
import type { Context } from 'cognito-local/lib/services/context';
import { selectAppropriateDeliveryMethod } from 'cognito-local/lib/services/messageDelivery/deliveryMethod';
import {
  attributesAppend,
  attributesInclude,
  attributesToRecord,
  type User,
} from 'cognito-local/lib/services/userPoolService';
import { awsError, invalidParameter } from '../aws-errors';
import { clientCall, requiredString, stringMap } from '../client-call';
import type { Layer } from '../layer';
import { assertPasswordConforms } from '../password-policy';
import { assertClientMayWrite } from '../write-attributes';
import { maskedDelivery } from './delivery';

type AttributeList = { Name: string; Value?: string }[];

function attributeList(value: unknown): AttributeList {
  return Array.isArray(value) ? (value as AttributeList) : [];
}

/**
 * SignUp as Cognito does it: the app client's `WriteAttributes`, the pool's password policy, a username that is unique in any letter case where the
 * pool folds case, PreSignUp with `ValidationData` as `validationData`, no code for a user PreSignUp confirms (who
 * goes straight to PostConfirmation), else a code through CustomMessage_SignUp and the local mail.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
 */
export async function signUp(ctx: Context, layer: Layer, request: Record<string, unknown>): Promise<SignUpResponse> {
  const call = await clientCall(ctx, layer, request.ClientId);
  const { userPool, client } = call;
  assertClientMayWrite(client, request.UserAttributes);
  const options = userPool.options;
  const username = requiredString(request, 'Username');
  const password = requiredString(request, 'Password');
  if (options.AdminCreateUserConfig?.AllowAdminCreateUserOnly) {
    throw awsError('NotAuthorizedException', 'SignUp is not permitted for this user pool');
  }
  assertPasswordConforms(options.Policies?.PasswordPolicy, password);
  const emailIsUsername = options.UsernameAttributes?.includes('email') ?? false;
  if (emailIsUsername && !username.includes('@')) throw invalidParameter('Username should be an email.');
  if ((await userPool.getUserByUsername(ctx, username)) !== null) {
    throw awsError(
      'UsernameExistsException',
      emailIsUsername ? 'An account with the given email already exists.' : 'User already exists',
    );
  }

  const sub = randomUUID();
  let attributes = attributesAppend(
    attributeList(request.UserAttributes).filter((attribute) => attribute.Name !== 'sub') as never,
    {
      Name: 'sub',
      Value: sub,
    },
  );
  if (emailIsUsername && !attributesInclude('email', attributes))
    attributes = attributesAppend(attributes, { Name: 'email', Value: username });
  const name = (options.UsernameAttributes ?? []).length > 0 ? sub : username;
  const clientMetadata = stringMap(request.ClientMetadata);
  const decision = await layer.triggers.preSignUp(ctx, {
    source: 'PreSignUp_SignUp',
    userPoolId: options.Id,
    clientId: client.ClientId,
    username: name,
    userAttributes: attributes,
    clientMetadata,
    validationData: attributesToRecord(attributeList(request.ValidationData) as never),
  });
  if (decision.autoVerifyEmail && attributesInclude('email', attributes)) {
    attributes = attributesAppend(attributes, { Name: 'email_verified', Value: 'true' });
  }
  if (decision.autoVerifyPhone && attributesInclude('phone_number', attributes)) {
    attributes = attributesAppend(attributes, { Name: 'phone_number_verified', Value: 'true' });
  }
  const now = new Date();
  const user: User = {
    Username: name,
    Attributes: attributes,
    Enabled: true,
    Password: password,
    UserStatus: decision.autoConfirmUser ? 'CONFIRMED' : 'UNCONFIRMED',
    UserCreateDate: now,
    UserLastModifiedDate: now,
    RefreshTokens: [],
  };
  const delivery = decision.autoConfirmUser
    ? null
    : selectAppropriateDeliveryMethod(options.AutoVerifiedAttributes ?? [], user);
  const code = delivery === null ? undefined : layer.otp();
  await userPool.saveUser(ctx, { ...user, ...(code === undefined ? {} : { ConfirmationCode: code }) });
  if (delivery !== null && code !== undefined) {
    await layer.messages.deliver(ctx, 'SignUp', client.ClientId, options.Id, user, code, clientMetadata, delivery);
  }
  if (decision.autoConfirmUser) {
    await layer.triggers.postConfirmation(ctx, {
      source: 'PostConfirmation_ConfirmSignUp',
      userPoolId: options.Id,
      clientId: client.ClientId,
      username: name,
      userAttributes: attributesAppend(attributes, { Name: 'cognito:user_status', Value: 'CONFIRMED' }),
      ...(clientMetadata === undefined ? {} : { clientMetadata }),
    });
  }
  return {
    UserConfirmed: decision.autoConfirmUser === true,
    UserSub: sub,
    ...(delivery === null ? {} : { CodeDeliveryDetails: maskedDelivery(delivery) }),
  };
}
