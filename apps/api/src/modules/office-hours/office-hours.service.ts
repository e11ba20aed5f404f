import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  AppointmentKind,
  AppointmentMode,
  AppointmentPlace,
  AppointmentStatus,
  Attendance,
  OFFICE_HOURS_BOOKING_DAYS,
  addDays,
  freeSlots,
  isOpenReferral,
  officeHoursDays,
  officeHoursProblems,
  officeHoursSlots,
  type OfficeHoursSlot,
} from '@jalon/domain';
import { getCommune, isCommuneCode } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { actsForCommune, bookingCommune, officeHoursReferent } from '../../access/office-hours-access';
import { mayManageAgendaOf } from '../../access/agenda-access';
import { readableReferents } from '../../access/referent-access';
import { activeMembership } from '../../access/tenant-scope';
import { newSecretToken } from '../../access/secret-token';
import { lockForTransaction } from '../../db/advisory-lock';
import { checkDayWithin, dayInFrance, optionalDate, requiredDate, startOfDayInFrance, todayInFrance } from '../../graphql/date-input';
import { errors, InputProblems, UserFacingError } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { optionalText } from '../../graphql/text-input';
import { translate } from '../../i18n/messages';
import { createOnce } from '../idempotency/idempotency';
import { Appointment } from '../appointments/appointment.entity';
import { Organisation } from '../organisations/organisation.entity';
import { PriorityDistrict } from '../priority-districts/priority-district.entity';
import { Referral, ReferralSubmission } from '../referrals/referral.entity';
import { Membership } from '../tenancy/membership.entity';
import { User } from '../users/user.entity';
import { OfficeHours, OfficeHoursAssignment, OfficeHoursCalendarLink, OfficeHoursClosure } from './office-hours.entity';
import type {
  AssignReferentInput,
  BookOfficeHoursSlotInput,
  CloseOfficeHoursDayInput,
  OfficeHoursDetailsInput,
  PublishOfficeHoursInput,
  UpdateOfficeHoursInput,
} from './office-hours.inputs';
import { busyTimes, officeHoursFigureRows } from './office-hours.query';

const PROBLEM_MESSAGES = {
  weekday: 'officeHours.weekday',
  startMinute: 'officeHours.startMinute',
  endMinute: 'officeHours.endMinute',
  slotMinutes: 'officeHours.slotMinutes',
  validUntil: 'officeHours.validUntil',
} as const;

// ─── Assignments (the animation team) ────────────────────────────────────────

export function listAssignments(ctx: RequestContext): Promise<OfficeHoursAssignment[]> {
  return ctx.em.find(OfficeHoursAssignment, {}, { populate: ['referent.user'], orderBy: { communeCode: 'asc', createdAt: 'asc' } });
}

export function assignReferent(ctx: RequestContext, input: AssignReferentInput): Promise<OfficeHoursAssignment> {
  return createOnce(
    ctx,
    'assignOfficeHoursReferent',
    input.idempotencyKey,
    async () => {
      const problems = new InputProblems(ctx);
      const communeCode = input.communeCode.trim();
      if (!isCommuneCode(communeCode)) problems.add('communeCode', 'error.communeUnknown');
      const districtCode = optionalText(input.priorityDistrictCode)?.toUpperCase() ?? null;
      if (districtCode && !problems.has('communeCode')) {
        const district = await ctx.em.findOne(PriorityDistrict, { code: districtCode });
        if (!district?.communeCodes.includes(communeCode)) problems.add('priorityDistrictCode', 'officeHours.districtOutsideCommune');
      }
      const referentId = parseGlobalId(input.referentId, 'Membership')?.id;
      const referent = referentId ? await ctx.em.findOne(Membership, { id: referentId, ...readableReferents() }) : null;
      if (!referent) problems.add('referentId', 'error.referentInvalid');
      problems.throwIfAny();
      const assignment = ctx.em.create(OfficeHoursAssignment, {
        tenant: referent!.tenant,
        referent: referent!,
        communeCode,
        priorityDistrictCode: districtCode,
      });
      await saveChanges(ctx, { field: 'communeCode', message: 'officeHours.alreadyAssigned' });
      return assignment;
    },
    (id) => ctx.em.findOne(OfficeHoursAssignment, { id }, { populate: ['referent.user'] }),
  );
}

