import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { AppointmentConnection, AppointmentType, RecordAttendanceInput, ScheduleAppointmentInput, UpdateAppointmentInput } from './appointment.graphql-types';
import { userNames } from '../../db/user-names.query';
import { PageArgs } from '../../graphql/pagination';
import type { Appointment } from './appointment.entity';
import { toConnection } from '../../graphql/relay';
import { appointmentCursor, listAgenda, listParticipantAppointments, recordAttendance, scheduleAppointment, updateAppointment } from './appointment.service';

/** The appointments as the API shows them, with their referents' names (a partner reads no one's account). */
async function shown(ctx: RequestContext, appointments: Appointment[], participantId?: string): Promise<AppointmentType[]> {
  const names = await userNames(
    ctx,
    appointments.map((a) => a.referent.user.id),
  );
  return appointments.map((appointment) => AppointmentType.from(appointment, names, participantId));
}

@Resolver()
export class AppointmentResolver {
  @Query(() => [AppointmentType], { description: "A referent's agenda between two instants (a day, a week)" })
  @Allow('followParticipants')
  async agenda(
    @Ctx() ctx: RequestContext,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('referentId', () => ID, { nullable: true }) referentId?: string | null,
  ): Promise<AppointmentType[]> {
    return shown(ctx, await listAgenda(ctx, from, to, referentId));
  }

  @Query(() => AppointmentConnection, { description: 'Appointments and sessions of a participant, latest first' })
  @Allow('actInTenant')
  async participantAppointments(
    @Ctx() ctx: RequestContext,
    @Arg('participantId', () => ID) participantId: string,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<AppointmentConnection> {
    const result = await listParticipantAppointments(ctx, participantId, page);
    return toConnection(result, appointmentCursor, await shown(ctx, result.nodes, result.participantId));
  }

  @Mutation(() => AppointmentType, { description: 'Book an individual appointment or a collective session; an overlapping slot is refused' })
  @Allow('followParticipants')
  async scheduleAppointment(@Ctx() ctx: RequestContext, @Arg('input') input: ScheduleAppointmentInput): Promise<AppointmentType> {
    return (await shown(ctx, [await scheduleAppointment(ctx, input)]))[0]!;
  }

  @Mutation(() => AppointmentType, { description: 'Move, cancel or mark as held' })
  @Allow('followParticipants')
  async updateAppointment(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateAppointmentInput): Promise<AppointmentType> {
    return (await shown(ctx, [await updateAppointment(ctx, input)]))[0]!;
  }

  @Mutation(() => AppointmentType)
  @Allow('followParticipants')
  async recordAttendance(@Ctx() ctx: RequestContext, @Arg('input') input: RecordAttendanceInput): Promise<AppointmentType> {
    return (await shown(ctx, [await recordAttendance(ctx, input)]))[0]!;
  }
}
