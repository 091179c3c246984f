import type { Context } from 'cognito-local/lib/services/context';
import { selectAppropriateDeliveryMethod } from 'cognito-local/lib/services/messageDelivery/deliveryMethod';
import { attributesAppend, attributeValue } from 'cognito-local/lib/services/userPoolService';
import { Targets } from 'cognito-local/lib/targets/targets';
import { awsError, invalidParameter, invalidVerificationCode } from '../aws-errors';
import { clientCall, preventsExistenceErrors, requiredString, stringMap } from '../client-call';
import type { Layer } from '../layer';
import { migrateUser } from '../migration';
import { maskedDelivery, simulatedDelivery } from './delivery';

/** Cognito's answer for an unknown user where the client does not hide existence. */
const usernameNotFound = () => awsError('UserNotFoundException', 'Username/client id combination not found.');

/**
 * ConfirmSignUp as Cognito does it: the code confirms the user and verifies the address it was sent to, then
 * PostConfirmation runs, and its failure reaches the caller (`PostConfirmation failed with error …`) though the user
 * stays confirmed.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html
 */
export async function confirmSignUp(ctx: Context, layer: Layer, request: Record<string, unknown>): Promise<object> {
  const { userPool, client } = await clientCall(ctx, layer, request.ClientId);
  const user = await userPool.getUserByUsername(ctx, requiredString(request, 'Username'));
  const code = requiredString(request, 'ConfirmationCode');
  if (user === null) throw preventsExistenceErrors(client) ? invalidVerificationCode() : usernameNotFound();
  if (user.UserStatus === 'CONFIRMED') {
    throw awsError('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED');
  }
  if (user.ConfirmationCode === undefined) {
    throw awsError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
  }
  if (user.ConfirmationCode !== code) throw invalidVerificationCode();
  const delivery = selectAppropriateDeliveryMethod(userPool.options.AutoVerifiedAttributes ?? [], user);
  const verified = delivery === null ? [] : [{ Name: `${delivery.AttributeName}_verified`, Value: 'true' }];
  const confirmed = {
    ...user,
    UserStatus: 'CONFIRMED',
    ConfirmationCode: undefined,
    Attributes: attributesAppend(user.Attributes, ...verified),
    UserLastModifiedDate: new Date(),
  };
  await userPool.saveUser(ctx, confirmed);
  const clientMetadata = stringMap(request.ClientMetadata);
  await layer.triggers.postConfirmation(ctx, {
    source: 'PostConfirmation_ConfirmSignUp',
    userPoolId: userPool.options.Id,
    clientId: client.ClientId,
    username: confirmed.Username,
    userAttributes: attributesAppend(confirmed.Attributes, { Name: 'cognito:user_status', Value: 'CONFIRMED' }),
    ...(clientMetadata === undefined ? {} : { clientMetadata }),
  });
  return {};
}

/**
 * ResendConfirmationCode: a new code for an unconfirmed user, through CustomMessage_ResendCode and the local mail.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResendConfirmationCode.html
 */
export async function resendConfirmationCode(
  ctx: Context,
  layer: Layer,
  request: Record<string, unknown>,
): Promise<object> {
  const { userPool, client } = await clientCall(ctx, layer, request.ClientId);
  const username = requiredString(request, 'Username');
  const user = await userPool.getUserByUsername(ctx, username);
  if (user === null) {
    if (preventsExistenceErrors(client)) return { CodeDeliveryDetails: simulatedDelivery(username) };
    throw usernameNotFound();
  }
  if (user.UserStatus === 'CONFIRMED') throw invalidParameter('User is already confirmed.');
  const delivery = selectAppropriateDeliveryMethod(userPool.options.AutoVerifiedAttributes ?? [], user);
  if (delivery === null) throw invalidParameter('Auto verification not turned on.');
  const code = layer.otp();
  await userPool.saveUser(ctx, { ...user, ConfirmationCode: code, UserLastModifiedDate: new Date() });
  await layer.messages.deliver(
    ctx,
    'ResendCode',
    client.ClientId,
    userPool.options.Id,
    user,
    code,
    stringMap(request.ClientMetadata),
    delivery,
  );
  return { CodeDeliveryDetails: maskedDelivery(delivery) };
}

/**
 * ForgotPassword: an unknown user is first offered to UserMigration (`UserMigration_ForgotPassword`, with the
 * request's ClientMetadata), then cognito-local sends the code (CustomMessage_ForgotPassword); where the client hides
 * existence, an unknown user gets the same kind of answer as a known one.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html
 */
export async function forgotPassword(ctx: Context, layer: Layer, request: Record<string, unknown>): Promise<object> {
  const call = await clientCall(ctx, layer, request.ClientId);
  const username = requiredString(request, 'Username');
  const clientMetadata = stringMap(request.ClientMetadata);
  const user =
    (await call.userPool.getUserByUsername(ctx, username)) ??
    (await migrateUser(call, username, {
      source: 'UserMigration_ForgotPassword',
      ...(clientMetadata ? { clientMetadata } : {}),
    }));
  if (user === null) {
    if (preventsExistenceErrors(call.client)) return { CodeDeliveryDetails: simulatedDelivery(username) };
    throw usernameNotFound();
  }
  const answer = await Targets.ForgotPassword(layer.services)(ctx, { ...request, Username: user.Username } as never);
  const email = attributeValue('email', user.Attributes);
  return email === undefined
    ? answer
    : { CodeDeliveryDetails: maskedDelivery({ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email }) };
}
