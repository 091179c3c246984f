import { triggerFailed, triggerUnreachable, unrecognizableLambdaOutput } from './aws-errors';
import type { TriggerName } from './lambda-config';

/** What every trigger event carries, whatever its source. */
export interface TriggerEventCommon {
  version: string;
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string | null;
  callerContext: { awsSdkVersion: string; clientId: string };
}

/** A trigger event: the common fields, the request, and the response the function fills in. */
export interface TriggerEvent<Request extends object, Response extends object> extends TriggerEventCommon {
  request: Request;
  response: Response;
}

/** Invokes a trigger function with an event and returns the `response` it filled in. */
export type InvokeTrigger = <Request extends object, Response extends object>(
  trigger: TriggerName,
  functionName: string,
  event: TriggerEvent<Request, Response>,
) => Promise<Response>;

/** Where and how triggers are invoked. */
export interface InvokerOptions {
  /** The Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`). */
  endpoint: string;
  /** How long one attempt may take: Cognito waits 5 seconds. */
  attemptTimeoutMs?: number;
  /** Attempts in all when an attempt times out: Cognito makes up to three. */
  attempts?: number;
}

/** Cognito's limit for a synchronous trigger. */
const COGNITO_TRIGGER_TIMEOUT_MS = 5_000;
const COGNITO_TRIGGER_ATTEMPTS = 3;

/** The `clientId` Cognito puts in events of API actions an administrator calls. */
const ADMIN_CLIENT_ID = 'CLIENT_ID_NOT_APPLICABLE';

/** Builds the common part of an event as Cognito does (`version` "1"; PreTokenGeneration V2/V3 pass their own). */
export function eventCommon(
  triggerSource: string,
  { userPoolId, userName, clientId }: { userPoolId: string; userName: string | null; clientId: string | null },
  version = '1',
): TriggerEventCommon {
  return {
    version,
    triggerSource,
    // A pool id is `<region>_<id>`.
    region: userPoolId.split('_')[0] ?? '',
    userPoolId,
    userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: clientId ?? ADMIN_CLIENT_ID },
  };
}

/**
 * Whether fetch gave up on an attempt at its deadline. fetch rejects with a `DOMException`, which is not an `Error`
 * of the caller's realm when the layer runs inside a sandbox such as jest's, so the name alone decides.
 */
function isTimeout(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'TimeoutError' || name === 'AbortError';
}

/**
 * Creates the invoker of trigger functions through the Lambda Invoke API, with Cognito's semantics: an attempt
 * that takes longer than 5 seconds is abandoned and retried (three attempts in all), a thrown error reaches the
 * caller as `UserLambdaValidationException: <Trigger> failed with error <message>.`, and an answer that is not
 * the event is `InvalidLambdaResponseException`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */
export function createTriggerInvoker(options: InvokerOptions): InvokeTrigger {
  const timeoutMs = options.attemptTimeoutMs ?? COGNITO_TRIGGER_TIMEOUT_MS;
  const attempts = options.attempts ?? COGNITO_TRIGGER_ATTEMPTS;

  const attempt = async (functionName: string, payload: string): Promise<Response> =>
    fetch(`${options.endpoint}/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' },
      body: payload,
      signal: AbortSignal.timeout(timeoutMs),
    });

  return async (trigger, functionName, event) => {
    const payload = JSON.stringify(event);
    let answer: Response | undefined;
    for (let left = attempts; answer === undefined; left -= 1) {
      try {
        answer = await attempt(functionName, payload);
      } catch (error) {
        if (!isTimeout(error)) throw triggerUnreachable(trigger, 'ServiceException');
        if (left <= 1) throw triggerUnreachable(trigger, 'Socket timeout exception');
      }
    }
    const text = await answer.text();
    if (answer.status === 404) throw triggerUnreachable(trigger, 'ResourceNotFoundException');
    if (!answer.ok) throw triggerUnreachable(trigger, 'ServiceException');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw unrecognizableLambdaOutput();
    }
    if (answer.headers.get('x-amz-function-error') !== null) {
      const message = (body as { errorMessage?: unknown } | null)?.errorMessage;
      throw triggerFailed(trigger, typeof message === 'string' ? message : 'Unhandled');
    }
    const response = (body as { response?: unknown } | null)?.response;
    if (typeof response !== 'object' || response === null) throw unrecognizableLambdaOutput();
    return response as typeof event.response;
  };
}
