import { AppointmentKind, AppointmentMode, AppointmentPlace, AppointmentStatus, DataClass, appointmentDayBounds, isPastStart } from '@jalon/domain';
import { mayReadClass } from '../../access/participant-access';
import { isCommuneCode } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { createOnce } from '../idempotency/idempotency';
import { readableAgendaReferent, mayManageAgendaOf } from '../../access/agenda-access';
import { readableReferents } from '../../access/referent-access';
import { lockForTransaction } from '../../db/advisory-lock';
import { checkDayWithin, dayInFrance } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { afterDescending, pageOf, type PageArgs } from '../../graphql/pagination';
import { encodeCursor, parseGlobalId, type Page } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { optionalText } from '../../graphql/text-input';
import { findParticipant } from '../participants/participant.service';
import { Membership } from '../tenancy/membership.entity';
import { Appointment, AppointmentAttendee } from './appointment.entity';
import type { RecordAttendanceInput, ScheduleAppointmentInput, UpdateAppointmentInput } from './appointment.graphql-types';

const POPULATE = ['referent', 'attendees.participant'] as const;
const MAX_DURATION_MS = 12 * 3_600_000;
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

/** The referent whose agenda it is (see access/agenda-access.ts for who may open which). */
async function agendaOwner(ctx: RequestContext, referentId: string | null | undefined): Promise<Membership> {
  const id = readableAgendaReferent(ctx, referentId);
  const referent = id ? await ctx.em.findOne(Membership, { id, ...readableReferents() }, { populate: ['user'] }) : null;
  if (!referent) throw errors.badInput(ctx, 'referentId', 'error.referentInvalid');
  return referent;
}

/**
 * A real start and end, the end after the start, on a plausible day (packages/domain
 * plausible-dates.ts) unless the start is the one already stored (an old appointment stays editable).
 */
function checkTimes(ctx: RequestContext, problems: InputProblems, startsAt: Date, endsAt: Date, storedStart?: Date): void {
  if (Number.isNaN(startsAt.getTime())) problems.add('startsAt', 'error.dateInvalid');
  else if (startsAt.getTime() !== storedStart?.getTime())
    checkDayWithin(problems, 'startsAt', dayInFrance(startsAt), appointmentDayBounds(dayInFrance(ctx.now)));
  if (Number.isNaN(endsAt.getTime()) || endsAt <= startsAt) problems.add('endsAt', 'error.endBeforeStart');
  else if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) problems.add('endsAt', 'error.appointmentTooLong');
}

/**
 * Refuses a slot that overlaps another live appointment of the same referent. The per-referent
 * lock makes two simultaneous bookings of one slot queue, so the second one sees the first.
 */
async function assertFree(ctx: RequestContext, referent: Membership, startsAt: Date, endsAt: Date, except?: string): Promise<void> {
  await lockForTransaction(ctx.em, `agenda:${referent.id}`);
  const clash = await ctx.em.findOne(
    Appointment,
    {
      referent,
      status: { $ne: AppointmentStatus.CANCELLED },
      startsAt: { $lt: endsAt },
      endsAt: { $gt: startsAt },
      ...(except ? { id: { $ne: except } } : {}),
    },
    { orderBy: { startsAt: 'asc' } },
  );
  if (clash) throw errors.badInput(ctx, 'startsAt', 'error.doubleBooked', { at: timeFormat.format(clash.startsAt) });
}

export function scheduleAppointment(ctx: RequestContext, input: ScheduleAppointmentInput): Promise<Appointment> {
  return createOnce(
    ctx,
    'scheduleAppointment',
    input.idempotencyKey,
    async () => {
      const problems = new InputProblems(ctx);
      checkTimes(ctx, problems, input.startsAt, input.endsAt);
      const title = optionalText(input.title);
      if (input.kind === AppointmentKind.COLLECTIVE && !title) problems.add('title', 'error.required');
      const ids = [...new Set(input.participantIds)];
      if (ids.length === 0 || (input.kind === AppointmentKind.INDIVIDUAL && ids.length !== 1)) problems.add('participantIds', 'error.attendeesCount');
      const place = input.mode === AppointmentMode.IN_PERSON ? input.place : null;
      if (input.mode === AppointmentMode.IN_PERSON && !place) problems.add('place', 'error.required');
      const communeCode = place === AppointmentPlace.LOCAL_OFFICE_HOURS ? optionalText(input.communeCode) : null;
      if (place === AppointmentPlace.LOCAL_OFFICE_HOURS && (!communeCode || !isCommuneCode(communeCode))) problems.add('communeCode', 'error.communeUnknown');
      const videoLink = input.mode === AppointmentMode.VIDEO ? optionalText(input.videoLink) : null;
      if (input.mode === AppointmentMode.VIDEO && !videoLink?.startsWith('https://')) problems.add('videoLink', 'error.videoLinkInvalid');
      problems.throwIfAny();
      const participants = [];
      for (const id of ids) participants.push(await findParticipant(ctx, id, 'participantIds'));
      const referent = await agendaOwner(ctx, input.referentId);
      await assertFree(ctx, referent, input.startsAt, input.endsAt);
      const appointment = ctx.em.create(Appointment, {
        tenant: referent.tenant,
        referent,
        kind: input.kind,
        title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        mode: input.mode,
        place,
        communeCode,
        videoLink,
        // A past appointment is being recorded, not planned: it took place (its attendance is recorded next).
        status: isPastStart(input.startsAt, ctx.now) ? AppointmentStatus.HELD : AppointmentStatus.PLANNED,
      });
      for (const participant of participants) ctx.em.create(AppointmentAttendee, { tenant: referent.tenant, appointment, participant });
      await saveChanges(ctx);
      return appointment;
    },
    (id) => ctx.em.findOne(Appointment, { id }, { populate: POPULATE }),
  );
}

