import { GraphQLError } from 'graphql';
import { RETRY_AFTER_SECONDS } from '../db/database-unavailable';
import { translate, type Locale, type MessageKey } from '../i18n/messages';

/** The stable codes clients rely on, documented in the README ("The API"). */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

/** An error meant for the person using the portal: its message and extensions are sent as they are. */
export class UserFacingError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

interface Localised {
  locale: Locale;
}

function fail(ctx: Localised, code: ErrorCode, key: MessageKey, extensions: Record<string, unknown> = {}, params: Record<string, string | number> = {}) {
  return new UserFacingError(code, translate(ctx.locale, key, params), extensions);
}

export const errors = {
  badInput: (ctx: Localised, field: string, key: MessageKey, params?: Record<string, string | number>) => fail(ctx, 'BAD_USER_INPUT', key, { field }, params),
  unauthenticated: (ctx: Localised, reason: 'NOT_LOGGED_IN' | 'SESSION_EXPIRED' | 'INVALID_CREDENTIALS') =>
    fail(
      ctx,
      'UNAUTHENTICATED',
      reason === 'SESSION_EXPIRED' ? 'error.sessionExpired' : reason === 'INVALID_CREDENTIALS' ? 'error.invalidCredentials' : 'error.unauthenticated',
      { reason },
    ),
  forbidden: (ctx: Localised, key: MessageKey = 'error.forbidden') => fail(ctx, 'FORBIDDEN', key),
  /** Also for rows of other tenants or not shared: their existence is not revealed. */
  notFound: (ctx: Localised, field?: string) => fail(ctx, 'NOT_FOUND', 'error.notFound', field ? { field } : {}),
  conflict: (ctx: Localised) => fail(ctx, 'CONFLICT', 'error.conflict'),
  /** The database cannot be reached: temporary, and the request wrote nothing it can be sure of (db/database-unavailable.ts). */
  unavailable: (ctx: Localised) => fail(ctx, 'SERVICE_UNAVAILABLE', 'error.serviceUnavailable', { retryAfterSeconds: RETRY_AFTER_SECONDS }),
  rateLimited: (ctx: Localised, key: MessageKey, retryAfterSeconds: number) =>
    fail(ctx, 'RATE_LIMITED', key, { retryAfterSeconds }, { minutes: Math.ceil(retryAfterSeconds / 60) }),
};
