import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { RequestContext } from '../context/request-context';
import type { MessageKey } from '../i18n/messages';
import { errors } from './errors';

/**
 * Flushes the request's changes, turning the database's refusals into errors people understand:
 * a stale version is a CONFLICT; a unique constraint, when the caller names the field it guards,
 * is BAD_USER_INPUT on that field, else a CONFLICT (someone created the same thing meanwhile).
 */
export async function saveChanges(ctx: RequestContext, unique?: { field: string; message: MessageKey }): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw errors.conflict(ctx);
    if (error instanceof UniqueConstraintViolationException) throw unique ? errors.badInput(ctx, unique.field, unique.message) : errors.conflict(ctx);
    throw error;
  }
}
