/**
 * Time budget of every AWS call a trigger makes. Cognito waits 5 seconds for a synchronous trigger and then
 * retries it, so a call may take at most two attempts of ~1.3 s each (connect + response) plus back-off,
 * leaving room for a cold start and the trigger's other work. `throwOnRequestTimeout` is what makes the request
 * timeout end an attempt: without it the SDK only logs a warning and keeps waiting for an endpoint that accepted
 * the connection but never answers. Endpoints can be pointed at local emulators with the SDK's own variables
 * (`AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_SES`, `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`).
 */
export const CLIENT_OPTIONS = {
  maxAttempts: 2,
  requestHandler: {
    connectionTimeout: 300,
    requestTimeout: 1_000,
    throwOnRequestTimeout: true,
  },
} as const;
