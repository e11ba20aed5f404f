import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { NotificationKind } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Participant } from '../participants/participant.entity';

/** An in-app message to every member of an organisation (a partner losing access to a file, its referral decided). */
@Entity({ tableName: 'notification' })
export class Notification extends TenantOwnedEntity {
  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'text' })
  kind!: NotificationKind;

  /** The person a consent's or a report's news names: the partner is shown it only while it may see them (access/notification-access.ts). */
  @ManyToOne(() => Participant, { deleteRule: 'cascade', nullable: true })
  participant?: Participant | null;

  /** First name and initial, as known when it was sent (the partner may no longer read the file); or a meeting's title and day. */
  @Property({ type: 'text' })
  participantLabel!: string;

  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null;

  /** The month a report reminder is about, 'YYYY-MM'. */
  @Property({ type: 'text', nullable: true })
  period?: string | null;

  /** What a reminder is about (contract and month): the same one is never sent twice. */
  @Property({ type: 'text', nullable: true })
  dedupeKey?: string | null;

  /** When it went out by email to the organisation's members (SMTP configured); null: not yet, or never. */
  @Property({ type: 'timestamptz', nullable: true })
  emailedAt?: Date | null;
}
