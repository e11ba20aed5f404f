import { ServerError, type ApolloLink, type ErrorLike } from '@apollo/client';
import { RetryLink } from '@apollo/client/link/retry';

/** Attempts of one operation, the first included; with the delays below, about 7 s of trying. */
export const MAX_ATTEMPTS = 4;

/**
 * The API is out of reach for a moment: it said so (503, SERVICE_UNAVAILABLE, while its database
 * restarts), or the request never got an answer (network down, server restarting).
 */
export function isTemporaryFailure(error: ErrorLike): boolean {
  if (ServerError.is(error)) return error.statusCode === 503;
  // fetch rejects with a TypeError when no answer came at all.
  return error.name === 'TypeError';
}

/** Whether the variables carry an idempotency key, at the top or in `input`: then a retry never creates twice. */
function carriesIdempotencyKey(variables: Record<string, unknown>): boolean {
  const input = variables.input;
  return (
    typeof variables.idempotencyKey === 'string' ||
    (typeof input === 'object' && input !== null && typeof (input as Record<string, unknown>).idempotencyKey === 'string')
  );
}

/**
 * A read may be retried as it is. A write may be retried only when it cannot apply twice: a create
 * with its idempotency key (an update carries its `version` and would be refused as a CONFLICT,
 * which the person must see rather than an automatic retry hide).
 */
export function mayRetry(operation: ApolloLink.Operation): boolean {
  if (operation.operationType === 'query') return true;
  return operation.operationType === 'mutation' && carriesIdempotencyKey(operation.variables);
}

/** Retries what is safe to retry after a temporary failure, with a growing, jittered delay; the last failure then reaches the screen. */
export const retryLink = new RetryLink({
  delay: { initial: 500, max: 4000, jitter: true },
  attempts: { max: MAX_ATTEMPTS, retryIf: (error, operation) => isTemporaryFailure(error) && mayRetry(operation) },
});
