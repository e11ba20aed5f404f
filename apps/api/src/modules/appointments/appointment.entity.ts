import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Opt } from '@mikro-orm/core';
import { AppointmentKind, AppointmentMode, AppointmentPlace, AppointmentStatus, Attendance, ConsentMethod } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { OfficeHours } from '../office-hours/office-hours.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Participant } from '../participants/participant.entity';
import { Referral } from '../referrals/referral.entity';
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

  /** Booked in these office hours (a unique index keeps one live booking per referent and start). */
  @ManyToOne(() => OfficeHours, { deleteRule: 'restrict', nullable: true })
  officeHours?: OfficeHours | null;

  /**
   * A resident a partner is referring, booked before she has a file: the appointment has no
   * attendee yet, and her attendance is recorded here.
   */
  @ManyToOne(() => Referral, { deleteRule: 'cascade', nullable: true })
  referral?: Referral | null;

  @Enum({ items: () => Attendance, nativeEnumName: 'attendance', nullable: true })
  referralAttendance?: Attendance | null;

  /** The partner that booked it: it reads this appointment, nothing else of the agenda. */
  @ManyToOne(() => Organisation, { deleteRule: 'restrict', nullable: true })
  bookedByOrganisation?: Organisation | null;

  /** The resident agreed to the booking (and to the referent receiving her): how and when, as for a referral. */
  @Enum({ items: () => ConsentMethod, nativeEnumName: 'consent_method', nullable: true })
  agreementMethod?: ConsentMethod | null;

  @Property({ type: 'date', nullable: true })
  agreedOn?: string | null;

  /** When the resident was reminded by email of the booking (null: not yet, or no address known). */
  @Property({ type: 'timestamptz', nullable: true })
  reminderSentAt?: Date | null;
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
