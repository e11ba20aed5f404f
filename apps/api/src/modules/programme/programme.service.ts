import type { FilterQuery } from '@mikro-orm/core';
import {
  answerOutcome,
  appointmentDayBounds,
  isNeedPeriod,
  isPartnerKind,
  MAX_NEED_PEOPLE,
  MAX_SESSION_DAYS,
  MAX_SESSION_PLACES,
  mayAnswerPositioning,
  mayMoveAction,
  mayWithdrawPositioning,
  namesFunder,
  NotificationKind,
  PathwayStatus,
  periodDays,
  PositioningStatus,
  positioningSharing,
  ProgrammeActionStatus,
  ProgrammeFunding,
  quarterOf,
  StageStatus,
  takesPositionings,
} from '@jalon/domain';
import { isCommuneCode, getCommune } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { ownActions, programmeScope, sharedPositionings, type PositioningFacts } from '../../access/programme-access';
import { assertMayEdit, readableParticipants } from '../../access/participant-access';
import { activeMembership } from '../../access/tenant-scope';
import { lockForTransaction } from '../../db/advisory-lock';
import { sessionOccupancy, type SessionOccupancy } from '../../db/programme.query';
import { checkDayWithin, requiredDate, todayInFrance } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { newestFirstPage, type PageArgs } from '../../graphql/pagination';
import { parseGlobalId, toGlobalId, type Page } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { likePattern, optionalText, requiredText } from '../../graphql/text-input';
import type { CollectedAgreementInput } from '../consent/consent.inputs';
import { agreedTerms, newConsent } from '../consent/consent.service';
import { findOperation } from '../esf/esf-operation.service';
import { createOnce } from '../idempotency/idempotency';
import { Notification } from '../notifications/notification.entity';
import { getOrganisation } from '../organisations/organisation.service';
import { diff, recordChange } from '../participants/participant-history';
import { Participant, shortNameOf } from '../participants/participant.entity';
import { findParticipant, findPathway } from '../participants/participant.service';
import { StageKind } from '../stages/stage-kind.entity';
import { newStage } from '../stages/stage.service';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { Positioning, ProgrammeAction, ProgrammeNeed, ProgrammeSession } from './programme.entity';
import type {
  AddProgrammeSessionInput,
  AnswerPositioningInput,
  CreateProgrammeActionInput,
  ProgrammeActionDetailsInput,
  ProgrammeActionFilter,
  ProposePositioningInput,
  RecordProgrammeNeedInput,
  SessionDetailsInput,
  UpdateProgrammeActionInput,
  UpdateProgrammeSessionInput,
  WithdrawPositioningInput,
} from './programme.inputs';

const ACTION_POPULATE = ['operator', 'kind', 'esfOperation'] as const;
const POSITIONING_POPULATE = ['session.action.kind', 'session.action.operator', 'participant', 'pathway'] as const;

/** The actions the viewer reaches (the PLIE's programme, or an operator's own), newest first. */
export async function listActions(ctx: RequestContext, filter: ProgrammeActionFilter | undefined, args: PageArgs | undefined): Promise<Page<ProgrammeAction>> {
  const where: FilterQuery<ProgrammeAction> = { tenant: activeMembership(ctx).tenantId, ...ownActions(programmeScope(ctx)) };
  if (filter?.status) where.status = filter.status;
  else if (filter?.takesPositionings) where.status = { $in: Object.values(ProgrammeActionStatus).filter(takesPositionings) };
  const search = filter?.search?.trim();
  if (search) where.title = { $ilike: likePattern(search) };
  return newestFirstPage(ctx, ProgrammeAction, where, args, ACTION_POPULATE);
}

export async function getAction(ctx: RequestContext, globalId: string, field = 'id'): Promise<ProgrammeAction> {
  const id = parseGlobalId(globalId, 'ProgrammeAction')?.id;
  const action =
    id &&
    (await ctx.em.findOne(ProgrammeAction, { id, tenant: activeMembership(ctx).tenantId, ...ownActions(programmeScope(ctx)) }, { populate: ACTION_POPULATE }));
  if (!action) throw errors.notFound(ctx, field);
  return action;
}

