import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { User } from '../users/user.entity';
import { Participant } from './participant.entity';

/** A dated note of the referent's journal: staff only, never shown nor exported to partners. */
@Entity({ tableName: 'journal_entry' })
@Index({ properties: ['participant', 'day'] })
export class JournalEntry extends TenantOwnedEntity {
  @ManyToOne(() => Participant, { deleteRule: 'cascade' })
  participant!: Participant;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;

  /** The day the note is about. */
  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'text' })
  text!: string;
}
