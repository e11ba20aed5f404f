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

/** One refused field of a form, as `extensions.fields` lists them. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * BAD_USER_INPUT about one or more fields: `field` names the first, and when there are several,
 * `fields` lists every one (`[{ field, message }]`), so a form marks them all at once. The message
 * is the first's.
 */
function invalidFields(problems: readonly FieldProblem[]): UserFacingError {
  const [first] = problems as [FieldProblem, ...FieldProblem[]];
  return new UserFacingError('BAD_USER_INPUT', first.message, { field: first.field, fields: problems });
}

export const errors = {
  badInput: (ctx: Localised, field: string, key: MessageKey, params?: Record<string, string | number>) =>
    invalidFields([{ field, message: translate(ctx.locale, key, params) }]),
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

/** The problems a refused BAD_USER_INPUT is about, when it names fields. */
function problemsOf(error: unknown): FieldProblem[] | null {
  if (!(error instanceof UserFacingError) || error.extensions.code !== 'BAD_USER_INPUT') return null;
  const { field, fields } = error.extensions;
  if (Array.isArray(fields)) return fields as FieldProblem[];
  return typeof field === 'string' ? [{ field, message: error.message }] : null;
}

/**
 * Collects the problems of one form, so a refused mutation names every invalid field, not the first
 * one: checks add to it (`add`, or `check` around a helper that throws on its field), then
 * `throwIfAny` refuses them all at once, before anything is written. The one way services validate
 * a form of several fields.
 */
export class InputProblems {
  readonly #problems: FieldProblem[] = [];

  constructor(private readonly ctx: Localised) {}

  add(field: string, key: MessageKey, params?: Record<string, string | number>): void {
    if (!this.has(field)) this.#problems.push({ field, message: translate(this.ctx.locale, key, params) });
  }

  /** Whether a field already has a problem: a later check about it (end before start) would only add noise. */
  has(field: string): boolean {
    return this.#problems.some((problem) => problem.field === field);
  }

  /** Runs a check that throws BAD_USER_INPUT on its field (requiredText, requiredDate…): its problem is kept, and the value is undefined. */
  check<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      this.#keep(error);
      return undefined;
    }
  }

  async checkAsync<T>(run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      this.#keep(error);
      return undefined;
    }
  }

  #keep(error: unknown): void {
    const problems = problemsOf(error);
    if (!problems) throw error;
    for (const problem of problems) if (!this.has(problem.field)) this.#problems.push(problem);
  }

  throwIfAny(): void {
    if (this.#problems.length > 0) throw invalidFields(this.#problems);
  }
}
