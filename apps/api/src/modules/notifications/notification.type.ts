import { Field, ObjectType } from 'type-graphql';
import { NotificationKind } from '@jalon/domain';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import type { Notification } from './notification.entity';

@ObjectType('Notification', { implements: Node })
export class NotificationType extends Node {
  readonly __typename = 'Notification';

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field({ description: 'First name and initial of the person concerned; for a meeting, its title and day' })
  participantLabel!: string;

  @Field(() => String, { nullable: true, description: 'The month a report reminder is about, YYYY-MM' })
  period!: string | null;

  @Field()
  at!: Date;

  @Field()
  read!: boolean;

  static from(notification: Notification): NotificationType {
    return Object.assign(new NotificationType(), {
      id: toGlobalId('Notification', notification.id),
      kind: notification.kind,
      participantLabel: notification.participantLabel,
      period: notification.period ?? null,
      at: notification.createdAt,
      read: Boolean(notification.readAt),
    });
  }
}

@ObjectType('NotificationConnection')
export class NotificationConnection extends Connection(NotificationType, 'Notification') {}
