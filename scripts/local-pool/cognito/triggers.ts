import type { AttributeListType } from 'aws-sdk/clients/cognitoidentityserviceprovider';
import type { Context } from 'cognito-local/lib/services/context';
import type { Triggers } from 'cognito-local/lib/services/triggers';
import type { UserPool } from 'cognito-local/lib/services/userPoolService';
import { attributesToRecord } from 'cognito-local/lib/services/userPoolService';
import {
  type PreTokenGenerationVersion,
  preTokenGenerationVersion,
  type TriggerName,
  triggerFunction,
} from './lambda-config';
import type {
  ChallengeRequest,
  ChallengeResult,
  CreateAuthChallengeResponse,
  DefineAuthChallengeResponse,
  EventSubject,
  TokenGenerationAnswer,
  TokenGenerationRequest,
  V1ClaimsOverride,
  V2ClaimsAndScopeOverride,
} from './trigger-events';
import { eventCommon, type InvokeTrigger } from './trigger-invoker';

type Parameters0<T> = T extends (ctx: Context, params: infer P) => unknown ? P : never;

/** The event's `version` for each PreTokenGeneration version. */
const TOKEN_EVENT_VERSION: Record<PreTokenGenerationVersion, string> = { V1_0: '1', V2_0: '2', V3_0: '3' };

/** What cognito-local's actions tell a trigger method: the source, the pool, the user, the app client, its metadata. */
interface ActionCall {
  source: string;
  userPoolId: string;
  username: string;
  clientId: string | null;
  clientMetadata?: Record<string, string> | undefined;
}

function withClientMetadata<T extends object>(request: T, clientMetadata: Record<string, string> | undefined) {
  return clientMetadata === undefined ? request : { ...request, clientMetadata };
}

/** The attributes Cognito adds to PostConfirmation's view of a user. */
function confirmationAttributes(attributes: AttributeListType, status: string): Record<string, string> {
  return { ...attributesToRecord(attributes), 'cognito:user_status': status };
}

/**
 * The local pool's triggers: every trigger a pool's `LambdaConfig` names, invoked with events shaped as Cognito
 * shapes them. It serves cognito-local's API actions (the `Triggers` interface they call) and the layer's own
 * flows (pre-authentication, the custom challenge loop, token generation). A trigger the pool does not configure
 * is skipped: its call answers the default response.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */
export class LocalTriggers implements Triggers {
  constructor(
    private readonly invoke: InvokeTrigger,
    private readonly poolOf: (ctx: Context, userPoolId: string) => Promise<UserPool>,
  ) {}

  /** Whether the pool configures `trigger`. */
  async configured(ctx: Context, userPoolId: string, trigger: TriggerName): Promise<boolean> {
    return triggerFunction((await this.poolOf(ctx, userPoolId)).LambdaConfig, trigger) !== undefined;
  }

  /**
   * cognito-local asks this without naming the pool; each trigger method checks the pool's own configuration, so
   * every trigger counts as enabled here.
   */
  enabled(): boolean {
    return true;
  }

  /** Invokes `trigger` of the subject's pool, or answers `fallback` when the pool configures none. */
  private async call<Request extends object, Response extends object>(
    ctx: Context,
    trigger: TriggerName,
    triggerSource: string,
    subject: EventSubject,
    request: Request,
    response: Response,
    version?: string,
  ): Promise<Response> {
    const functionName = triggerFunction((await this.poolOf(ctx, subject.userPoolId)).LambdaConfig, trigger);
    if (functionName === undefined) return response;
    return this.invoke(trigger, functionName, {
      ...eventCommon(triggerSource, subject, version),
      request,
      response,
    });
  }

  /** Invokes `trigger` for one of cognito-local's actions, with the call's client metadata added to `request`. */
  private callForAction<Request extends object, Response extends object>(
    ctx: Context,
    trigger: TriggerName,
    action: ActionCall,
    request: Request,
    response: Response,
  ): Promise<Response> {
    return this.call(
      ctx,
      trigger,
      action.source,
      { userPoolId: action.userPoolId, userName: action.username, clientId: action.clientId },
      withClientMetadata(request, action.clientMetadata),
      response,
    );
  }

