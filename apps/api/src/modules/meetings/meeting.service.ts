import type { FilterQuery } from '@mikro-orm/core';
import {
  agendaIsOpen,
  isOpenReferral,
  isPartnerKind,
  isPastStart,
  MeetingKind,
  meetingDayBounds,
  MeetingStatus,
  recordsDecisions,
  NotificationKind,
} from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { createOnce } from '../idempotency/idempotency';
import { assertMayAddAgendaItem, assertMayDecideReferrals, mayManage, readableMeetings, submitterOf } from '../../access/meeting-access';
import { assertMayEdit } from '../../access/participant-access';
import { activeMembership } from '../../access/tenant-scope';
import { checkDayWithin, dayInFrance, requiredDate } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { afterAscending, afterDescending, pageOf, type PageArgs } from '../../graphql/pagination';
import { encodeCursor, parseGlobalId, toGlobalId, type Page } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { optionalText, requiredText } from '../../graphql/text-input';
import { Notification } from '../notifications/notification.entity';
import { checkedDocument, type UploadedFile } from '../documents/uploaded-file';
import { Organisation } from '../organisations/organisation.entity';
import { findParticipant } from '../participants/participant.service';
import { Referral } from '../referrals/referral.entity';
import { applyDecision, findReferral, takeUnderReview } from '../referrals/referral.service';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { AgendaAction, AgendaItem, Meeting, MeetingDocument, MeetingInvitation, MeetingInvitee } from './meeting.entity';
import { meetingRowOf, type AgendaRows, type MeetingFields } from './meeting.query';
import {
  AgendaMove,
  MeetingPeriod,
  type AddAgendaActionInput,
  type AddAgendaItemInput,
  type AgendaItemVersionInput,
  type EditAgendaItemInput,
  type MeetingDetailsInput,
  type MeetingFilter,
  type MeetingVersionInput,
  type MoveAgendaItemInput,
  type PlanMeetingInput,
  type RecordAgendaOutcomeInput,
  type RecordMeetingMinutesInput,
  type UpdateMeetingInput,
} from './meeting.inputs';

export const MEETING_POPULATE = ['invitations.organisation', 'invitees.organisation'] as const;
export const ITEM_POPULATE = ['participant', 'referral', 'assignedReferent', 'actions.ownerOrganisation'] as const;

/** A meeting lasts at most a day. */
const MAX_DURATION_MS = 24 * 60 * 60 * 1000;

export async function findMeeting(ctx: RequestContext, globalId: string, field = 'meetingId'): Promise<Meeting> {
  const parsed = parseGlobalId(globalId, 'Meeting');
  const meeting = parsed && (await ctx.em.findOne(Meeting, { $and: [{ id: parsed.id }, readableMeetings(ctx)] }, { populate: MEETING_POPULATE }));
  if (!meeting) throw errors.notFound(ctx, field);
  return meeting;
}

/**
 * A meeting to read (the `meeting` query), as plain rows with its people's names: no entity. With
 * `withAgenda`, its agenda as the request's viewer reads it too (agendaFor), in the same statement.
 */
export async function readMeeting(
  ctx: RequestContext,
  globalId: string,
  withAgenda = false,
): Promise<{ meeting: MeetingFields; names: Map<string, string>; agenda: AgendaRows | null }> {
  const parsed = parseGlobalId(globalId, 'Meeting');
  const read =
    parsed && (await meetingRowOf(ctx.em, { $and: [{ id: parsed.id }, readableMeetings(ctx)] }, withAgenda ? { submitter: submitterOf(ctx) } : undefined));
  if (!read) throw errors.notFound(ctx, 'id');
  return read;
}

export function meetingCursor(meeting: Meeting): string {
  return encodeCursor(meeting.startsAt.toISOString(), meeting.id);
}

