import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AppointmentKind, AppointmentMode, AppointmentPlace, AppointmentStatus, Attendance } from '@jalon/domain';
import { Connection, toGlobalId } from '../../graphql/relay';
import type { Appointment } from './appointment.entity';

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
export class AppointmentAttendeeType {
  @Field(() => ID)
  participantId!: string;

  @Field()
  displayName!: string;

  @Field(() => Attendance)
  attendance!: Attendance;
}

@ObjectType('Appointment')
export class AppointmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => AppointmentKind)
  kind!: AppointmentKind;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field(() => AppointmentMode)
  mode!: AppointmentMode;

  @Field(() => AppointmentPlace, { nullable: true })
  place!: AppointmentPlace | null;

  @Field(() => String, { nullable: true })
  communeCode!: string | null;

  @Field(() => String, { nullable: true })
  videoLink!: string | null;

  @Field(() => AppointmentStatus)
  status!: AppointmentStatus;

  @Field()
  referentName!: string;

  @Field(() => [AppointmentAttendeeType])
  attendees!: AppointmentAttendeeType[];

  @Field(() => Int)
  version!: number;

  /** Expects `referent.user` and `attendees.participant` populated. */
  static from(a: Appointment): AppointmentType {
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
      referentName: a.referent.user.displayName,
      attendees: a.attendees.getItems().map((at) => ({
        participantId: toGlobalId('Participant', at.participant.id),
        displayName: `${at.participant.firstName} ${at.participant.lastName}`,
        attendance: at.attendance,
      })),
      version: a.version,
    };
  }
}

@ObjectType('AppointmentConnection')
export class AppointmentConnection extends Connection(AppointmentType, 'Appointment') {}
