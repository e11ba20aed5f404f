import type { RequestContext } from '../../context/request-context';
import { lockForTransaction } from '../../db/advisory-lock';
import { errors } from '../../graphql/errors';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { activeMembership } from '../../access/tenant-scope';

const KEY = /^[\w-]{8,100}$/;

/**
 * Runs a create at most once per idempotency key of the user in the tenant: a retry with the same key gets
 * what the first call created, loaded by `find` (which must load everything the answer reads, as
 * the first call had it in memory). Without a key, it just creates.
 *
 * The key is locked for the request's transaction before it is looked up: a retry sent while its
 * first attempt is still running waits for that attempt to commit (then replays its answer) or
 * to roll back (then creates), instead of being refused by what the first attempt is writing.
 */
export async function createOnce<T extends { id: string }>(
  ctx: RequestContext,
  operation: string,
  key: string | null | undefined,
  create: () => Promise<T>,
  find: (id: string) => Promise<T | null>,
): Promise<T> {
  if (!key) return create();
  if (!KEY.test(key)) throw errors.badInput(ctx, 'idempotencyKey', 'error.idempotencyKeyInvalid');
  const { tenantId } = activeMembership(ctx);
  const userId = ctx.actor!.userId;
  await lockForTransaction(ctx.em, `idempotency:${tenantId}:${userId}:${key}`);
  const previous = await ctx.em.findOne(IdempotencyKey, { tenant: tenantId, user: userId, key });
  if (previous) {
    if (previous.operation !== operation) throw errors.badInput(ctx, 'idempotencyKey', 'error.idempotencyKeyReused');
    const result = await find(previous.resultId);
    if (!result) throw errors.notFound(ctx, 'idempotencyKey');
    return result;
  }
  const result = await create();
  ctx.em.create(IdempotencyKey, {
    tenant: ctx.em.getReference(Tenant, tenantId),
    user: ctx.em.getReference(User, userId),
    key,
    operation,
    resultId: result.id,
  });
  await ctx.em.flush();
  return result;
}

/** createOnce for an operation that creates several rows at once (a month's reports): a retry gets them again, from `findAgain`. */
export async function createManyOnce<T extends { id: string }>(
  ctx: RequestContext,
  operation: string,
  key: string | null | undefined,
  create: () => Promise<T[]>,
  findAgain: () => Promise<T[]>,
): Promise<T[]> {
  const created = await createOnce(
    ctx,
    operation,
    key,
    async () => {
      const rows = await create();
      return { id: rows[0]!.id, rows };
    },
    async (id) => ({ id, rows: await findAgain() }),
  );
  return created.rows;
}