export async function removeAssignment(ctx: RequestContext, globalId: string): Promise<string> {
  const id = parseGlobalId(globalId, 'OfficeHoursAssignment')?.id;
  const assignment = id ? await ctx.em.findOne(OfficeHoursAssignment, { id }) : null;
  if (!assignment) throw errors.notFound(ctx, 'id');
  if ((await ctx.em.count(OfficeHours, { assignment })) > 0) throw errors.badInput(ctx, 'id', 'officeHours.assignmentInUse');
  ctx.em.remove(assignment);
  await saveChanges(ctx);
  return globalId;
}

// ─── Office hours (the referent) ─────────────────────────────────────────────

/** The office hours the viewer reads: a commune its own commune's; a referent hers; the animation team everyone's, or the referent it names. */
export async function listOfficeHours(ctx: RequestContext, referentId?: string | null): Promise<OfficeHours[]> {
  if (actsForCommune(ctx)) {
    const communeCode = await bookingCommune(ctx);
    return ctx.em.find(OfficeHours, { communeCode }, { populate: ['referent'], orderBy: { weekday: 'asc', startMinute: 'asc' } });
  }
  const referent = officeHoursReferent(ctx, referentId);
  return ctx.em.find(OfficeHours, referent ? { referent: referent } : {}, {
    populate: ['referent', 'assignment'],
    orderBy: { communeCode: 'asc', weekday: 'asc', startMinute: 'asc' },
  });
}

function checkDetails(
  ctx: RequestContext,
  input: OfficeHoursDetailsInput,
  problems: InputProblems,
): { weekday: number; startMinute: number; endMinute: number; slotMinutes: number; validFrom: string; validUntil: string | null; address: string } {
  const validFrom = problems.check(() => requiredDate(ctx, 'validFrom', input.validFrom));
  const validUntil = problems.check(() => optionalDate(ctx, 'validUntil', input.validUntil));
  const found = officeHoursProblems({ ...input, validFrom: validFrom ?? '0000-01-01', validUntil: validUntil ?? null });
  for (const [field, problem] of Object.entries(found) as Array<[keyof typeof PROBLEM_MESSAGES, string]>)
    problems.add(field, problem === 'LONGER_THAN_HOURS' ? 'officeHours.slotLongerThanHours' : PROBLEM_MESSAGES[field]);
  const today = todayInFrance(ctx.now);
  if (validFrom) checkDayWithin(problems, 'validFrom', validFrom, { earliest: addDays(today, -366), latest: addDays(today, 366) });
  if (validUntil) checkDayWithin(problems, 'validUntil', validUntil, { earliest: null, latest: addDays(today, 3 * 366) });
  const address = optionalText(input.address);
  if (!address) problems.add('address', 'error.required');
  // Read once problems.throwIfAny() passed: then every field is there.
  const { weekday, startMinute, endMinute, slotMinutes } = input;
  return { weekday, startMinute, endMinute, slotMinutes, validFrom: validFrom ?? '', validUntil: validUntil ?? null, address: address ?? '' };
}

export function publishOfficeHours(ctx: RequestContext, input: PublishOfficeHoursInput): Promise<OfficeHours> {
  return createOnce(
    ctx,
    'publishOfficeHours',
    input.idempotencyKey,
    async () => {
      const problems = new InputProblems(ctx);
      const details = checkDetails(ctx, input, problems);
      const assignmentId = parseGlobalId(input.assignmentId, 'OfficeHoursAssignment')?.id;
      const assignment = assignmentId ? await ctx.em.findOne(OfficeHoursAssignment, { id: assignmentId }, { populate: ['referent'] }) : null;
      // Only where she is assigned, and only her own (the animation team: anyone's).
      if (!assignment || !mayManageAgendaOf(ctx, assignment.referent.id)) problems.add('assignmentId', 'officeHours.notAssigned');
      problems.throwIfAny();
      const hours = ctx.em.create(OfficeHours, {
        tenant: assignment!.tenant,
        assignment: assignment!,
        referent: assignment!.referent,
        communeCode: assignment!.communeCode,
        ...details,
      });
      await saveChanges(ctx);
      return hours;
    },
    (id) => ctx.em.findOne(OfficeHours, { id }, { populate: ['referent', 'assignment'] }),
  );
}

async function managedOfficeHours(ctx: RequestContext, globalId: string, field: string): Promise<OfficeHours> {
  const id = parseGlobalId(globalId, 'OfficeHours')?.id;
  const hours = id && !actsForCommune(ctx) ? await ctx.em.findOne(OfficeHours, { id }, { populate: ['referent', 'assignment'] }) : null;
  if (!hours || !mayManageAgendaOf(ctx, hours.referent.id)) throw errors.notFound(ctx, field);
  return hours;
}

