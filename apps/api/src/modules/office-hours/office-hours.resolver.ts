import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Attendance, SMALLEST_PUBLISHED_COUNT } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { actsForCommune } from '../../access/office-hours-access';
import { Allow } from '../../access/operation-access';
import { userNames } from '../../db/user-names.query';
import { requiredDate, todayInFrance } from '../../graphql/date-input';
import { errors } from '../../graphql/errors';
import type { OfficeHours } from './office-hours.entity';
import {
  AssignReferentInput,
  BookOfficeHoursSlotInput,
  CloseOfficeHoursDayInput,
  PublishOfficeHoursInput,
  UpdateOfficeHoursInput,
} from './office-hours.inputs';
import {
  assignReferent,
  bookOfficeHoursSlot,
  closeOfficeHoursDay,
  closuresOf,
  createCalendarLink,
  currentCalendarLink,
  listAssignments,
  listBookings,
  listOfficeHours,
  listReferentBookings,
  officeHoursFigures,
  publishOfficeHours,
  recordBookingAttendance,
  removeAssignment,
  reopenOfficeHoursDay,
  revokeCalendarLink,
  slotsOf,
  updateOfficeHours,
} from './office-hours.service';
import {
  OfficeHoursAssignmentType,
  OfficeHoursBookingType,
  OfficeHoursCalendarLinkType,
  OfficeHoursFiguresType,
  OfficeHoursSlotType,
  OfficeHoursType,
} from './office-hours.type';

const MAX_SLOT_DAYS = 28;

/** Office hours as the API shows them, with their referents' names (a partner reads no one's account) and their days off. */
async function shown(ctx: RequestContext, hours: OfficeHours[]): Promise<OfficeHoursType[]> {
  const names = await userNames(
    ctx,
    hours.map((h) => h.referent.user.id),
  );
  const closures = await closuresOf(ctx, hours);
  const staff = !actsForCommune(ctx);
  return hours.map((h) => OfficeHoursType.from(h, names, closures, staff));
}

@Resolver(() => OfficeHoursType)
export class OfficeHoursResolver {
  @Query(() => [OfficeHoursAssignmentType], { description: 'Where referents are assigned to hold office hours' })
  @Allow('followParticipants')
  async officeHoursAssignments(@Ctx() ctx: RequestContext): Promise<OfficeHoursAssignmentType[]> {
    const assignments = await listAssignments(ctx);
    const names = await userNames(
      ctx,
      assignments.map((a) => a.referent.user.id),
    );
    return assignments.map((a) => OfficeHoursAssignmentType.from(a, names));
  }

  @Mutation(() => OfficeHoursAssignmentType)
  @Allow('assignOfficeHours')
  async assignOfficeHoursReferent(@Ctx() ctx: RequestContext, @Arg('input') input: AssignReferentInput): Promise<OfficeHoursAssignmentType> {
    const assignment = await assignReferent(ctx, input);
    return OfficeHoursAssignmentType.from(assignment, await userNames(ctx, [assignment.referent.user.id]));
  }

  @Mutation(() => ID, { description: 'Ends an assignment where no office hours are held' })
  @Allow('assignOfficeHours')
  removeOfficeHoursAssignment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<string> {
    return removeAssignment(ctx, id);
  }

  @Query(() => [OfficeHoursType], { description: "A commune: its office hours. Staff: a referent's (her own; the animation team any, or every one)" })
  @Allow('actInTenant')
  async officeHours(@Ctx() ctx: RequestContext, @Arg('referentId', () => ID, { nullable: true }) referentId?: string | null): Promise<OfficeHoursType[]> {
    return shown(ctx, await listOfficeHours(ctx, referentId));
  }

