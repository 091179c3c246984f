import type { Context } from 'aws-lambda';
import { type LogContext, logText } from '../logger';

/** The part of the `_X_AMZN_TRACE_ID` header that identifies the trace: `Root=1-5759e988-bd862e3fe1be46a994272793`. */
const TRACE_ROOT = /(?:^|;)Root=([^;]+)/;

/**
 * What Lambda tells an invocation about itself, for every line it logs: the function's name and version, whether
 * the invocation is the first of its container (`coldStart`), and the root of the X-Ray trace id, which Lambda's
 * runtime sets before each invocation (`_X_AMZN_TRACE_ID`), with active tracing or without.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
 */
export function lambdaFields(context: Context, coldStart: boolean): LogContext {
  return {
    functionName: logText(context.functionName),
    functionVersion: logText(context.functionVersion),
    coldStart,
    xRayTraceId: logText(TRACE_ROOT.exec(process.env._X_AMZN_TRACE_ID ?? '')?.[1]),
  };
}
