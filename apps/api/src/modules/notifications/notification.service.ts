import type { RequestContext } from '../../context/request-context';
import { readableNotifications } from '../../access/notification-access';
import { newestFirstPage, type PageArgs } from '../../graphql/pagination';
import { parseGlobalId, type Page } from '../../graphql/relay';
import { Notification } from './notification.entity';

/** The viewer's organisation's notifications it may be shown now (row-level security also keeps them to it). */
export async function listNotifications(ctx: RequestContext, unreadOnly: boolean, args: PageArgs | undefined): Promise<Page<Notification>> {
  const where = { ...(await readableNotifications(ctx)), ...(unreadOnly ? { readAt: null } : {}) };
  return newestFirstPage(ctx, Notification, where, args);
}

export async function markNotificationsRead(ctx: RequestContext, globalIds: string[] | null): Promise<number> {
  const ids = globalIds?.map((id) => parseGlobalId(id, 'Notification')?.id ?? null).filter((id): id is string => id !== null);
  // Only those shown: the count returned must not tell of the others.
  return ctx.em.nativeUpdate(Notification, { ...(await readableNotifications(ctx)), readAt: null, ...(ids ? { id: { $in: ids } } : {}) }, { readAt: ctx.now });
}
