import type { RequestContext } from '../../context/request-context';
import { activeMembership } from '../../access/tenant-scope';
import { afterDescending, pageOf, type PageArgs } from '../../graphql/pagination';
import { encodeCursor, parseGlobalId, type Page } from '../../graphql/relay';
import { Notification } from './notification.entity';

export function notificationCursor(notification: Notification): string {
  return encodeCursor(notification.createdAt.toISOString(), notification.id);
}

/** The viewer's organisation's notifications (row-level security also keeps them to it). */
export function listNotifications(ctx: RequestContext, unreadOnly: boolean, args: PageArgs | undefined): Promise<Page<Notification>> {
  const where = { organisation: activeMembership(ctx).organisationId, ...(unreadOnly ? { readAt: null } : {}) };
  return pageOf(ctx, args, {
    fetch: (after, limit) =>
      ctx.em.find(Notification, { $and: [where, afterDescending('createdAt', after)] }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit }),
    count: () => ctx.em.count(Notification, where),
    cursorOf: notificationCursor,
  });
}

export async function markNotificationsRead(ctx: RequestContext, globalIds: string[] | null): Promise<number> {
  const ids = globalIds?.map((id) => parseGlobalId(id, 'Notification')?.id ?? null).filter((id): id is string => id !== null);
  return ctx.em.nativeUpdate(
    Notification,
    { organisation: activeMembership(ctx).organisationId, readAt: null, ...(ids ? { id: { $in: ids } } : {}) },
    { readAt: ctx.now },
  );
}
