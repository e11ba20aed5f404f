import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AppointmentStatus, Attendance, OfficeHoursClosureReason, withheldRate } from '@jalon/domain';
import { getCommune } from '@jalon/reference-data/node';
import { toGlobalId } from '../../graphql/relay';
import type { Appointment } from '../appointments/appointment.entity';
import type { OfficeHours, OfficeHoursAssignment, OfficeHoursClosure } from './office-hours.entity';
import type { OfficeHoursFigures, SlotWithState } from './office-hours.service';

const communeName = (code: string) => getCommune(code)?.name ?? code;

@ObjectType('OfficeHoursAssignment', { description: 'A referent sent to hold office hours in a member commune, or one of its priority districts' })
export class OfficeHoursAssignmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: "The referent's membership" })
  referentId!: string;

  @Field()
  referentName!: string;

  @Field()
  communeCode!: string;

  @Field()
  communeName!: string;

  @Field(() => String, { nullable: true })
  priorityDistrictCode!: string | null;

  static from(assignment: OfficeHoursAssignment, names: Map<string, string>): OfficeHoursAssignmentType {
    return Object.assign(new OfficeHoursAssignmentType(), {
      id: toGlobalId('OfficeHoursAssignment', assignment.id),
      referentId: toGlobalId('Membership', assignment.referent.id),
      referentName: names.get(assignment.referent.user.id) ?? '',
      communeCode: assignment.communeCode,
      communeName: communeName(assignment.communeCode),
      priorityDistrictCode: assignment.priorityDistrictCode ?? null,
    });
  }
}

@ObjectType('OfficeHoursClosure', { description: 'A day the office hours are not held' })
export class OfficeHoursClosureType {
  @Field(() => LocalDateResolver)
  day!: string;

  @Field(() => OfficeHoursClosureReason)
  reason!: OfficeHoursClosureReason;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType('OfficeHoursSlot', { description: 'One appointment-length slot of the office hours' })
export class OfficeHoursSlotType {
  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field({ description: 'Not started, not booked, and the referent free then' })
  free!: boolean;

  static from(slot: SlotWithState): OfficeHoursSlotType {
    return Object.assign(new OfficeHoursSlotType(), { startsAt: slot.startsAt, endsAt: slot.endsAt, free: slot.free });
  }
}

@ObjectType('OfficeHours', { description: "A referent's weekly office hours (« permanence »), in Paris wall time" })
export class OfficeHoursType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  /** The entity, for the slots field. */
  entity!: OfficeHours;

  @Field(() => ID, { nullable: true, description: 'The assignment it is held under (staff only)' })
  assignmentId!: string | null;

  @Field(() => ID)
  referentId!: string;

  @Field()
  referentName!: string;

  @Field()
  communeCode!: string;

  @Field()
  communeName!: string;

  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday' })
  weekday!: number;

  @Field(() => Int)
  startMinute!: number;

  @Field(() => Int)
  endMinute!: number;

  @Field(() => Int)
  slotMinutes!: number;

  @Field()
  address!: string;

  @Field(() => LocalDateResolver)
  validFrom!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  validUntil!: string | null;

  @Field(() => [OfficeHoursClosureType], { description: 'Days off, from the earliest' })
  closures!: OfficeHoursClosureType[];

  static from(hours: OfficeHours, names: Map<string, string>, closures: OfficeHoursClosure[], staff: boolean): OfficeHoursType {
    return Object.assign(new OfficeHoursType(), {
      id: toGlobalId('OfficeHours', hours.id),
      version: hours.version,
      entity: hours,
      assignmentId: staff ? toGlobalId('OfficeHoursAssignment', hours.assignment.id) : null,
      referentId: toGlobalId('Membership', hours.referent.id),
      referentName: names.get(hours.referent.user.id) ?? '',
      communeCode: hours.communeCode,
      communeName: communeName(hours.communeCode),
      weekday: hours.weekday,
      startMinute: hours.startMinute,
      endMinute: hours.endMinute,
      slotMinutes: hours.slotMinutes,
      address: hours.address,
      validFrom: hours.validFrom,
      validUntil: hours.validUntil ?? null,
      closures: closures
        .filter((c) => c.officeHours.id === hours.id)
        .map((c) => Object.assign(new OfficeHoursClosureType(), { day: c.day, reason: c.reason, note: c.note ?? null })),
    });
  }
}

@ObjectType('OfficeHoursBooking', {
  description: 'An appointment booked in office hours for a referred resident: read by the commune that booked it (its own referral) and by staff',
})
export class OfficeHoursBookingType {
  @Field(() => ID, { description: 'The appointment' })
  id!: string;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field(() => AppointmentStatus)
  status!: AppointmentStatus;

  @Field({ description: 'What the agenda shows: the commune and the person by first name and initial' })
  title!: string;

  @Field()
  address!: string;

  @Field(() => ID, { nullable: true })
  referralId!: string | null;

  @Field(() => Attendance, { nullable: true })
  attendance!: Attendance | null;

  static from(appointment: Appointment): OfficeHoursBookingType {
    return Object.assign(new OfficeHoursBookingType(), {
      id: toGlobalId('Appointment', appointment.id),
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      status: appointment.status,
      title: appointment.title ?? '',
      address: appointment.officeHours?.address ?? '',
      referralId: appointment.referral ? toGlobalId('Referral', appointment.referral.id) : null,
      attendance: appointment.referralAttendance ?? null,
    });
  }
}

@ObjectType('OfficeHoursFigures', { description: "A commune's office hours in aggregate: no count small enough to single someone out" })
export class OfficeHoursFiguresType {
  @Field()
  communeCode!: string;

  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;

  @Field(() => Int, { description: 'Counts below this are withheld (null)' })
  smallestPublished!: number;

  @Field(() => Int, { description: 'Slots offered up to now (published hours, days off left out)' })
  offeredSlots!: number;

  @Field(() => Int, { nullable: true })
  booked!: number | null;

  @Field(() => Int, { nullable: true })
  attended!: number | null;

  @Field(() => Int, { nullable: true, description: 'Booked people who did not come' })
  noShows!: number | null;

  @Field(() => Float, { nullable: true, description: 'Booked slots among those offered, in percent (null: a count is withheld)' })
  occupancyPercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'No-shows among the attendances recorded, in percent (null: a count is withheld)' })
  noShowPercent!: number | null;

  static from(figures: OfficeHoursFigures, smallestPublished: number): OfficeHoursFiguresType {
    return Object.assign(new OfficeHoursFiguresType(), {
      ...figures,
      smallestPublished,
      occupancyPercent: withheldRate(figures.booked, figures.offeredSlots),
      noShowPercent: withheldRate(figures.noShows, figures.recorded),
    });
  }
}

@ObjectType('OfficeHoursCalendarLink', { description: "The commune's private calendar link; the address is shown once, when created" })
export class OfficeHoursCalendarLinkType {
  @Field()
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'The subscription address: only in the answer that creates it' })
  url!: string | null;
}
