import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Opt } from '@mikro-orm/core';
import { AppointmentKind, AppointmentMode, AppointmentPlace, AppointmentStatus, Attendance } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Participant } from '../participants/participant.entity';
import { Membership } from '../tenancy/membership.entity';

/** An individual appointment or a collective session, in a referent's agenda. */
@Entity({ tableName: 'appointment' })
@Index({ properties: ['referent', 'startsAt'] })
export class Appointment extends TenantOwnedEntity {
  @ManyToOne(() => Membership, { deleteRule: 'restrict' })
  referent!: Membership;

  @Enum({ items: () => AppointmentKind, nativeEnumName: 'appointment_kind' })
  kind!: AppointmentKind;

  /** For collective sessions (e.g. "Atelier CV"); optional for individual appointments. */
  @Property({ type: 'text', nullable: true })
  title?: string | null;

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  @Enum({ items: () => AppointmentMode, nativeEnumName: 'appointment_mode' })
  mode!: AppointmentMode;

  @Enum({ items: () => AppointmentPlace, nativeEnumName: 'appointment_place', nullable: true })
  place?: AppointmentPlace | null;

  /** INSEE code of the commune hosting the local office hours. */
  @Property({ type: 'text', nullable: true })
  communeCode?: string | null;

  @Property({ type: 'text', nullable: true })
  videoLink?: string | null;

  @Enum({ items: () => AppointmentStatus, nativeEnumName: 'appointment_status' })
  status: AppointmentStatus & Opt = AppointmentStatus.PLANNED;

  @OneToMany(() => AppointmentAttendee, (a) => a.appointment, { orphanRemoval: true })
  attendees = new Collection<AppointmentAttendee>(this);
}

@Entity({ tableName: 'appointment_attendee' })
@Index({ properties: ['participant'] })
export class AppointmentAttendee extends TenantOwnedEntity {
  @ManyToOne(() => Appointment, { deleteRule: 'cascade' })
  appointment!: Appointment;

  @ManyToOne(() => Participant, { deleteRule: 'cascade' })
  participant!: Participant;

  @Enum({ items: () => Attendance, nativeEnumName: 'attendance' })
  attendance: Attendance & Opt = Attendance.EXPECTED;
}