/** Changes the hours from now on (bookings already made stay as they are). */
export async function updateOfficeHours(ctx: RequestContext, input: UpdateOfficeHoursInput): Promise<OfficeHours> {
  const hours = await managedOfficeHours(ctx, input.id, 'id');
  if (hours.version !== input.version) throw errors.conflict(ctx);
  const problems = new InputProblems(ctx);
  const details = checkDetails(ctx, input, problems);
  problems.throwIfAny();
  ctx.em.assign(hours, details);
  await saveChanges(ctx);
  return hours;
}

/** A day off: a public holiday, or that one date cancelled. Refused while bookings stand that day. */
export async function closeOfficeHoursDay(ctx: RequestContext, input: CloseOfficeHoursDayInput): Promise<OfficeHours> {
  const hours = await managedOfficeHours(ctx, input.officeHoursId, 'officeHoursId');
  const problems = new InputProblems(ctx);
  const day = problems.check(() => requiredDate(ctx, 'day', input.day));
  const today = todayInFrance(ctx.now);
  // A day off is planned ahead, within the years the PLIE plans for; not in the past.
  if (day) checkDayWithin(problems, 'day', day, { earliest: today, latest: addDays(today, 3 * 366) });
  if (day && !problems.has('day') && officeHoursDays(hours, day, day, new Set()).length === 0) problems.add('day', 'officeHours.dayNotHeld');
  problems.throwIfAny();
  await lockForTransaction(ctx.em, `agenda:${hours.referent.id}`);
  const booked = await ctx.em.count(Appointment, {
    officeHours: hours,
    status: { $ne: AppointmentStatus.CANCELLED },
    startsAt: { $gte: startOfDayInFrance(day!), $lt: startOfDayInFrance(day!, 1) },
  });
  if (booked > 0) throw errors.badInput(ctx, 'day', 'officeHours.bookedDayClosed');
  ctx.em.create(OfficeHoursClosure, { tenant: hours.tenant, officeHours: hours, day: day!, reason: input.reason, note: optionalText(input.note) });
  await saveChanges(ctx, { field: 'day', message: 'officeHours.dayNotHeld' });
  return hours;
}

export async function reopenOfficeHoursDay(ctx: RequestContext, officeHoursId: string, day: string): Promise<OfficeHours> {
  const hours = await managedOfficeHours(ctx, officeHoursId, 'officeHoursId');
  await ctx.em.nativeDelete(OfficeHoursClosure, { officeHours: hours, day: requiredDate(ctx, 'day', day) });
  return hours;
}

export function closuresOf(ctx: RequestContext, hours: OfficeHours[]): Promise<OfficeHoursClosure[]> {
  return ctx.em.find(OfficeHoursClosure, { officeHours: { $in: hours.map((h) => h.id) } }, { orderBy: { day: 'asc' } });
}

// ─── Free slots and booking (the commune) ───────────────────────────────────

export interface SlotWithState extends OfficeHoursSlot {
  free: boolean;
}

/** The office hours' slots over `days` days from `from`, each free or not (started, taken, or the referent busy then). */
export async function slotsOf(ctx: RequestContext, hours: OfficeHours, from: string, days: number): Promise<SlotWithState[]> {
  const to = addDays(from, days - 1);
  const closed = new Set((await ctx.em.find(OfficeHoursClosure, { officeHours: hours, day: { $gte: from, $lte: to } })).map((c) => c.day));
  const slots = officeHoursSlots(hours, from, to, closed);
  if (slots.length === 0) return [];
  const busy = await busyTimes(ctx.em, hours.id, slots[0]!.startsAt, slots.at(-1)!.endsAt);
  const free = new Set(freeSlots(slots, busy, ctx.now).map((s) => s.startsAt.getTime()));
  return slots.map((slot) => ({ ...slot, free: free.has(slot.startsAt.getTime()) }));
}

export async function readableOfficeHours(ctx: RequestContext, globalId: string, field: string): Promise<OfficeHours> {
  const id = parseGlobalId(globalId, 'OfficeHours')?.id;
  // Row-level security shows a commune its own commune's office hours only; staff read every one of the tenant.
  const hours = id ? await ctx.em.findOne(OfficeHours, { id }, { populate: ['referent'] }) : null;
  if (!hours || (actsForCommune(ctx) && hours.communeCode !== (await bookingCommune(ctx)))) throw errors.notFound(ctx, field);
  return hours;
}

