import { ConnectionException, DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable';

/** An error as node-postgres or Node's sockets raise it: a message and a code. */
function raised(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('a database out of reach', () => {
  it.each([
    ['refused connection (server down)', raised('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['server killed under a query', raised('Connection terminated unexpectedly')],
    ['administrator shutdown, as MikroORM wraps it', new DriverException(raised('terminating connection due to administrator command', '57P01'))],
    ['server still recovering', new ConnectionException(raised('the database system is starting up', '57P03'))],
    ['class 08 connection failure', raised('connection failure', '08006')],
    [
      "the next statement of a transaction whose connection dropped (knex's words)",
      new DriverException(raised('Transaction query already complete, run with DEBUG=knex:tx for more info')),
    ],
    ['the cause of a wrapping error', new Error('could not begin', { cause: raised('read ECONNRESET', 'ECONNRESET') })],
  ])('is recognised: %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new UniqueConstraintViolationException(raised('duplicate key value violates unique constraint', '23505'))],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'participant')")],
    ['not an error at all', 'ECONNREFUSED'],
  ])('is not confused with %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
