import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { AppointmentConnection, AppointmentType, RecordAttendanceInput, ScheduleAppointmentInput, UpdateAppointmentInput } from './appointment.graphql-types';
import { PageArgs } from '../../graphql/pagination';
import { toConnection } from '../../graphql/relay';
import { appointmentCursor, listAgenda, listParticipantAppointments, recordAttendance, scheduleAppointment, updateAppointment } from './appointment.service';

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
    return (await listAgenda(ctx, from, to, referentId)).map((appointment) => AppointmentType.from(appointment));
  }

  @Query(() => AppointmentConnection, { description: 'Appointments and sessions of a participant, latest first' })
  @Allow('actInTenant')
  async participantAppointments(
    @Ctx() ctx: RequestContext,
    @Arg('participantId', () => ID) participantId: string,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<AppointmentConnection> {
    const result = await listParticipantAppointments(ctx, participantId, page);
    return toConnection(
      result,
      appointmentCursor,
      result.nodes.map((appointment) => AppointmentType.from(appointment, result.participantId)),
    );
  }

  @Mutation(() => AppointmentType, { description: 'Book an individual appointment or a collective session; an overlapping slot is refused' })
  @Allow('followParticipants')
  async scheduleAppointment(@Ctx() ctx: RequestContext, @Arg('input') input: ScheduleAppointmentInput): Promise<AppointmentType> {
    return AppointmentType.from(await scheduleAppointment(ctx, input));
  }

  @Mutation(() => AppointmentType, { description: 'Move, cancel or mark as held' })
  @Allow('followParticipants')
  async updateAppointment(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateAppointmentInput): Promise<AppointmentType> {
    return AppointmentType.from(await updateAppointment(ctx, input));
  }

  @Mutation(() => AppointmentType)
  @Allow('followParticipants')
  async recordAttendance(@Ctx() ctx: RequestContext, @Arg('input') input: RecordAttendanceInput): Promise<AppointmentType> {
    return AppointmentType.from(await recordAttendance(ctx, input));
  }
}
