import { DriverException } from '@mikro-orm/core';

/** An error as the log shows it. */
export type LoggedError = {
  type: string;
  message: string;
  /** PostgreSQL's SQLSTATE (23505: a unique key taken…), or a system error code. */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack: string;
  cause?: LoggedError;
};

const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_CAUSES = 5;

/**
 * A database error carries personal data: MikroORM's message is the statement with its values,
 * PostgreSQL's `detail` holds the values of a key or a row ("Key (email)=(…) already exists"), and
 * PGlite hangs the query and its parameters on the error.
 */
function isDatabaseError(error: Error & Record<string, unknown>): boolean {
  if (error instanceof DriverException || 'query' in error || 'sql' in error) return true;
  return typeof error.severity === 'string' && typeof error.code === 'string' && SQLSTATE.test(error.code);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * How every error is written to the log (the logger's `err` serializer): its class, message, code
 * and stack, never its other properties. Of a database error the log keeps what an operator needs
 * to find the cause — the class, SQLSTATE, constraint, table, column and where in the code — and
 * neither the message, the query, its parameters nor PostgreSQL's detail.
 */
export function errorForLog(error: Error, depth = 0): LoggedError {
  // Anything may be thrown, and logged under `err`.
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: '' };
  const fields = error as Error & Record<string, unknown>;
  const type = error.constructor.name;
  const cause = error.cause instanceof Error && depth < MAX_CAUSES ? { cause: errorForLog(error.cause, depth + 1) } : {};
  if (!isDatabaseError(fields)) return { type, message: error.message, code: text(fields.code), stack: error.stack ?? '', ...cause };
  return {
    type,
    message: 'database error (its message, with the query and its values, is not logged)',
    code: text(fields.code),
    constraint: text(fields.constraint),
    table: text(fields.table),
    column: text(fields.column),
    // The first lines of a stack repeat the message: the frames alone say where it happened.
    stack: (error.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n'),
    ...cause,
  };
}