/** The planner: meetings to come, soonest first, or past ones, latest first. */
export function listMeetings(ctx: RequestContext, filter: MeetingFilter | undefined, args: PageArgs | undefined): Promise<Page<Meeting>> {
  const upcoming = (filter?.period ?? MeetingPeriod.UPCOMING) === MeetingPeriod.UPCOMING;
  const conditions: Array<FilterQuery<Meeting>> = [readableMeetings(ctx), upcoming ? { endsAt: { $gte: ctx.now } } : { endsAt: { $lt: ctx.now } }];
  if (filter?.kinds?.length) conditions.push({ kind: { $in: filter.kinds } });
  const where: FilterQuery<Meeting> = { $and: conditions };
  const order = upcoming ? 'asc' : 'desc';
  return pageOf(ctx, args, {
    key: 'timestamp',
    fetch: (after, limit) =>
      ctx.em.find(
        Meeting,
        { $and: [where, (upcoming ? afterAscending : afterDescending)('startsAt', after)] },
        {
          populate: MEETING_POPULATE,
          orderBy: { startsAt: order, id: order },
          limit,
        },
      ),
    count: () => ctx.em.count(Meeting, where),
    cursorOf: meetingCursor,
  });
}

function assertManages(ctx: RequestContext, meeting: Meeting): void {
  if (!mayManage(ctx, meeting)) throw errors.forbidden(ctx, 'error.notMeetingOrganiser');
}

function assertAgendaOpen(ctx: RequestContext, meeting: Meeting): void {
  if (!agendaIsOpen(meeting.status)) throw errors.badInput(ctx, 'meetingId', 'error.minutesAlreadyPublished');
}

function assertInSession(ctx: RequestContext, meeting: Meeting): void {
  if (!recordsDecisions(meeting.status)) throw errors.badInput(ctx, 'meetingId', 'error.meetingNotHeld');
}

interface CheckedDetails {
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  videoLink: string | null;
  organisations: Organisation[];
  invitees: Array<{ user: User; organisation: Organisation }>;
}

/**
 * A meeting's details; every problem is refused at once. Its start is planned from now on and at
 * most two years ahead (packages/domain plausible-dates.ts), unless it is the start already stored
 * (a meeting whose day has passed keeps its other details editable).
 */
async function checkedDetails(ctx: RequestContext, input: MeetingDetailsInput, storedStart?: Date): Promise<CheckedDetails> {
  const problems = new InputProblems(ctx);
  const title = problems.check(() => requiredText(ctx, 'title', input.title));
  if (Number.isNaN(input.startsAt.getTime())) problems.add('startsAt', 'error.dateInvalid');
  else if (input.startsAt.getTime() !== storedStart?.getTime()) {
    if (isPastStart(input.startsAt, ctx.now)) problems.add('startsAt', 'error.meetingInPast');
    else checkDayWithin(problems, 'startsAt', dayInFrance(input.startsAt), meetingDayBounds(dayInFrance(ctx.now)));
  }
  if (Number.isNaN(input.endsAt.getTime()) || input.endsAt <= input.startsAt) problems.add('endsAt', 'error.endBeforeStart');
  else if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_DURATION_MS) problems.add('endsAt', 'error.meetingTooLong');
  const place = optionalText(input.place);
  const videoLink = optionalText(input.videoLink);
  if (videoLink && !videoLink.startsWith('https://')) problems.add('videoLink', 'error.videoLinkInvalid');
  if (!place && !videoLink) problems.add('place', 'error.meetingPlaceRequired');

  const organisationIds = input.organisationIds.map((globalId) => parseGlobalId(globalId, 'Organisation')?.id);
  const knownOrganisationIds = organisationIds.filter((id): id is string => !!id);
  if (knownOrganisationIds.length !== organisationIds.length) problems.add('organisationIds', 'error.invalidId');
  const organisations = knownOrganisationIds.length ? await ctx.em.find(Organisation, { id: { $in: knownOrganisationIds }, active: true }) : [];
  if (organisations.length !== new Set(organisationIds).size) problems.add('organisationIds', 'error.meetingOrganisationInvalid');

  const membershipIds = input.inviteeUserIds.map((globalId) => parseGlobalId(globalId, 'User')?.id);
  const knownMembershipIds = membershipIds.filter((id): id is string => !!id);
  if (knownMembershipIds.length !== membershipIds.length) problems.add('inviteeUserIds', 'error.invalidId');
  const memberships = knownMembershipIds.length
    ? await ctx.em.find(Membership, { user: { $in: knownMembershipIds }, active: true }, { populate: ['user', 'organisation'] })
    : [];
  const invitees = [...new Map(memberships.map((m) => [m.user.id, { user: m.user, organisation: m.organisation }])).values()];
  if (invitees.length !== new Set(membershipIds).size) problems.add('inviteeUserIds', 'error.meetingInviteeInvalid');
  problems.throwIfAny();
  // A person invited by name brings her organisation: what she sees is decided for it.
  for (const { organisation } of invitees) if (!organisations.some((o) => o.id === organisation.id)) organisations.push(organisation);
  return { kind: input.kind, title: title!, startsAt: input.startsAt, endsAt: input.endsAt, place, videoLink, organisations, invitees };
}

