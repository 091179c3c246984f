import type { Services } from 'cognito-local/lib/services';
import type { AppClient } from 'cognito-local/lib/services/appClient';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService';
import type { Context } from 'cognito-local/lib/services/context';
import type { UserPoolService } from 'cognito-local/lib/services/userPoolService';
import type { ChallengeSessions } from './challenge-sessions';
import type { LocalMessages } from './messages';
import type { TokenService } from './tokens';
import type { LocalTriggers } from './triggers';

/** The layer's services: cognito-local's (for the API actions it keeps) and the layer's own. */
export interface Layer {
  /** What cognito-local's API actions are built with, its token generator, triggers and messages replaced. */
  services: Services;
  cognito: CognitoService;
  triggers: LocalTriggers;
  tokens: TokenService;
  messages: LocalMessages;
  sessions: ChallengeSessions;
  /** The next confirmation or sign-in code. */
  otp: () => string;
}

/** One API call of an app client: the layer, the client and its pool. */
export interface ClientCall {
  ctx: Context;
  layer: Layer;
  userPool: UserPoolService;
  client: AppClient;
}

/** An API action the layer answers itself: the request body in, the response body out. */
export type LayerTarget = (ctx: Context, layer: Layer, request: Record<string, unknown>) => Promise<object>;