function slotTaken(ctx: RequestContext): UserFacingError {
  return new UserFacingError('CONFLICT', translate(ctx.locale, 'officeHours.slotTaken'), { field: 'startsAt', reason: 'SLOT_TAKEN' });
}

/**
 * A commune books a free slot for a resident it is referring, with her recorded agreement: the
 * appointment goes into the referent's agenda, linked to the referral. The unique index on
 * (referent, start) of live bookings makes the slot taken for everyone at once.
 */
export function bookOfficeHoursSlot(ctx: RequestContext, input: BookOfficeHoursSlotInput): Promise<Appointment> {
  return createOnce(
    ctx,
    'bookOfficeHoursSlot',
    input.idempotencyKey,
    async () => {
      const communeCode = await bookingCommune(ctx);
      const hours = await readableOfficeHours(ctx, input.officeHoursId, 'officeHoursId');
      const problems = new InputProblems(ctx);
      const referralId = parseGlobalId(input.referralId, 'Referral')?.id;
      const organisationId = activeMembership(ctx).organisationId;
      // Its own referral only: the one its organisation submitted (row-level security shows it no other).
      const submission = referralId
        ? await ctx.em.findOne(ReferralSubmission, { referral: referralId, organisation: organisationId }, { orderBy: { submittedAt: 'desc' } })
        : null;
      if (!submission) problems.add('referralId', 'error.notFound');
      else if (!isOpenReferral(submission.status)) problems.add('referralId', 'officeHours.referralClosed');
      const agreedOn = problems.check(() => requiredDate(ctx, 'agreedOn', input.agreedOn));
      if (!input.agreementMethod) problems.add('agreementMethod', 'officeHours.agreementRequired');
      if (agreedOn) checkDayWithin(problems, 'agreedOn', agreedOn, { earliest: addDays(todayInFrance(ctx.now), -366), latest: todayInFrance(ctx.now) });
      const startsAt = input.startsAt;
      const day = Number.isNaN(startsAt.getTime()) ? null : dayInFrance(startsAt);
      const slots = day ? await slotsOf(ctx, hours, day, 1) : [];
      const slot = slots.find((s) => s.startsAt.getTime() === startsAt.getTime());
      const horizon = addDays(todayInFrance(ctx.now), OFFICE_HOURS_BOOKING_DAYS);
      if (!slot || startsAt <= ctx.now || day! > horizon) problems.add('startsAt', 'officeHours.notASlot');
      problems.throwIfAny();
      // Queue behind any other booking or appointment of this referent, then look again.
      await lockForTransaction(ctx.em, `agenda:${hours.referent.id}`);
      if ((await busyTimes(ctx.em, hours.id, slot!.startsAt, slot!.endsAt)).length > 0) throw slotTaken(ctx);
      const referral = ctx.em.getReference(Referral, referralId!);
      const appointment = ctx.em.create(Appointment, {
        tenant: hours.tenant,
        referent: hours.referent,
        kind: AppointmentKind.INDIVIDUAL,
        title: `${translate(ctx.locale, 'officeHours.icsSession', { commune: getCommune(communeCode)?.name ?? communeCode })} : ${submission!.firstName} ${submission!.lastName.charAt(0)}.`,
        startsAt: slot!.startsAt,
        endsAt: slot!.endsAt,
        mode: AppointmentMode.IN_PERSON,
        place: AppointmentPlace.LOCAL_OFFICE_HOURS,
        communeCode,
        officeHours: hours,
        referral,
        referralAttendance: Attendance.EXPECTED,
        bookedByOrganisation: ctx.em.getReference(Organisation, organisationId),
        agreementMethod: input.agreementMethod,
        agreedOn,
      });
      try {
        await ctx.em.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw slotTaken(ctx);
        throw error;
      }
      return appointment;
    },
    (id) => ctx.em.findOne(Appointment, { id }, { populate: ['officeHours'] }),
  );
}

/** The viewer commune's bookings from a day on, soonest first (row-level security: those it booked). */
export async function listBookings(ctx: RequestContext, from: string): Promise<Appointment[]> {
  await bookingCommune(ctx);
  return ctx.em.find(
    Appointment,
    { bookedByOrganisation: activeMembership(ctx).organisationId, startsAt: { $gte: startOfDayInFrance(from) } },
    { populate: ['officeHours'], orderBy: { startsAt: 'asc' } },
  );
}