/** Tells partner organisations about a meeting (its title and day: nothing about the people on its agenda). */
function notifyPartners(ctx: RequestContext, meeting: Meeting, organisations: Organisation[], kind: NotificationKind): void {
  const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(meeting.startsAt);
  for (const organisation of organisations)
    if (isPartnerKind(organisation.kind))
      ctx.em.create(Notification, { tenant: meeting.tenant, organisation, kind, participantLabel: `${meeting.title} (${day})` });
}

function applyDetails(ctx: RequestContext, meeting: Meeting, details: CheckedDetails): void {
  const { organisations, invitees, ...fields } = details;
  Object.assign(meeting, fields);
  const newlyInvited = organisations.filter((organisation) => !meeting.invitations.getItems().some((i) => i.organisation.id === organisation.id));
  notifyPartners(ctx, meeting, newlyInvited, NotificationKind.MEETING_INVITED);
  for (const invitation of meeting.invitations.getItems()) if (!organisations.some((o) => o.id === invitation.organisation.id)) ctx.em.remove(invitation);
  for (const organisation of organisations)
    if (!meeting.invitations.getItems().some((i) => i.organisation.id === organisation.id))
      meeting.invitations.add(ctx.em.create(MeetingInvitation, { tenant: meeting.tenant, meeting, organisation }));
  for (const invitee of meeting.invitees.getItems()) if (!invitees.some((i) => i.user.id === invitee.user.id)) ctx.em.remove(invitee);
  for (const { user, organisation } of invitees)
    if (!meeting.invitees.getItems().some((i) => i.user.id === user.id))
      meeting.invitees.add(ctx.em.create(MeetingInvitee, { tenant: meeting.tenant, meeting, user, organisation }));
}

/** Staff plan a meeting; the one who plans it organises it. */
export function planMeeting(ctx: RequestContext, input: PlanMeetingInput): Promise<Meeting> {
  return createOnce(
    ctx,
    'planMeeting',
    input.idempotencyKey,
    async () => {
      const details = await checkedDetails(ctx, input.details);
      const meeting = ctx.em.create(Meeting, {
        tenant: ctx.em.getReference(Tenant, activeMembership(ctx).tenantId),
        organiser: ctx.em.getReference(User, ctx.actor!.userId),
        kind: details.kind,
        title: details.title,
        startsAt: details.startsAt,
        endsAt: details.endsAt,
      });
      applyDetails(ctx, meeting, details);
      await saveChanges(ctx);
      return findMeeting(ctx, toGlobalId('Meeting', meeting.id));
    },
    (id) => ctx.em.findOne(Meeting, { id }, { populate: MEETING_POPULATE }),
  );
}

export async function updateMeeting(ctx: RequestContext, input: UpdateMeetingInput): Promise<Meeting> {
  const meeting = await findMeeting(ctx, input.meetingId);
  assertManages(ctx, meeting);
  if (meeting.version !== input.version) throw errors.conflict(ctx);
  assertAgendaOpen(ctx, meeting);
  const details = await checkedDetails(ctx, input.details, meeting.startsAt);
  // The commission decides on referrals: its kind cannot change once one is on its agenda.
  if (details.kind !== meeting.kind && (await ctx.em.count(AgendaItem, { meeting, referral: { $ne: null } })) > 0)
    throw errors.badInput(ctx, 'kind', 'error.meetingKindLocked');
  applyDetails(ctx, meeting, details);
  await saveChanges(ctx);
  return meeting;
}

