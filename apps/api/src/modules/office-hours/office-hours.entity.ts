import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { OfficeHoursClosureReason } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Membership } from '../tenancy/membership.entity';
import { User } from '../users/user.entity';

/** The animation team sends a referent to hold office hours in a member commune, or in one of its priority districts. */
@Entity({ tableName: 'office_hours_assignment' })
@Index({ properties: ['referent'] })
export class OfficeHoursAssignment extends TenantOwnedEntity {
  @ManyToOne(() => Membership, { deleteRule: 'restrict' })
  referent!: Membership;

  /** INSEE code of the commune (reference data). */
  @Property({ type: 'text' })
  communeCode!: string;

  /** A priority district (QPV) of the tenant lying in that commune, or null: the commune at large. */
  @Property({ type: 'text', nullable: true })
  priorityDistrictCode?: string | null;
}

/** A referent's weekly office hours where she is assigned, in Paris wall time. */
@Entity({ tableName: 'office_hours' })
@Index({ properties: ['communeCode'] })
export class OfficeHours extends TenantOwnedEntity {
  @ManyToOne(() => OfficeHoursAssignment, { deleteRule: 'restrict' })
  assignment!: OfficeHoursAssignment;

  @ManyToOne(() => Membership, { deleteRule: 'restrict' })
  referent!: Membership;

  /** The assignment's commune, kept on the row: row-level security shows it to that commune. */
  @Property({ type: 'text' })
  communeCode!: string;

  /** ISO weekday: 1 Monday … 7 Sunday. */
  @Property({ type: 'smallint' })
  weekday!: number;

  @Property({ type: 'smallint' })
  startMinute!: number;

  @Property({ type: 'smallint' })
  endMinute!: number;

  @Property({ type: 'smallint' })
  slotMinutes!: number;

  /** Where residents come: « CCAS, 3 rue Jean-Jaurès ». */
  @Property({ type: 'text' })
  address!: string;

  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  validUntil?: string | null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** A day the office hours are not held: a public holiday, or one date cancelled. */
@Entity({ tableName: 'office_hours_closure' })
@Unique({ properties: ['officeHours', 'day'] })
export class OfficeHoursClosure extends TenantOwnedEntity {
  @ManyToOne(() => OfficeHours, { deleteRule: 'cascade' })
  officeHours!: OfficeHours;

  @Property({ type: 'date' })
  day!: string;

  @Enum({ items: () => OfficeHoursClosureReason, nativeEnumName: 'office_hours_closure_reason' })
  reason!: OfficeHoursClosureReason;

  @Property({ type: 'text', nullable: true })
  note?: string | null;
}

/** A commune's private link to its office hours' calendar: only the hash of its token is kept. */
@Entity({ tableName: 'office_hours_calendar_link' })
export class OfficeHoursCalendarLink extends TenantOwnedEntity {
  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  createdBy!: User;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