  @FieldResolver(() => [OfficeHoursSlotType], { description: 'Its slots over some days (a week by default), each free or not' })
  @Allow('actInTenant')
  async slots(
    @Root() hours: OfficeHoursType,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => String, { nullable: true, description: 'YYYY-MM-DD; today by default' }) from?: string | null,
    @Arg('days', () => Int, { defaultValue: 7 }) days = 7,
  ): Promise<OfficeHoursSlotType[]> {
    if (days < 1 || days > MAX_SLOT_DAYS) throw errors.badInput(ctx, 'days', 'officeHours.slotDays', { max: MAX_SLOT_DAYS });
    const start = from ? requiredDate(ctx, 'from', from) : todayInFrance(ctx.now);
    return (await slotsOf(ctx, hours.entity, start, days)).map(OfficeHoursSlotType.from);
  }

  @Mutation(() => OfficeHoursType)
  @Allow('keepAgenda')
  async publishOfficeHours(@Ctx() ctx: RequestContext, @Arg('input') input: PublishOfficeHoursInput): Promise<OfficeHoursType> {
    return (await shown(ctx, [await publishOfficeHours(ctx, input)]))[0]!;
  }

  @Mutation(() => OfficeHoursType)
  @Allow('keepAgenda')
  async updateOfficeHours(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateOfficeHoursInput): Promise<OfficeHoursType> {
    return (await shown(ctx, [await updateOfficeHours(ctx, input)]))[0]!;
  }

  @Mutation(() => OfficeHoursType, { description: 'A day off: a public holiday or one date cancelled' })
  @Allow('keepAgenda')
  async closeOfficeHoursDay(@Ctx() ctx: RequestContext, @Arg('input') input: CloseOfficeHoursDayInput): Promise<OfficeHoursType> {
    return (await shown(ctx, [await closeOfficeHoursDay(ctx, input)]))[0]!;
  }

  @Mutation(() => OfficeHoursType)
  @Allow('keepAgenda')
  async reopenOfficeHoursDay(
    @Ctx() ctx: RequestContext,
    @Arg('officeHoursId', () => ID) officeHoursId: string,
    @Arg('day') day: string,
  ): Promise<OfficeHoursType> {
    return (await shown(ctx, [await reopenOfficeHoursDay(ctx, officeHoursId, day)]))[0]!;
  }

  @Mutation(() => OfficeHoursBookingType, { description: 'A commune books a free slot for a resident it refers; a slot just taken is refused (CONFLICT)' })
  @Allow('bookOfficeHours')
  async bookOfficeHoursSlot(@Ctx() ctx: RequestContext, @Arg('input') input: BookOfficeHoursSlotInput): Promise<OfficeHoursBookingType> {
    return OfficeHoursBookingType.from(await bookOfficeHoursSlot(ctx, input));
  }

  @Query(() => [OfficeHoursBookingType], { description: "The commune's bookings from a day on (today by default)" })
  @Allow('bookOfficeHours')
  async officeHoursBookings(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => String, { nullable: true }) from?: string | null,
  ): Promise<OfficeHoursBookingType[]> {
    return (await listBookings(ctx, from ? requiredDate(ctx, 'from', from) : todayInFrance(ctx.now))).map(OfficeHoursBookingType.from);
  }

  @Query(() => [OfficeHoursBookingType], {
    description: "Bookings in a referent's office hours between two instants (her own; the animation team any referent's)",
  })
  @Allow('keepAgenda')
  async referentOfficeHoursBookings(
    @Ctx() ctx: RequestContext,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('referentId', () => ID, { nullable: true }) referentId?: string | null,
  ): Promise<OfficeHoursBookingType[]> {
    return (await listReferentBookings(ctx, from, to, referentId)).map(OfficeHoursBookingType.from);
  }

  @Mutation(() => OfficeHoursBookingType, { description: 'Whether the booked resident came' })
  @Allow('keepAgenda')
  async recordOfficeHoursAttendance(
    @Ctx() ctx: RequestContext,
    @Arg('appointmentId', () => ID) appointmentId: string,
    @Arg('attendance', () => Attendance) attendance: Attendance,
  ): Promise<OfficeHoursBookingType> {
    return OfficeHoursBookingType.from(await recordBookingAttendance(ctx, appointmentId, attendance));
  }

  @Query(() => OfficeHoursFiguresType, { description: "The commune's office hours in aggregate over the last weeks" })
  @Allow('bookOfficeHours')
  async officeHoursFigures(@Ctx() ctx: RequestContext, @Arg('weeks', () => Int, { defaultValue: 12 }) weeks = 12): Promise<OfficeHoursFiguresType> {
    if (weeks < 1 || weeks > 53) throw errors.badInput(ctx, 'weeks', 'error.periodInvalid');
    return OfficeHoursFiguresType.from(await officeHoursFigures(ctx, weeks), SMALLEST_PUBLISHED_COUNT);
  }

  @Query(() => OfficeHoursCalendarLinkType, { nullable: true, description: "The commune's calendar link in force, if any (its address is not kept)" })
  @Allow('bookOfficeHours')
  async officeHoursCalendarLink(@Ctx() ctx: RequestContext): Promise<OfficeHoursCalendarLinkType | null> {
    const link = await currentCalendarLink(ctx);
    return link ? Object.assign(new OfficeHoursCalendarLinkType(), { createdAt: link.createdAt, url: null }) : null;
  }

  @Mutation(() => OfficeHoursCalendarLinkType, { description: 'A new private calendar link (the previous one stops working)' })
  @Allow('bookOfficeHours')
  async createOfficeHoursCalendarLink(@Ctx() ctx: RequestContext): Promise<OfficeHoursCalendarLinkType> {
    const { link, token } = await createCalendarLink(ctx);
    return Object.assign(new OfficeHoursCalendarLinkType(), {
      createdAt: link.createdAt,
      url: `${ctx.config.PUBLIC_URL ?? ctx.origin}/office-hours/${token}.ics`,
    });
  }

  @Mutation(() => Boolean, { description: 'Revokes the calendar link: it gives nothing from the next request' })
  @Allow('bookOfficeHours')
  revokeOfficeHoursCalendarLink(@Ctx() ctx: RequestContext): Promise<boolean> {
    return revokeCalendarLink(ctx);
  }
}
