import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AppointmentKind, AppointmentMode, AppointmentPlace, AppointmentStatus, Attendance, DataClass, NEVER_SHARED } from '@jalon/domain';
import type { ConsentSubject, SubjectBearer } from '../../access/consent-scope';
import { Shared, SharedType } from '../../access/field-consent';
import { Connection, toGlobalId } from '../../graphql/relay';
import type { Appointment } from './appointment.entity';
import { MaxLength } from '../../graphql/input-limits';

@InputType()
export class ScheduleAppointmentInput {
  @Field(() => AppointmentKind)
  kind!: AppointmentKind;

  @Field(() => String, { nullable: true, description: 'Required for a collective session' })
  title?: string | null;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field(() => AppointmentMode)
  mode!: AppointmentMode;

  @Field(() => AppointmentPlace, { nullable: true, description: 'Required in person' })
  place?: AppointmentPlace | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune, for local office hours' })
  communeCode?: string | null;

  @MaxLength(500)
  @Field(() => String, { nullable: true, description: 'Required for a video appointment' })
  videoLink?: string | null;

  @Field(() => [ID])
  participantIds!: string[];

  @Field(() => ID, { nullable: true, description: "Whose agenda (animation team); the viewer's own when omitted" })
  referentId?: string | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateAppointmentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field(() => AppointmentStatus)
  status!: AppointmentStatus;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID)
  appointmentId!: string;

  @Field(() => ID)
  participantId!: string;

  @Field(() => Attendance)
  attendance!: Attendance;
}

@ObjectType('AppointmentAttendee')
@SharedType(DataClass.APPOINTMENTS)
export class AppointmentAttendeeType implements SubjectBearer {
  consentSubject!: ConsentSubject;

  @Shared(DataClass.APPOINTMENTS)
  @Field(() => ID)
  participantId!: string;

  @Shared(DataClass.APPOINTMENTS)
  @Field()
  displayName!: string;

  @Shared(DataClass.APPOINTMENTS)
  @Field(() => Attendance)
  attendance!: Attendance;
}

/**
 * An appointment or collective session. Seen from a participant's file (`participantAppointments`),
 * it is that person's data under APPOINTMENTS, and each attendee is its own person's: a partner
 * sees only the attendees whose appointments are shared with it.
 */
@ObjectType('Appointment')
@SharedType(DataClass.APPOINTMENTS)
export class AppointmentType implements SubjectBearer {
  consentSubject!: ConsentSubject;

  @Shared(DataClass.APPOINTMENTS)
  @Field(() => ID)
  id!: string;

  @Shared(DataClass.APPOINTMENTS)
  @Field(() => AppointmentKind)
  kind!: AppointmentKind;

  @Shared(DataClass.APPOINTMENTS)
  @Field(() => String, { nullable: true })
  title!: string | null;

  @Shared(DataClass.APPOINTMENTS)
  @Field()
  startsAt!: Date;

  @Shared(DataClass.APPOINTMENTS)
  @Field()
  endsAt!: Date;

  @Shared(DataClass.APPOINTMENTS)
  @Field(() => AppointmentMode)
  mode!: AppointmentMode;

  @Shared(DataClass.APPOINTMENTS)
  @Field(() => AppointmentPlace, { nullable: true })
  place!: AppointmentPlace | null;

  @Shared(DataClass.APPOINTMENTS)
  @Field(() => String, { nullable: true })
  communeCode!: string | null;

  @Shared(NEVER_SHARED)
  @Field(() => String, { nullable: true })
  videoLink!: string | null;

  @Shared(DataClass.APPOINTMENTS)
  @Field(() => AppointmentStatus)
  status!: AppointmentStatus;

  @Shared(DataClass.APPOINTMENTS)
  @Field()
  referentName!: string;

  @Shared(DataClass.APPOINTMENTS)
  @Field(() => [AppointmentAttendeeType])
  attendees!: AppointmentAttendeeType[];

  @Shared(NEVER_SHARED)
  @Field(() => Int, { nullable: true })
  version!: number | null;

  /**
   * Expects `referent` and `attendees.participant` populated, and the referent's name in `names` (userNames());
   * `participantId`: the file it is seen from (the agenda's first attendee otherwise).
   */
  static from(a: Appointment, names: Map<string, string>, participantId?: string): AppointmentType {
    const attendees = a.attendees.getItems();
    return {
      id: toGlobalId('Appointment', a.id),
      kind: a.kind,
      title: a.title ?? null,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      mode: a.mode,
      place: a.place ?? null,
      communeCode: a.communeCode ?? null,
      videoLink: a.videoLink ?? null,
      status: a.status,
      referentName: names.get(a.referent.user.id) ?? '',
      attendees: attendees.map((at) => ({
        participantId: toGlobalId('Participant', at.participant.id),
        displayName: `${at.participant.firstName} ${at.participant.lastName}`,
        attendance: at.attendance,
        consentSubject: { participantId: at.participant.id, itemClass: DataClass.APPOINTMENTS },
      })),
      version: a.version,
      consentSubject: { participantId: participantId ?? attendees[0]?.participant.id ?? '', itemClass: DataClass.APPOINTMENTS },
    };
  }
}

@ObjectType('AppointmentConnection')
export class AppointmentConnection extends Connection(AppointmentType, 'Appointment') {}
