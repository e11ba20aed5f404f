import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { newestFirstCursor, PageArgs } from '../../graphql/pagination';
import { toConnection } from '../../graphql/relay';
import { listNotifications, markNotificationsRead } from './notification.service';
import { NotificationConnection, NotificationType } from './notification.type';

@Resolver()
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: "My organisation's notifications, newest first" })
  @Allow('actInTenant')
  async notifications(
    @Ctx() ctx: RequestContext,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<NotificationConnection> {
    const result = await listNotifications(ctx, unreadOnly, page);
    return toConnection(result, newestFirstCursor, result.nodes.map(NotificationType.from));
  }

  @Mutation(() => Int, { description: 'Marks these notifications (or all of them) read; returns how many changed' })
  @Allow('actInTenant')
  markNotificationsRead(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID], { nullable: true }) ids?: string[] | null): Promise<number> {
    return markNotificationsRead(ctx, ids ?? null);
  }
}