/** The meeting opens: decisions and minutes are recorded from now on. */
export async function holdMeeting(ctx: RequestContext, input: MeetingVersionInput): Promise<Meeting> {
  const meeting = await findMeeting(ctx, input.meetingId);
  assertManages(ctx, meeting);
  if (meeting.version !== input.version) throw errors.conflict(ctx);
  if (meeting.status !== MeetingStatus.PLANNED) throw errors.badInput(ctx, 'meetingId', 'error.meetingAlreadyHeld');
  meeting.status = MeetingStatus.HELD;
  await saveChanges(ctx);
  return meeting;
}

export async function recordMeetingMinutes(ctx: RequestContext, input: RecordMeetingMinutesInput): Promise<Meeting> {
  const meeting = await findMeeting(ctx, input.meetingId);
  assertManages(ctx, meeting);
  if (meeting.version !== input.version) throw errors.conflict(ctx);
  assertInSession(ctx, meeting);
  meeting.minutes = optionalText(input.minutes);
  await saveChanges(ctx);
  return meeting;
}

/** The minutes go out to the attendees, each organisation seeing its share; nothing changes afterwards. */
export async function publishMinutes(ctx: RequestContext, input: MeetingVersionInput): Promise<Meeting> {
  const meeting = await findMeeting(ctx, input.meetingId);
  assertManages(ctx, meeting);
  if (meeting.version !== input.version) throw errors.conflict(ctx);
  assertInSession(ctx, meeting);
  meeting.status = MeetingStatus.MINUTES_PUBLISHED;
  meeting.minutesPublishedAt = ctx.now;
  meeting.minutesPublishedBy = ctx.em.getReference(User, ctx.actor!.userId);
  notifyPartners(
    ctx,
    meeting,
    meeting.invitations.getItems().map((i) => i.organisation),
    NotificationKind.MINUTES_PUBLISHED,
  );
  await saveChanges(ctx);
  return meeting;
}

async function findItem(ctx: RequestContext, globalId: string, field = 'itemId'): Promise<AgendaItem> {
  const parsed = parseGlobalId(globalId, 'AgendaItem');
  const item = parsed && (await ctx.em.findOne(AgendaItem, { id: parsed.id }, { populate: [...ITEM_POPULATE, 'meeting'] }));
  if (!item) throw errors.notFound(ctx, field);
  await findMeeting(ctx, toGlobalId('Meeting', item.meeting.id), field);
  return item;
}

/**
 * A referent proposes an item about a person of her caseload (the animation team about anyone), with
 * the question to discuss; the animation team puts an open referral before the commission (it is
 * then under review); the organiser adds general items.
 */
export function addAgendaItem(ctx: RequestContext, input: AddAgendaItemInput): Promise<AgendaItem> {
  return createOnce(
    ctx,
    'addAgendaItem',
    input.idempotencyKey,
    async () => {
      const meeting = await findMeeting(ctx, input.meetingId);
      assertMayAddAgendaItem(ctx);
      assertAgendaOpen(ctx, meeting);
      const question = requiredText(ctx, 'question', input.question);
      if (input.participantId && input.referralId) throw errors.badInput(ctx, 'referralId', 'error.agendaItemAboutOne');
      const item = ctx.em.create(AgendaItem, {
        tenant: meeting.tenant,
        meeting,
        position: (await ctx.em.count(AgendaItem, { meeting })) + 1,
        question,
        proposedBy: ctx.em.getReference(User, ctx.actor!.userId),
      });
      if (input.participantId) {
        const participant = await findParticipant(ctx, input.participantId, 'participantId');
        assertMayEdit(ctx, participant);
        item.participant = participant;
      } else if (input.referralId) {
        assertMayDecideReferrals(ctx);
        if (meeting.kind !== MeetingKind.ACCREDITATION_COMMISSION) throw errors.badInput(ctx, 'referralId', 'error.referralOnlyAtCommission');
        const referral = await findReferral(ctx, input.referralId, 'referralId');
        if (!isOpenReferral(referral.status)) throw errors.badInput(ctx, 'referralId', 'error.referralAlreadyDecided');
        if ((await ctx.em.count(AgendaItem, { meeting, referral })) > 0) throw errors.badInput(ctx, 'referralId', 'error.referralAlreadyOnAgenda');
        await takeUnderReview(ctx, referral);
        item.referral = referral;
      } else {
        assertManages(ctx, meeting);
      }
      await saveChanges(ctx);
      return item;
    },
    (id) => ctx.em.findOne(AgendaItem, { id }, { populate: ITEM_POPULATE }),
  );
}

