/*
 * Stands in for shared/middleware/lambda-fields.ts in the bench's builds without observability: the log lines carry
 * only the fields they carried before (trigger source, pool, client, request id).
 */
import type { LogContext } from '@shared/logger';

export function lambdaFields(): LogContext {
  return {};
}