async function activeKind(ctx: RequestContext, problems: InputProblems, field: string, globalId: string): Promise<StageKind | null> {
  const id = parseGlobalId(globalId, 'StageKind')?.id;
  const kind = id ? await ctx.em.findOne(StageKind, { id, active: true }) : null;
  if (!kind) problems.add(field, 'error.stageKindUnknown');
  return kind;
}

/** What the action says, checked at once: a partner operator, a kind of the catalogue, the funder its funding needs. */
async function checkedAction(ctx: RequestContext, input: ProgrammeActionDetailsInput) {
  const problems = new InputProblems(ctx);
  const title = problems.check(() => requiredText(ctx, 'title', input.title));
  const targetPublic = problems.check(() => requiredText(ctx, 'targetPublic', input.targetPublic));
  const operator = await problems.checkAsync(() => getOrganisation(ctx, input.operatorId, 'operatorId'));
  if (operator && (!operator.active || !isPartnerKind(operator.kind))) problems.add('operatorId', 'error.operatorNotPartner');
  const kind = await activeKind(ctx, problems, 'kindId', input.kindId);
  const esf = input.funding === ProgrammeFunding.ESF_OPERATION;
  if (esf && !input.esfOperationId) problems.add('esfOperationId', 'error.esfOperationRequired');
  if (!esf && input.esfOperationId) problems.add('esfOperationId', 'error.esfOperationOnlyForEsf');
  const esfOperation = esf && input.esfOperationId ? await problems.checkAsync(() => findOperation(ctx, 'esfOperationId', input.esfOperationId!)) : null;
  const needsFunder = namesFunder(input.funding);
  const funder = needsFunder ? optionalText(input.funder) : null;
  if (needsFunder && !funder) problems.add('funder', 'error.funderRequired');
  problems.throwIfAny();
  return { title: title!, targetPublic: targetPublic!, operator: operator!, kind: kind!, funding: input.funding, esfOperation: esfOperation ?? null, funder };
}

export function createAction(ctx: RequestContext, input: CreateProgrammeActionInput): Promise<ProgrammeAction> {
  return createOnce(
    ctx,
    'createProgrammeAction',
    input.idempotencyKey,
    async () => {
      const action = ctx.em.create(ProgrammeAction, {
        tenant: ctx.em.getReference(Tenant, activeMembership(ctx).tenantId),
        ...(await checkedAction(ctx, input)),
        author: ctx.em.getReference(User, ctx.actor!.userId),
      });
      await saveChanges(ctx);
      return action;
    },
    (id) => ctx.em.findOne(ProgrammeAction, { id }, { populate: ACTION_POPULATE }),
  );
}

export async function updateAction(ctx: RequestContext, input: UpdateProgrammeActionInput): Promise<ProgrammeAction> {
  const action = await getAction(ctx, input.id);
  if (action.version !== input.version) throw errors.conflict(ctx);
  if (!mayMoveAction(action.status, input.status)) throw errors.badInput(ctx, 'status', 'error.actionTransition');
  ctx.em.assign(action, { ...(await checkedAction(ctx, input)), status: input.status });
  await saveChanges(ctx);
  return action;
}

/** The sessions of actions, by start. */
export async function sessionsOfActions(ctx: RequestContext, actionIds: readonly string[]): Promise<ProgrammeSession[]> {
  return ctx.em.find(ProgrammeSession, { action: { $in: [...actionIds] } }, { orderBy: { startsOn: 'asc', createdAt: 'asc' } });
}

async function getSession(ctx: RequestContext, globalId: string, field = 'id'): Promise<ProgrammeSession> {
  const id = parseGlobalId(globalId, 'ProgrammeSession')?.id;
  const session =
    id &&
    (await ctx.em.findOne(
      ProgrammeSession,
      { id, tenant: activeMembership(ctx).tenantId, action: ownActions(programmeScope(ctx)) },
      { populate: ['action.kind', 'action.operator'] },
    ));
  if (!session) throw errors.notFound(ctx, field);
  return session;
}