/** Who may change or withdraw an item before it is discussed: its author, or whoever runs the meeting. */
function assertMayEditItem(ctx: RequestContext, item: AgendaItem): void {
  if (item.proposedBy.id !== ctx.actor!.userId) assertManages(ctx, item.meeting);
}

export async function editAgendaItem(ctx: RequestContext, input: EditAgendaItemInput): Promise<AgendaItem> {
  const item = await findItem(ctx, input.itemId);
  assertMayEditItem(ctx, item);
  if (item.version !== input.version) throw errors.conflict(ctx);
  assertAgendaOpen(ctx, item.meeting);
  item.question = requiredText(ctx, 'question', input.question);
  await saveChanges(ctx);
  return item;
}

export async function removeAgendaItem(ctx: RequestContext, input: AgendaItemVersionInput): Promise<Meeting> {
  const item = await findItem(ctx, input.itemId);
  assertMayEditItem(ctx, item);
  if (item.version !== input.version) throw errors.conflict(ctx);
  assertAgendaOpen(ctx, item.meeting);
  if (item.decision || item.minutes || item.actions.length > 0) throw errors.badInput(ctx, 'itemId', 'error.agendaItemDiscussed');
  const meeting = item.meeting;
  for (const later of await ctx.em.find(AgendaItem, { meeting, position: { $gt: item.position } })) later.position -= 1;
  ctx.em.remove(item);
  await saveChanges(ctx);
  return meeting;
}

export async function moveAgendaItem(ctx: RequestContext, input: MoveAgendaItemInput): Promise<Meeting> {
  const item = await findItem(ctx, input.itemId);
  assertManages(ctx, item.meeting);
  if (item.version !== input.version) throw errors.conflict(ctx);
  assertAgendaOpen(ctx, item.meeting);
  const neighbour = await ctx.em.findOne(AgendaItem, {
    meeting: item.meeting,
    position: input.direction === AgendaMove.UP ? item.position - 1 : item.position + 1,
  });
  if (neighbour) [item.position, neighbour.position] = [neighbour.position, item.position];
  await saveChanges(ctx);
  return item.meeting;
}

/**
 * What the meeting concluded on an item. On a referral before the commission, the decision is the
 * referral's decision (a file opened or joined, the referent assigned, the referring partners told),
 * recorded with the item in the request's one transaction: a failure leaves both as they were.
 */
export async function recordAgendaOutcome(ctx: RequestContext, input: RecordAgendaOutcomeInput): Promise<AgendaItem> {
  const item = await findItem(ctx, input.itemId);
  assertManages(ctx, item.meeting);
  if (item.version !== input.version) throw errors.conflict(ctx);
  assertInSession(ctx, item.meeting);
  item.minutes = optionalText(input.minutes);
  if (input.decision) {
    if (!item.referral) throw errors.badInput(ctx, 'decision', 'error.decisionOnReferralOnly');
    assertMayDecideReferrals(ctx);
    if (item.decision && item.decision !== input.decision) throw errors.badInput(ctx, 'decision', 'error.referralAlreadyDecided');
    if (!item.decision) {
      const referral: Referral = await findReferral(ctx, toGlobalId('Referral', item.referral.id), 'itemId');
      await applyDecision(ctx, referral, { ...input, decision: input.decision });
      item.decision = input.decision;
      item.decisionReason = referral.decisionReason ?? null;
      item.redirectedTo = referral.redirectedTo ?? null;
      item.assignedReferent = referral.participant ? referral.participant.referent : null;
      item.decidedAt = ctx.now;
      item.decidedBy = ctx.em.getReference(User, ctx.actor!.userId);
    }
  }
  await saveChanges(ctx);
  return findItem(ctx, toGlobalId('AgendaItem', item.id));
}