async function findAppointment(ctx: RequestContext, globalId: string, field: string): Promise<Appointment> {
  const id = parseGlobalId(globalId, 'Appointment')?.id;
  const appointment = id ? await ctx.em.findOne(Appointment, { id }, { populate: POPULATE }) : null;
  if (!appointment || !mayManageAgendaOf(ctx, appointment.referent.id)) throw errors.notFound(ctx, field);
  return appointment;
}

export async function updateAppointment(ctx: RequestContext, input: UpdateAppointmentInput): Promise<Appointment> {
  const appointment = await findAppointment(ctx, input.id, 'id');
  if (appointment.version !== input.version) throw errors.conflict(ctx);
  const problems = new InputProblems(ctx);
  checkTimes(ctx, problems, input.startsAt, input.endsAt, appointment.startsAt);
  if (input.status === AppointmentStatus.PLANNED && isPastStart(input.startsAt, ctx.now)) problems.add('status', 'error.appointmentPastPlanned');
  problems.throwIfAny();
  if (input.status !== AppointmentStatus.CANCELLED) await assertFree(ctx, appointment.referent, input.startsAt, input.endsAt, appointment.id);
  ctx.em.assign(appointment, { startsAt: input.startsAt, endsAt: input.endsAt, status: input.status });
  await saveChanges(ctx);
  return appointment;
}

export async function recordAttendance(ctx: RequestContext, input: RecordAttendanceInput): Promise<Appointment> {
  const appointment = await findAppointment(ctx, input.appointmentId, 'appointmentId');
  const participantId = parseGlobalId(input.participantId, 'Participant')?.id;
  const attendee = appointment.attendees.getItems().find((a) => a.participant.id === participantId);
  if (!attendee) throw errors.notFound(ctx, 'participantId');
  if (appointment.startsAt > ctx.now) throw errors.badInput(ctx, 'appointmentId', 'error.attendanceBeforeStart');
  attendee.attendance = input.attendance;
  if (appointment.status === AppointmentStatus.PLANNED) appointment.status = AppointmentStatus.HELD;
  await saveChanges(ctx);
  return appointment;
}

/** A referent's agenda between two instants (her own, or any referent's for the animation team). */
/** An agenda is read a year at a time at most: its export expands office hours into one event a day, and centuries of them held the process. */
export const MAX_AGENDA_DAYS = 366;

export async function listAgenda(ctx: RequestContext, from: Date, to: Date, referentId: string | null | undefined): Promise<Appointment[]> {
  if (!(to > from)) throw errors.badInput(ctx, 'to', 'error.endBeforeStart');
  if (to.getTime() - from.getTime() > MAX_AGENDA_DAYS * 86_400_000) throw errors.badInput(ctx, 'to', 'error.agendaRangeTooLong', { max: MAX_AGENDA_DAYS });
  const referent = await agendaOwner(ctx, referentId);
  return ctx.em.find(Appointment, { referent, startsAt: { $lt: to }, endsAt: { $gt: from } }, { populate: POPULATE, orderBy: { startsAt: 'asc' } });
}

export function appointmentCursor(appointment: Appointment): string {
  return encodeCursor(appointment.startsAt.toISOString(), appointment.id);
}

/** A participant's appointments and sessions, latest first, a page at a time. */
export async function listParticipantAppointments(
  ctx: RequestContext,
  participantId: string,
  args: PageArgs | undefined,
): Promise<Page<Appointment> & { participantId: string }> {
  const participant = await findParticipant(ctx, participantId, 'participantId');
  // A partner not shown this person's appointments gets an empty list: not even their number.
  if (!(await mayReadClass(ctx, participant.id, DataClass.APPOINTMENTS)))
    return { nodes: [], totalCount: 0, hasNextPage: false, endCursor: null, participantId: participant.id };
  // The person's appointments by id first: filtering on the attendees inside the populated, limited
  // query makes it join every appointment of the PLIE with its attendees before narrowing.
  const ids = (await ctx.em.find(AppointmentAttendee, { participant }, { fields: ['appointment'] })).map((a) => a.appointment.id);
  const page = await pageOf(ctx, args, {
    key: 'timestamp',
    fetch: (after, limit) =>
      ctx.em.find(
        Appointment,
        { id: { $in: ids }, ...afterDescending('startsAt', after) },
        { populate: POPULATE, populateWhere: 'all', orderBy: { startsAt: 'desc', id: 'desc' }, limit },
      ),
    count: async () => ids.length,
    cursorOf: appointmentCursor,
  });
  return { ...page, participantId: participant.id };
}