/** The referent's bookings in her office hours (the animation team: any referent's), for recording attendance. */
export async function listReferentBookings(ctx: RequestContext, from: Date, to: Date, referentId?: string | null): Promise<Appointment[]> {
  const referent = officeHoursReferent(ctx, referentId);
  return ctx.em.find(
    Appointment,
    { officeHours: { $ne: null }, startsAt: { $gte: from, $lt: to }, ...(referent ? { referent } : {}) },
    { populate: ['officeHours', 'referral'], orderBy: { startsAt: 'asc' } },
  );
}

/** Attendance of a booked resident, recorded by the referent as for any appointment: once it has started. */
export async function recordBookingAttendance(ctx: RequestContext, globalId: string, attendance: Attendance): Promise<Appointment> {
  const id = parseGlobalId(globalId, 'Appointment')?.id;
  const appointment =
    id && !actsForCommune(ctx) ? await ctx.em.findOne(Appointment, { id, referral: { $ne: null } }, { populate: ['officeHours', 'referral'] }) : null;
  if (!appointment || !mayManageAgendaOf(ctx, appointment.referent.id)) throw errors.notFound(ctx, 'appointmentId');
  if (appointment.startsAt > ctx.now) throw errors.badInput(ctx, 'appointmentId', 'error.attendanceBeforeStart');
  appointment.referralAttendance = attendance;
  if (appointment.status === AppointmentStatus.PLANNED) appointment.status = AppointmentStatus.HELD;
  await saveChanges(ctx);
  return appointment;
}

// ─── The commune's figures ───────────────────────────────────────────────────

export interface OfficeHoursFigures {
  communeCode: string;
  from: string;
  to: string;
  offeredSlots: number;
  booked: number | null;
  attended: number | null;
  noShows: number | null;
  recorded: number | null;
}

/** Over the last `weeks` weeks: slots offered (from the published hours), bookings and attendance counted in SQL, small counts withheld. */
export async function officeHoursFigures(ctx: RequestContext, weeks: number): Promise<OfficeHoursFigures> {
  const communeCode = await bookingCommune(ctx);
  const to = todayInFrance(ctx.now);
  const from = addDays(to, -7 * weeks);
  const hours = await ctx.em.find(OfficeHours, { communeCode });
  const closures = await closuresOf(ctx, hours);
  // Slots up to now: those still ahead cannot have been attended or missed.
  const offeredSlots = hours
    .map(
      (h) =>
        officeHoursSlots(h, from, to, new Set(closures.filter((c) => c.officeHours.id === h.id).map((c) => c.day))).filter((s) => s.startsAt <= ctx.now).length,
    )
    .reduce((a, b) => a + b, 0);
  const rows = await officeHoursFigureRows(ctx.em, communeCode, startOfDayInFrance(from), ctx.now);
  // null is a withheld count, kept as such; a metric the function did not return counts nothing.
  const count = (metric: string) => (metric in rows ? rows[metric]! : 0);
  return { communeCode, from, to, offeredSlots, booked: count('booked'), attended: count('present'), noShows: count('no_show'), recorded: count('recorded') };
}

// ─── The commune's calendar link ─────────────────────────────────────────────

export function currentCalendarLink(ctx: RequestContext): Promise<OfficeHoursCalendarLink | null> {
  return ctx.em.findOne(OfficeHoursCalendarLink, { organisation: activeMembership(ctx).organisationId, revokedAt: null });
}

/** A new private link (any previous one revoked): its token is shown this once, only its hash is kept. */
export async function createCalendarLink(ctx: RequestContext): Promise<{ link: OfficeHoursCalendarLink; token: string }> {
  await bookingCommune(ctx);
  await revokeCalendarLink(ctx);
  const { token, hash } = newSecretToken();
  const membership = activeMembership(ctx);
  const link = ctx.em.create(OfficeHoursCalendarLink, {
    tenant: membership.tenantId,
    organisation: ctx.em.getReference(Organisation, membership.organisationId),
    tokenHash: hash,
    createdBy: ctx.em.getReference(User, ctx.actor!.userId),
  });
  await saveChanges(ctx);
  return { link, token };
}

/** Revokes the commune's link: the next request with it gets nothing. */
export async function revokeCalendarLink(ctx: RequestContext): Promise<boolean> {
  await bookingCommune(ctx);
  const revoked = await ctx.em.nativeUpdate(
    OfficeHoursCalendarLink,
    { organisation: activeMembership(ctx).organisationId, revokedAt: null },
    { revokedAt: ctx.now },
  );
  return revoked > 0;
}