export async function addAgendaAction(ctx: RequestContext, input: AddAgendaActionInput): Promise<AgendaItem> {
  const action = await createOnce(
    ctx,
    'addAgendaAction',
    input.idempotencyKey,
    async () => {
      const item = await findItem(ctx, input.itemId);
      assertManages(ctx, item.meeting);
      assertInSession(ctx, item.meeting);
      const description = requiredText(ctx, 'description', input.description);
      const dueOn = requiredDate(ctx, 'dueOn', input.dueOn);
      const ownerId = parseGlobalId(input.ownerOrganisationId, 'Organisation')?.id;
      const owner = ownerId ? await ctx.em.findOne(Organisation, { id: ownerId, active: true }) : null;
      const invited = owner && item.meeting.invitations.getItems().some((i) => i.organisation.id === owner.id);
      if (!owner || (!invited && isPartnerKind(owner.kind))) throw errors.badInput(ctx, 'ownerOrganisationId', 'error.actionOwnerInvalid');
      const created = ctx.em.create(AgendaAction, { tenant: item.tenant, item, description, ownerOrganisation: owner, dueOn });
      item.actions.add(created);
      await saveChanges(ctx);
      return created;
    },
    (id) => ctx.em.findOne(AgendaAction, { id }),
  );
  // The answer is the item with its actions, as the viewer may read it now.
  return findItem(ctx, toGlobalId('AgendaItem', action.item.id));
}

export async function removeAgendaAction(ctx: RequestContext, actionGlobalId: string): Promise<AgendaItem> {
  const parsed = parseGlobalId(actionGlobalId, 'AgendaAction');
  const action = parsed && (await ctx.em.findOne(AgendaAction, { id: parsed.id }, { populate: ['item'] }));
  if (!action) throw errors.notFound(ctx, 'actionId');
  const item = await findItem(ctx, toGlobalId('AgendaItem', action.item.id), 'actionId');
  assertManages(ctx, item.meeting);
  assertInSession(ctx, item.meeting);
  item.actions.remove(action);
  ctx.em.remove(action);
  await saveChanges(ctx);
  return item;
}

/** At most this many documents per meeting. */
export const MAX_MEETING_DOCUMENTS = 30;

/** A document for the meeting, or for one of its items (then shown exactly where the item is). */
export async function attachMeetingDocument(
  ctx: RequestContext,
  meetingGlobalId: string,
  itemGlobalId: string | null,
  file: UploadedFile | null,
): Promise<MeetingDocument> {
  const meeting = await findMeeting(ctx, meetingGlobalId);
  const item = itemGlobalId ? await findItem(ctx, itemGlobalId) : null;
  if (item && item.meeting.id !== meeting.id) throw errors.badInput(ctx, 'itemId', 'error.invalidId');
  if (item) assertMayEditItem(ctx, item);
  else assertManages(ctx, meeting);
  assertAgendaOpen(ctx, meeting);
  if ((await ctx.em.count(MeetingDocument, { meeting })) >= MAX_MEETING_DOCUMENTS)
    throw errors.badInput(ctx, 'file', 'error.tooManyMeetingDocuments', { max: MAX_MEETING_DOCUMENTS });
  const document = ctx.em.create(MeetingDocument, {
    tenant: meeting.tenant,
    meeting,
    item,
    ...checkedDocument(ctx, file, { missing: 'error.attachmentMissing', type: 'error.attachmentType' }, 'document'),
    uploadedAt: ctx.now,
    uploadedBy: ctx.em.getReference(User, ctx.actor!.userId),
  });
  await saveChanges(ctx);
  return document;
}

export async function findMeetingDocument(ctx: RequestContext, globalId: string): Promise<MeetingDocument> {
  const parsed = parseGlobalId(globalId, 'MeetingDocument');
  const document = parsed && (await ctx.em.findOne(MeetingDocument, { id: parsed.id }, { populate: ['content', 'item'] }));
  if (!document) throw errors.notFound(ctx, 'id');
  return document;
}

/** People of these organisations the organiser may invite by name. */
export function inviteeOptions(ctx: RequestContext, organisationGlobalIds: string[]): Promise<Membership[]> {
  const ids = organisationGlobalIds.map((id) => parseGlobalId(id, 'Organisation')?.id).filter((id): id is string => !!id);
  return ids.length
    ? ctx.em.find(Membership, { organisation: { $in: ids }, active: true }, { populate: ['user', 'organisation'], orderBy: { user: { displayName: 'asc' } } })
    : Promise.resolve([]);
}