function checkedSession(ctx: RequestContext, input: SessionDetailsInput) {
  const problems = new InputProblems(ctx);
  const bounds = appointmentDayBounds(todayInFrance(ctx.now));
  const startsOn = problems.check(() => requiredDate(ctx, 'startsOn', input.startsOn)) ?? null;
  const endsOn = problems.check(() => requiredDate(ctx, 'endsOn', input.endsOn)) ?? null;
  checkDayWithin(problems, 'startsOn', startsOn, bounds);
  checkDayWithin(problems, 'endsOn', endsOn, bounds);
  if (startsOn && endsOn && endsOn < startsOn) problems.add('endsOn', 'error.endBeforeStart');
  else if (startsOn && endsOn && (Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000 > MAX_SESSION_DAYS)
    problems.add('endsOn', 'error.sessionTooLong', { max: MAX_SESSION_DAYS });
  const communeCode = input.communeCode.trim().toUpperCase();
  if (!isCommuneCode(communeCode)) problems.add('communeCode', 'error.communeUnknown');
  if (!(Number.isInteger(input.places) && input.places >= 1 && input.places <= MAX_SESSION_PLACES))
    problems.add('places', 'error.sessionPlacesImplausible', { max: MAX_SESSION_PLACES });
  return { problems, details: { startsOn: startsOn!, endsOn: endsOn!, communeCode, places: input.places } };
}

export function addSession(ctx: RequestContext, input: AddProgrammeSessionInput): Promise<ProgrammeSession> {
  return createOnce(
    ctx,
    'addProgrammeSession',
    input.idempotencyKey,
    async () => {
      const action = await getAction(ctx, input.actionId, 'actionId');
      const { problems, details } = checkedSession(ctx, input);
      problems.throwIfAny();
      const session = ctx.em.create(ProgrammeSession, { tenant: action.tenant, action, ...details });
      await saveChanges(ctx);
      return session;
    },
    (id) => ctx.em.findOne(ProgrammeSession, { id }),
  );
}

/** A session changed: never below the places already given; more places go to the waiting list first. */
export async function updateSession(ctx: RequestContext, input: UpdateProgrammeSessionInput): Promise<ProgrammeSession> {
  const session = await getSession(ctx, input.id);
  if (session.version !== input.version) throw errors.conflict(ctx);
  await lockForTransaction(ctx.em, sessionLock(session));
  const { problems, details } = checkedSession(ctx, input);
  const occupancy = await occupancyOf(ctx, session);
  if (details.places < occupancy.accepted) problems.add('places', 'error.placesBelowAccepted', { accepted: occupancy.accepted });
  problems.throwIfAny();
  ctx.em.assign(session, details);
  await saveChanges(ctx);
  await fillFreedPlaces(ctx, session);
  return session;
}

/** Every acceptance, promotion and change of places of a session runs one after the other: two acceptances never take one last place. */
function sessionLock(session: ProgrammeSession): string {
  return `programme_session:${session.id}`;
}

async function occupancyOf(ctx: RequestContext, session: ProgrammeSession): Promise<SessionOccupancy> {
  const occupancy = (await sessionOccupancy(ctx.em, [session.id])).get(session.id);
  if (!occupancy) throw errors.notFound(ctx, 'id');
  return occupancy;
}

export function positioningFacts(positioning: Positioning): PositioningFacts {
  const action = positioning.session.action;
  return {
    id: positioning.id,
    participantId: positioning.participant.id,
    stageId: positioning.stage?.id ?? null,
    kind: { code: action.kind.code, category: action.kind.category },
    operatorId: action.operator.id,
  };
}

/** The positionings of sessions the viewer may read: staff, of the files they reach; an operator, those shared with it. */
export async function positioningsOfSessions(ctx: RequestContext, sessionIds: readonly string[]): Promise<Positioning[]> {
  const rows = await ctx.em.find(
    Positioning,
    { session: { $in: [...sessionIds] }, participant: await readableParticipants(ctx) },
    { populate: POSITIONING_POPULATE, orderBy: { createdAt: 'asc' } },
  );
  return sharedPositionings(ctx, rows, positioningFacts);
}

/** An operator's positionings waiting for its answer (proposed, or on its waiting list), oldest first. */
export async function positioningsToAnswer(ctx: RequestContext): Promise<Positioning[]> {
  const scope = programmeScope(ctx);
  const rows = await ctx.em.find(
    Positioning,
    {
      status: { $in: [PositioningStatus.PROPOSED, PositioningStatus.WAITING] },
      session: { action: ownActions(scope) },
      participant: await readableParticipants(ctx),
    },
    { populate: POSITIONING_POPULATE, orderBy: { createdAt: 'asc' } },
  );
  return sharedPositionings(ctx, rows, positioningFacts);
}

/** A person's positionings, latest first (staff). */
export async function positioningsOfPathway(ctx: RequestContext, pathwayId: string): Promise<Positioning[]> {
  const { pathway } = await findPathway(ctx, pathwayId);
  return ctx.em.find(Positioning, { pathway }, { populate: POSITIONING_POPULATE, orderBy: { createdAt: 'desc' } });
}

/** A positioning the viewer reaches (an operator: under the person's consent, in SQL and in the API), else NOT_FOUND. */
async function getPositioning(ctx: RequestContext, globalId: string): Promise<Positioning> {
  const id = parseGlobalId(globalId, 'Positioning')?.id;
  const found = id ? await ctx.em.findOne(Positioning, { id, participant: await readableParticipants(ctx) }, { populate: POSITIONING_POPULATE }) : null;
  const [positioning] = found ? await sharedPositionings(ctx, [found], positioningFacts) : [];
  if (!positioning) throw errors.notFound(ctx, 'id');
  return positioning;
}

/** The stage-scoped consent offered with a positioning: the action's kind of stage, shared with its operator. */
function operatorConsentTerms(action: ProgrammeAction, agreement: CollectedAgreementInput) {
  const sharing = positioningSharing(action.kind.category);
  return agreedTerms(
    {
      granteeOrganisationId: toGlobalId('Organisation', action.operator.id),
      dataClasses: sharing.dataClasses,
      stageKindCodes: [action.kind.code],
      purpose: sharing.purpose,
    },
    agreement,
  );
}

/** The referent proposes a person she follows on a session, with the consent that lets the operator see it, in one transaction. */
export function proposePositioning(ctx: RequestContext, input: ProposePositioningInput): Promise<Positioning> {
  return createOnce(
    ctx,
    'proposePositioning',
    input.idempotencyKey,
    async () => {
      const { pathway, participant } = await findPathway(ctx, input.pathwayId);
      assertMayEdit(ctx, participant);
      const session = await getSession(ctx, input.sessionId, 'sessionId');
      const problems = new InputProblems(ctx);
      if (!takesPositionings(session.action.status)) problems.add('sessionId', 'error.actionClosed');
      else if (session.endsOn < todayInFrance(ctx.now)) problems.add('sessionId', 'error.sessionEnded');
      if (pathway.status !== PathwayStatus.ACTIVE) problems.add('pathwayId', 'error.pathwayNotActive');
      const reason = problems.check(() => requiredText(ctx, 'reason', input.reason));
      problems.throwIfAny();
      if (input.consent) await newConsent(ctx, participant, operatorConsentTerms(session.action, input.consent));
      const positioning = ctx.em.create(Positioning, {
        tenant: pathway.tenant,
        session,
        participant,
        pathway,
        reason: reason!,
        proposedBy: ctx.em.getReference(User, ctx.actor!.userId),
      });
      await saveChanges(ctx, { field: 'pathwayId', message: 'error.positioningTwice' });
      return positioning;
    },
    (id) => ctx.em.findOne(Positioning, { id }, { populate: POSITIONING_POPULATE }),
  );
}

/** The person's stage with the operator, from the session: planned, or under way when it has begun. */
function acceptInto(ctx: RequestContext, positioning: Positioning): void {
  const { session } = positioning;
  const started = session.startsOn <= todayInFrance(ctx.now);
  positioning.status = PositioningStatus.ACCEPTED;
  positioning.waitingSince = null;
  positioning.stage = newStage(ctx, positioning.participant, {
    pathway: positioning.pathway,
    kind: session.action.kind,
    operator: session.action.operator,
    plannedStart: session.startsOn,
    plannedEnd: session.endsOn,
    sharedSummary: session.action.title,
    status: started ? StageStatus.IN_PROGRESS : StageStatus.PLANNED,
    actualStart: started ? session.startsOn : null,
  });
}

/**
 * The operator answers a positioning it sees. Accepted: the person's stage with it, in the same
 * transaction — or its waiting list when the session has no place left (the answer says so by its
 * status). The session's lock makes two acceptances of its last place one after the other.
 */
export async function answerPositioning(ctx: RequestContext, input: AnswerPositioningInput): Promise<Positioning> {
  const positioning = await getPositioning(ctx, input.id);
  await lockForTransaction(ctx.em, sessionLock(positioning.session));
  await ctx.em.refresh(positioning);
  if (positioning.version !== input.version) throw errors.conflict(ctx);
  const problems = new InputProblems(ctx);
  if (!mayAnswerPositioning(positioning.status, input.answer)) problems.add('answer', 'error.positioningNotAnswerable');
  const note = optionalText(input.note);
  if (input.answer === PositioningStatus.DECLINED && !note) problems.add('note', 'error.reasonRequired');
  problems.throwIfAny();
  const occupancy = await occupancyOf(ctx, positioning.session);
  const outcome = answerOutcome(input.answer, occupancy.places - occupancy.accepted);
  ctx.em.assign(positioning, { answerNote: note, answeredAt: ctx.now, answeredBy: ctx.em.getReference(User, ctx.actor!.userId) });
  if (outcome === PositioningStatus.ACCEPTED) acceptInto(ctx, positioning);
  else {
    if (outcome === PositioningStatus.WAITING) positioning.waitingSince ??= ctx.now;
    positioning.status = outcome;
  }
  await saveChanges(ctx);
  return positioning;
}

/**
 * The places of a session left free go to its waiting list, first come first served: each person
 * promoted gets her stage, and her referent's team and the operator are told. Runs under the
 * session's lock, as staff (a withdrawal, more places).
 */
async function fillFreedPlaces(ctx: RequestContext, session: ProgrammeSession): Promise<void> {
  await lockForTransaction(ctx.em, sessionLock(session));
  const occupancy = await occupancyOf(ctx, session);
  const free = occupancy.places - occupancy.accepted;
  if (free <= 0 || occupancy.waiting === 0) return;
  const next = await ctx.em.find(
    Positioning,
    { session, status: PositioningStatus.WAITING },
    { populate: [...POSITIONING_POPULATE, 'participant.referent'], orderBy: { waitingSince: 'asc', createdAt: 'asc' }, limit: free },
  );
  for (const positioning of next) {
    acceptInto(ctx, positioning);
    const label = `${shortNameOf(positioning.participant)} — ${session.action.title}`;
    for (const organisation of new Set([session.action.operator.id, positioning.participant.referent.organisation.id]))
      ctx.em.create(Notification, {
        tenant: session.tenant,
        organisation,
        kind: NotificationKind.POSITIONING_PROMOTED,
        participant: positioning.participant,
        participantLabel: label,
      });
  }
  await saveChanges(ctx);
}

/** The referent withdraws a person; an accepted place is freed (her stage cancelled) and goes to the first waiting. */
export async function withdrawPositioning(ctx: RequestContext, input: WithdrawPositioningInput): Promise<Positioning> {
  const positioning = await getPositioning(ctx, input.id);
  assertMayEdit(ctx, positioning.participant);
  await lockForTransaction(ctx.em, sessionLock(positioning.session));
  await ctx.em.refresh(positioning);
  if (positioning.version !== input.version) throw errors.conflict(ctx);
  const problems = new InputProblems(ctx);
  if (!mayWithdrawPositioning(positioning.status)) problems.add('id', 'error.positioningNotOpen');
  const reason = problems.check(() => requiredText(ctx, 'reason', input.reason));
  problems.throwIfAny();
  const freesPlace = positioning.status === PositioningStatus.ACCEPTED;
  ctx.em.assign(positioning, { status: PositioningStatus.WITHDRAWN, answerNote: reason, waitingSince: null });
  const stage = freesPlace ? positioning.stage : null;
  if (stage) {
    await ctx.em.populate(stage, ['kind']);
    recordChange(ctx, positioning.participant, 'stage.updated', [
      { field: 'kind', before: stage.kind.labelFr, after: stage.kind.labelFr },
      ...diff({ status: stage.status }, { status: StageStatus.CANCELLED }),
    ]);
    stage.status = StageStatus.CANCELLED;
  }
  await saveChanges(ctx);
  if (freesPlace) await fillFreedPlaces(ctx, positioning.session);
  return positioning;
}

/** A need's horizon: from last year to two years ahead. */
function checkedPeriod(ctx: RequestContext, problems: InputProblems, value: string): string | null {
  const period = value.trim().toUpperCase();
  if (!isNeedPeriod(period)) {
    problems.add('period', 'error.needPeriodInvalid');
    return null;
  }
  const today = todayInFrance(ctx.now);
  const year = Number(today.slice(0, 4));
  checkDayWithin(problems, 'period', periodDays(period).first, { earliest: `${year - 1}-01-01`, latest: `${year + 2}-12-31` });
  return period;
}

/** A referent records an unmet need, for a person she follows (one person) or in general. */
export function recordNeed(ctx: RequestContext, input: RecordProgrammeNeedInput): Promise<ProgrammeNeed> {
  return createOnce(
    ctx,
    'recordProgrammeNeed',
    input.idempotencyKey,
    async () => {
      const problems = new InputProblems(ctx);
      const participant = input.participantId ? await findParticipant(ctx, input.participantId, 'participantId') : null;
      if (participant) assertMayEdit(ctx, participant);
      const kind = await activeKind(ctx, problems, 'kindId', input.kindId);
      const communeCode = input.communeCode.trim().toUpperCase();
      if (!isCommuneCode(communeCode)) problems.add('communeCode', 'error.communeUnknown');
      if (!(Number.isInteger(input.people) && input.people >= 1 && input.people <= MAX_NEED_PEOPLE))
        problems.add('people', 'error.needPeopleImplausible', { max: MAX_NEED_PEOPLE });
      else if (participant && input.people !== 1) problems.add('people', 'error.needForPersonIsOne');
      const period = checkedPeriod(ctx, problems, input.period);
      problems.throwIfAny();
      const need = ctx.em.create(ProgrammeNeed, {
        tenant: ctx.em.getReference(Tenant, activeMembership(ctx).tenantId),
        kind: kind!,
        communeCode,
        people: input.people,
        period: period!,
        quarter: quarterOf(period!),
        participant,
        note: optionalText(input.note),
        author: ctx.em.getReference(User, ctx.actor!.userId),
      });
      await saveChanges(ctx);
      return need;
    },
    (id) => ctx.em.findOne(ProgrammeNeed, { id }, { populate: ['kind'] }),
  );
}

/** The needs recorded, newest first (staff). */
export function listNeeds(ctx: RequestContext, quarter: string | null): Promise<ProgrammeNeed[]> {
  return ctx.em.find(ProgrammeNeed, quarter ? { quarter } : {}, { populate: ['kind', 'author'], orderBy: { createdAt: 'desc' }, limit: 200 });
}

export function communeName(code: string): string {
  return getCommune(code)?.name ?? code;
}

export type { Participant };