  preSignUp: Triggers['preSignUp'] = (ctx, params) =>
    this.callForAction(
      ctx,
      'PreSignUp',
      params,
      { userAttributes: attributesToRecord(params.userAttributes), validationData: params.validationData ?? null },
      { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    );

  /** CustomMessage; `usernameParameter` is set for AdminCreateUser only. */
  async customMessageFor(
    ctx: Context,
    params: Parameters0<Triggers['customMessage']> & { usernameParameter: string | null },
  ): Promise<{ smsMessage?: string | null; emailMessage?: string | null; emailSubject?: string | null }> {
    return this.callForAction(
      ctx,
      'CustomMessage',
      params,
      {
        userAttributes: attributesToRecord(params.userAttributes),
        codeParameter: '{####}',
        linkParameter: '{##Click Here##}',
        usernameParameter: params.usernameParameter,
      },
      { smsMessage: null, emailMessage: null, emailSubject: null },
    );
  }

  customMessage: Triggers['customMessage'] = async (ctx, params) => {
    const response = await this.customMessageFor(ctx, {
      ...params,
      usernameParameter: params.source === 'CustomMessage_AdminCreateUser' ? '{username}' : null,
    });
    return {
      smsMessage: response.smsMessage ?? '',
      emailMessage: response.emailMessage ?? '',
      emailSubject: response.emailSubject ?? '',
    };
  };

  /** The layer sends every message itself (messages.ts); a custom email sender would need KMS. */
  customEmailSender: Triggers['customEmailSender'] = async () => null;

  postConfirmation: Triggers['postConfirmation'] = async (ctx, params) => {
    const attributes = attributesToRecord(params.userAttributes);
    await this.callForAction(
      ctx,
      'PostConfirmation',
      params,
      {
        userAttributes: confirmationAttributes(params.userAttributes, attributes['cognito:user_status'] ?? 'CONFIRMED'),
      },
      {},
    );
  };

  postAuthentication: Triggers['postAuthentication'] = async (ctx, params) => {
    await this.callForAction(
      ctx,
      'PostAuthentication',
      params,
      { userAttributes: attributesToRecord(params.userAttributes), newDeviceUsed: false },
      {},
    );
  };

  /** PreAuthentication: throws to deny the sign-in. `validationData` is InitiateAuth's `ClientMetadata`. */
  async preAuthentication(
    ctx: Context,
    subject: EventSubject,
    params: { userAttributes: Record<string, string>; validationData?: Record<string, string>; userNotFound?: boolean },
  ): Promise<void> {
    await this.call(
      ctx,
      'PreAuthentication',
      'PreAuthentication_Authentication',
      subject,
      {
        userAttributes: params.userAttributes,
        validationData: params.validationData ?? null,
        ...(params.userNotFound === undefined ? {} : { userNotFound: params.userNotFound }),
      },
      {},
    );
  }

  /** UserMigration with `source` `UserMigration_Authentication` (password given) or `UserMigration_ForgotPassword`. */
  async migrateUser(
    ctx: Context,
    subject: EventSubject,
    params: {
      source: 'UserMigration_Authentication' | 'UserMigration_ForgotPassword';
      password?: string;
      validationData?: Record<string, string>;
      clientMetadata?: Record<string, string>;
    },
  ): Promise<{
    userAttributes?: Record<string, string> | null;
    finalUserStatus?: string | null;
    messageAction?: string | null;
  }> {
    return this.call(
      ctx,
      'UserMigration',
      params.source,
      subject,
      withClientMetadata(
        {
          ...(params.password === undefined ? {} : { password: params.password }),
          validationData: params.validationData ?? null,
        },
        params.clientMetadata,
      ),
      {
        userAttributes: null,
        forceAliasCreation: null,
        enableSMSMFA: null,
        finalUserStatus: null,
        messageAction: null,
        desiredDeliveryMediums: null,
      },
    );
  }

  /** The layer's own migration (users.ts) creates migrated users; cognito-local's actions never ask for it. */
  userMigration: Triggers['userMigration'] = async () => {
    throw new Error('User migration runs through the layer (LocalTriggers.migrateUser).');
  };

  /** PreTokenGeneration in the pool's configured version, or undefined when the pool configures none. */
  async tokenGeneration(ctx: Context, request: TokenGenerationRequest): Promise<TokenGenerationAnswer | undefined> {
    const config = (await this.poolOf(ctx, request.userPoolId)).LambdaConfig;
    if (triggerFunction(config, 'PreTokenGeneration') === undefined) return undefined;
    const version = preTokenGenerationVersion(config);
    const base = {
      userAttributes: request.userAttributes,
      groupConfiguration: request.groupConfiguration,
      ...(version === 'V1_0' ? {} : { scopes: request.scopes }),
    };
    const subject = { userPoolId: request.userPoolId, userName: request.userName, clientId: request.clientId };
    const invoke = <Response extends object>(response: Response) =>
      this.call(
        ctx,
        'PreTokenGeneration',
        `TokenGeneration_${request.source}`,
        subject,
        withClientMetadata(base, request.clientMetadata),
        response,
        TOKEN_EVENT_VERSION[version],
      );
    if (version === 'V1_0') {
      const response = await invoke({ claimsOverrideDetails: null });
      return { version, response: response as { claimsOverrideDetails?: V1ClaimsOverride | null } };
    }
    const response = await invoke({ claimsAndScopeOverrideDetails: null });
    return { version, response: response as { claimsAndScopeOverrideDetails?: V2ClaimsAndScopeOverride | null } };
  }

  /** cognito-local's token generator is replaced by the layer's (tokens.ts), which calls {@link tokenGeneration}. */
  preTokenGeneration: Triggers['preTokenGeneration'] = async () => {
    throw new Error('Token generation runs through the layer (LocalTriggers.tokenGeneration).');
  };

  defineAuthChallenge(ctx: Context, subject: EventSubject, request: ChallengeRequest & { session: ChallengeResult[] }) {
    return this.call<typeof request, DefineAuthChallengeResponse>(
      ctx,
      'DefineAuthChallenge',
      'DefineAuthChallenge_Authentication',
      subject,
      request,
      { challengeName: null, issueTokens: null, failAuthentication: null },
    );
  }

  createAuthChallenge(
    ctx: Context,
    subject: EventSubject,
    request: ChallengeRequest & { challengeName: string; session: ChallengeResult[] },
  ) {
    return this.call<typeof request, CreateAuthChallengeResponse>(
      ctx,
      'CreateAuthChallenge',
      'CreateAuthChallenge_Authentication',
      subject,
      request,
      { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
    );
  }

  verifyAuthChallengeResponse(
    ctx: Context,
    subject: EventSubject,
    request: ChallengeRequest & { privateChallengeParameters: Record<string, string>; challengeAnswer: string },
  ) {
    return this.call<typeof request, { answerCorrect?: boolean | null }>(
      ctx,
      'VerifyAuthChallengeResponse',
      'VerifyAuthChallengeResponse_Authentication',
      subject,
      request,
      { answerCorrect: null },
    );
  }
}
