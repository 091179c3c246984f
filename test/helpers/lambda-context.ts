import type { Context } from 'aws-lambda';

/** A Lambda context like the one the runtime passes, with a fixed request id and a budget of `budgetMs` (5 s: a trigger's). */
export function lambdaContext(requestId = 'c6af9ac6-7b61-11e6-9a41-93e812345678', budgetMs = 5_000): Context {
  const deadline = Date.now() + budgetMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'cognito-flows-test-function',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:cognito-flows-test-function',
    memoryLimitInMB: '256',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/cognito-flows-test-function',
    logStreamName: '2026/11/26/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
