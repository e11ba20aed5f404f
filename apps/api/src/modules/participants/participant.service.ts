import type { FilterQuery } from '@mikro-orm/core';
import { canTransition, DataClass, ENDED_STATUSES, IDENTIFICATION, opensInJobFollowUp, PathwayStatus } from '@jalon/domain';
import { getCommune } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { createOnce } from '../idempotency/idempotency';
import { withAlert } from '../../db/caseload-alerts.query';
import { assertMayEdit, readableParticipants } from '../../access/participant-access';
import { may } from '../../access/operation-access';
import { readableReferents } from '../../access/referent-access';
import { userNames } from '../../db/user-names.query';
import { activeMembership } from '../../access/tenant-scope';
import { withScope, type ConsentScope } from '../../access/consent-scope';
import { expireConsents } from '../consent/consent-expiry';
import { notInFuture, optionalDate, requiredDate, todayInFrance } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { translate } from '../../i18n/messages';
import { afterDescending, pageCursor, pageOf, pageSize, type PageArgs } from '../../graphql/pagination';
import { saveChanges } from '../../graphql/save-changes';
import { encodeCursor, parseGlobalId, toGlobalId, type Page } from '../../graphql/relay';
import { likePattern, optionalText } from '../../graphql/text-input';
import { countPendingCheckIns, scheduleCheckIns } from '../follow-up/follow-up-schedule';
import { isKnownPriorityDistrict } from '../priority-districts/priority-district';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { diff, recordChange } from './participant-history';
import { ParticipantChange } from './participant-change.entity';
import { Participant } from './participant.entity';
import type {
  ChangePathwayStatusInput,
  CreateParticipantInput,
  ParticipantFilter,
  ReassignParticipantInput,
  UpdateParticipantInput,
  UpdatePathwayEntryInput,
} from './participant.inputs';
import { type ParticipantRow, ParticipantType, PathwayType, ReferentType } from './participant.type';
import { anyUuid } from '../../db/bound-statement';
import { participantPage, type PageShape, type ParticipantPageRow } from './participant-page.query';
import { type CheckedDetails, checkedDetails, checkedEntry, searchKeyOf } from './participant.validation';
import { Pathway } from './pathway.entity';
import { Stage } from '../stages/stage.entity';
import { EsfRecord } from '../esf/esf-record.entity';
import { joinDefaultOperation } from '../esf/default-operation';

const POPULATE = ['referent.organisation'] as const;

/** `names`: from userNames() (a partner reads no one's account, only the names it is shown). */
function referentOf(membership: ParticipantRow['referent'], names: Map<string, string>): ReferentType {
  return { id: toGlobalId('Membership', membership.id), displayName: names.get(membership.user.id) ?? '', organisationName: membership.organisation.name };
}

/** The referent as the row brings it: named when the list was asked for the referent (participant-page.query.ts). */
function namedReferent(referent: ParticipantPageRow['referent']): ParticipantRow['referent'] | null {
  return referent.user && referent.organisation ? { id: referent.id, user: referent.user, organisation: referent.organisation } : null;
}

/**
 * Builds the GraphQL view of participants with their pathways: those the list brought along
 * (participant-page.query.ts), or loaded in one query for all the others.
 */
export async function toTypes(
  ctx: RequestContext,
  participants: Array<ParticipantRow | ParticipantPageRow>,
  scope: ConsentScope = ctx.consent,
): Promise<ParticipantType[]> {
  const previewing = scope !== ctx.consent;
  const ids = participants.filter((p) => !('pathways' in p)).map((p) => p.id);
  const loaded = ids.length ? await ctx.em.find(Pathway, { participant: { $in: ids } }, { orderBy: { number: 'desc' }, populate: ['esf'] }) : [];
  const referents = participants.map((p) => namedReferent(p.referent));
  const names = await userNames(
    ctx,
    referents.flatMap((referent) => (referent ? [referent.user.id] : [])),
  );
  return participants.map((p, index) => {
    const pathways = 'pathways' in p ? p.pathways : loaded.filter((pw) => pw.participant.id === p.id);
    const own = pathways.map((pw) => withScope(PathwayType.from(pw, p), previewing ? scope : undefined));
    const referent = referents[index];
    return Object.assign(new ParticipantType(), {
      id: toGlobalId('Participant', p.id),
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      gender: p.gender ?? null,
      phone: p.phone ?? null,
      email: p.email ?? null,
      addressLine: p.addressLine ?? null,
      postcode: p.postcode ?? null,
      communeCode: p.communeCode ?? null,
      communeName: p.communeCode ? (getCommune(p.communeCode)?.name ?? null) : null,
      priorityDistrictCode: p.priorityDistrictCode ?? null,
      referent: referent ? referentOf(referent, names) : null,
      currentPathway: own[0]!,
      pathways: own,
      version: p.version,
      updatedAt: p.updatedAt,
      currentPathwayId: pathways[0]!.id,
      referentId: p.referent.id,
      listedStages: 'stages' in p ? (p.stages ?? undefined) : undefined,
      consentSubject: { participantId: p.id, itemClass: IDENTIFICATION, ...(previewing ? { scope } : {}) },
    });
  });
}

export async function participantView(ctx: RequestContext, participant: Participant): Promise<ParticipantType> {
  return (await toTypes(ctx, [participant]))[0]!;
}

/** The details as typed, checked; the priority district must also be one of the PLIE's. */
export async function checkedDetailsInTenant(ctx: RequestContext, input: CreateParticipantInput['details']) {
  const details = checkedDetails(ctx, input);
  if (details.priorityDistrictCode && !(await isKnownPriorityDistrict(ctx, details.priorityDistrictCode))) {
    throw errors.badInput(ctx, 'priorityDistrictCode', 'error.qpvUnknown');
  }
  return details;
}

/** A participant the viewer may read, or NOT_FOUND (also for other tenants and colleagues' files when hidden). */
export async function findParticipant(ctx: RequestContext, globalId: string, field = 'id'): Promise<Participant> {
  const parsed = parseGlobalId(globalId, 'Participant');
  const participant = parsed && (await ctx.em.findOne(Participant, { $and: [{ id: parsed.id }, await readableParticipants(ctx)] }, { populate: POPULATE }));
  if (!participant) throw errors.notFound(ctx, field);
  return participant;
}

export async function findPathway(ctx: RequestContext, globalId: string): Promise<{ pathway: Pathway; participant: Participant }> {
  const parsed = parseGlobalId(globalId, 'Pathway');
  const pathway = parsed && (await ctx.em.findOne(Pathway, { id: parsed.id }, { populate: ['esf'] }));
  const participant =
    pathway && (await ctx.em.findOne(Participant, { $and: [{ id: pathway.participant.id }, await readableParticipants(ctx)] }, { populate: POPULATE }));
  if (!pathway || !participant) throw errors.notFound(ctx, 'pathwayId');
  return { pathway, participant };
}

/**
 * The caseload (for a partner, the people shared with it) by name, keyset-paginated: one SQL
 * statement for the page, its total, pathways and stages, whatever the page size.
 */
export async function listParticipants(
  ctx: RequestContext,
  filter: ParticipantFilter | undefined,
  args: PageArgs | undefined,
  shape: PageShape,
): Promise<Page<ParticipantPageRow>> {
  const conditions: Array<FilterQuery<Participant>> = [{ tenant: activeMembership(ctx).tenantId }, await readableParticipants(ctx)];
  if (ctx.consent.governsByConsent) conditions.push(...(await partnerFilters(ctx, filter)));
  const search = filter?.search ? searchKeyOf(filter.search, '') : '';
  if (search) conditions.push({ searchKey: { $like: likePattern(search) } });
  if (filter?.mine) conditions.push({ referent: activeMembership(ctx).id });
  if (filter?.referentId) conditions.push({ referent: parseGlobalId(filter.referentId, 'Membership')?.id ?? null });
  if (filter?.communeCode) conditions.push({ communeCode: filter.communeCode });
  if (filter?.alert) conditions.push(withAlert(filter.alert));
  if (filter?.stageKindId) {
    const kind = parseGlobalId(filter.stageKindId, 'StageKind')?.id ?? null;
    const stages = await ctx.em.find(Stage, { kind }, { populate: ['pathway'], fields: ['pathway.participant'] });
    conditions.push({ id: anyUuid([...new Set(stages.map((s) => s.pathway.participant.id))]) });
  }
  if (filter?.statuses?.length) conditions.push({ currentStatus: { $in: filter.statuses } });
  const first = pageSize(args);
  const { rows, totalCount } = await participantPage(ctx.em, { $and: conditions }, pageCursor(ctx, args, 'text'), first + 1, shape);
  const nodes = rows.slice(0, first);
  return { nodes, totalCount, hasNextPage: rows.length > first, endCursor: nodes.length ? participantCursor(nodes.at(-1)!) : null };
}

/**
 * A partner filters only on what it may read: a status among the people whose status is shared
 * with it, a commune among those whose address is; the staff's working filters are not for it.
 */
async function partnerFilters(ctx: RequestContext, filter: ParticipantFilter | undefined): Promise<Array<FilterQuery<Participant>>> {
  for (const field of ['mine', 'referentId', 'alert', 'stageKindId'] as const) {
    if (filter?.[field]) throw errors.badInput(ctx, `filter.${field}`, 'error.filterNotShared');
  }
  const conditions: Array<FilterQuery<Participant>> = [];
  if (filter?.statuses?.length) conditions.push({ id: anyUuid(await ctx.consent.participantIdsSharing(DataClass.PATHWAY_STATUS)) });
  if (filter?.communeCode) conditions.push({ id: anyUuid(await ctx.consent.participantIdsSharing(DataClass.IDENTITY_CONTACT)) });
  return conditions;
}

export function participantCursor(p: Pick<Participant, 'searchKey' | 'id'>): string {
  return encodeCursor(p.searchKey, p.id);
}

/** Referents of the active tenant, to assign a file to. */
export async function listReferents(ctx: RequestContext): Promise<ReferentType[]> {
  const referents = await ctx.em.find(Membership, readableReferents(), { populate: ['user', 'organisation'], orderBy: { user: { displayName: 'asc' } } });
  const names = await userNames(
    ctx,
    referents.map((m) => m.user.id),
  );
  return referents.map((m) => referentOf(m, names));
}

async function referentMembership(ctx: RequestContext, globalId: string | null | undefined): Promise<Membership> {
  const self = activeMembership(ctx);
  const id = globalId ? parseGlobalId(globalId, 'Membership')?.id : may(ctx.actor, 'holdCaseload') ? self.id : null;
  const membership = id ? await ctx.em.findOne(Membership, { id, ...readableReferents() }, { populate: ['user', 'organisation'] }) : null;
  if (!membership) throw errors.badInput(ctx, 'referentId', 'error.referentInvalid');
  return membership;
}

/**
 * Same name (any case or accent) and same birth date. `readableOnly` limits it to files the viewer
 * may read (what is shown); creation checks the whole tenant, so no one is entered twice.
 */
export async function findPossibleDuplicates(
  ctx: RequestContext,
  lastName: string,
  firstName: string,
  birthDate: string,
  readableOnly = true,
): Promise<Participant[]> {
  const same = { searchKey: searchKeyOf(lastName, firstName), birthDate };
  return ctx.em.find(Participant, readableOnly ? { $and: [same, await readableParticipants(ctx)] } : same, { populate: POPULATE });
}

export function createParticipant(ctx: RequestContext, input: CreateParticipantInput): Promise<Participant> {
  return createOnce(
    ctx,
    'createParticipant',
    input.idempotencyKey,
    async () => {
      const details = await checkedDetailsInTenant(ctx, input.details);
      const entry = checkedEntry(ctx, input.entry);
      const referralDate = notInFuture(ctx, 'referralDate', optionalDate(ctx, 'referralDate', input.referralDate) ?? todayInFrance(ctx.now));
      const referent = await referentMembership(ctx, input.referentId);
      if (!input.confirmNotDuplicate && (await findPossibleDuplicates(ctx, details.lastName, details.firstName, details.birthDate, false)).length > 0) {
        throw errors.badInput(ctx, 'confirmNotDuplicate', 'error.possibleDuplicate');
      }
      const tenant = ctx.em.getReference(Tenant, activeMembership(ctx).tenantId);
      const participant = ctx.em.create(Participant, { tenant, ...details, referent });
      const pathway = ctx.em.create(Pathway, { tenant, participant, number: 1, referralDate });
      ctx.em.create(EsfRecord, { tenant, pathway, ...entry });
      const { searchKey, ...shown } = details; // the search key is internal: not in the history
      recordChange(ctx, participant, 'participant.created', diff({}, { ...shown, referent: referent.user.displayName, referralDate }));
      await ctx.em.flush();
      return participant;
    },
    (id) => ctx.em.findOne(Participant, { id }, { populate: POPULATE }),
  );
}

export async function updateParticipant(ctx: RequestContext, input: UpdateParticipantInput): Promise<Participant> {
  const participant = await findParticipant(ctx, input.id);
  assertMayEdit(ctx, participant);
  if (participant.version !== input.version) throw errors.conflict(ctx);
  const details = await checkedDetailsInTenant(ctx, input.details);
  const before = { ...Object.fromEntries(Object.keys(details).map((k) => [k, participant[k as keyof typeof details] ?? null])) } as Record<
    string,
    string | null
  >;
  ctx.em.assign(participant, details);
  recordChange(
    ctx,
    participant,
    'participant.updated',
    diff(before, details).filter((c) => c.field !== 'searchKey'),
  );
  await saveChanges(ctx);
  return participant;
}

export async function updatePathwayEntry(ctx: RequestContext, input: UpdatePathwayEntryInput): Promise<Participant> {
  const { pathway, participant } = await findPathway(ctx, input.pathwayId);
  assertMayEdit(ctx, participant);
  // The ESF+ data has its own version (0 before its first write): the entry form checks that one.
  if ((pathway.esf?.version ?? 0) !== input.version) throw errors.conflict(ctx);
  const entry = checkedEntry(ctx, input.entry);
  const record = pathway.esf ?? ctx.em.create(EsfRecord, { tenant: pathway.tenant, pathway });
  const before = Object.fromEntries(Object.keys(entry).map((k) => [k, record[k as keyof typeof entry] ?? null])) as Record<string, string | number | null>;
  ctx.em.assign(record, entry);
  recordChange(ctx, participant, 'pathway.entry', diff(before, entry));
  await saveChanges(ctx);
  return participant;
}

/**
 * Moves a pathway along the status machine. Becoming ACTIVE records the entry date; EXITED
 * needs an exit kind and a date not before entry; an exit into a job then opens the in-job
 * follow-up. Every move is kept in the file's history.
 */
export async function changePathwayStatus(ctx: RequestContext, input: ChangePathwayStatusInput): Promise<Participant> {
  const { pathway, participant } = await findPathway(ctx, input.pathwayId);
  assertMayEdit(ctx, participant);
  if (pathway.version !== input.version) throw errors.conflict(ctx);
  const refuse = () =>
    errors.badInput(ctx, 'status', 'error.transitionNotAllowed', { from: translate(ctx.locale, `pathwayStatus.${pathway.status as PathwayStatus}`) });
  // The in-job follow-up is where an exit into a job leads, not a move one asks for.
  if (input.status === PathwayStatus.IN_JOB_FOLLOW_UP) throw refuse();
  const problems = new InputProblems(ctx);
  if (input.status === PathwayStatus.EXITED && !input.exitKind) problems.add('exitKind', 'error.exitKindRequired');
  const day = problems.check(() => notInFuture(ctx, 'date', requiredDate(ctx, 'date', input.date)));
  if (day && day < (pathway.entryDate ?? pathway.referralDate)) problems.add('date', 'error.dateBeforeEntry');
  problems.throwIfAny();
  const date = day!;
  const next = input.status === PathwayStatus.EXITED && opensInJobFollowUp(input.exitKind!) ? PathwayStatus.IN_JOB_FOLLOW_UP : input.status;
  const latest = await ctx.em.count(Pathway, { participant, number: { $gt: pathway.number } });
  if (latest > 0 || !canTransition(pathway.status, next)) throw refuse();
  const reason = optionalText(input.reason);
  const before = {
    status: pathway.status,
    entryDate: pathway.entryDate ?? null,
    exitDate: pathway.exitDate ?? null,
    exitKind: pathway.exitKind ?? null,
    exitValidated: pathway.exitValidated ?? null,
  };

  if (next === PathwayStatus.ACTIVE && !pathway.entryDate) {
    pathway.entryDate = date;
    await joinDefaultOperation(ctx, pathway, date);
  }
  if (input.status === PathwayStatus.EXITED) {
    pathway.exitDate = date;
    pathway.exitKind = input.exitKind;
  }
  if (pathway.status === PathwayStatus.IN_JOB_FOLLOW_UP && next === PathwayStatus.CLOSED) {
    if ((await countPendingCheckIns(ctx.em, pathway)) > 0) throw errors.badInput(ctx, 'status', 'error.checkInsPending');
    if (typeof input.exitValidated !== 'boolean') throw errors.badInput(ctx, 'exitValidated', 'error.exitValidationRequired');
    pathway.exitValidated = input.exitValidated;
  }
  pathway.status = next;
  if (next === PathwayStatus.CLOSED) pathway.closedOn = date;
  if (next === PathwayStatus.IN_JOB_FOLLOW_UP) scheduleCheckIns(ctx.em, pathway, date);
  participant.currentStatus = next;
  const after = {
    status: pathway.status,
    entryDate: pathway.entryDate ?? null,
    exitDate: pathway.exitDate ?? null,
    exitKind: pathway.exitKind ?? null,
    exitValidated: pathway.exitValidated ?? null,
  };
  // The day the move happened is kept in the history whatever the move (suspension, closing…).
  const dated = [{ field: 'date', before: null, after: date }, ...(reason ? [{ field: 'reason', before: null, after: reason }] : [])];
  recordChange(ctx, participant, 'pathway.status', [...diff(before, after), ...dated]);
  await saveChanges(ctx);
  // The end of the pathway (and of its follow-up) ends the consents given for it.
  if (next === PathwayStatus.CLOSED) await expireConsents(ctx.em, ctx.now, pathway.id);
  return participant;
}

/** Who the accreditation commission admits: a person already on file, or a new one and their referent. */
export type Admission = { participantId: string; referentId?: string | null } | { details: CheckedDetails; referentId: string | null | undefined };

/**
 * The commission accepted a referral: the person enters a pathway today. A new person gets a file
 * and a first pathway; a person whose last pathway ended gets a new one; a pathway awaiting
 * accreditation becomes active; a pathway already under way is only linked. Flushed with the
 * caller's other changes (the referral's decision), in the same transaction.
 */
export async function admitToPathway(ctx: RequestContext, admission: Admission, referralDate: string): Promise<{ participant: Participant; pathway: Pathway }> {
  const admitted = await admit(ctx, admission, referralDate);
  await joinDefaultOperation(ctx, admitted.pathway, admitted.pathway.entryDate!);
  return admitted;
}

async function admit(ctx: RequestContext, admission: Admission, referralDate: string): Promise<{ participant: Participant; pathway: Pathway }> {
  const today = todayInFrance(ctx.now);
  const tenant = ctx.em.getReference(Tenant, activeMembership(ctx).tenantId);
  if ('details' in admission) {
    const referent = await referentMembership(ctx, admission.referentId);
    const participant = ctx.em.create(Participant, { tenant, ...admission.details, referent, currentStatus: PathwayStatus.ACTIVE });
    const pathway = ctx.em.create(Pathway, { tenant, participant, number: 1, referralDate, entryDate: today, status: PathwayStatus.ACTIVE });
    const { searchKey, ...shown } = admission.details;
    recordChange(ctx, participant, 'participant.created', diff({}, { ...shown, referent: referent.user.displayName, referralDate, entryDate: today }));
    return { participant, pathway };
  }
  const participant = await findParticipant(ctx, admission.participantId, 'participantId');
  const [current] = await ctx.em.find(Pathway, { participant }, { orderBy: { number: 'desc' }, limit: 1, populate: ['esf'] });
  if (current && !ENDED_STATUSES.includes(current.status)) {
    if (current.status === PathwayStatus.REFERRED || current.status === PathwayStatus.PENDING_ACCREDITATION) {
      recordChange(ctx, participant, 'pathway.status', [
        { field: 'status', before: current.status, after: PathwayStatus.ACTIVE },
        { field: 'entryDate', before: current.entryDate ?? null, after: current.entryDate ?? today },
      ]);
      current.status = PathwayStatus.ACTIVE;
      current.entryDate ??= today;
      participant.currentStatus = PathwayStatus.ACTIVE;
    }
    return { participant, pathway: current };
  }
  if (admission.referentId) participant.referent = await referentMembership(ctx, admission.referentId);
  const number = (current?.number ?? 0) + 1;
  const pathway = ctx.em.create(Pathway, { tenant, participant, number, referralDate, entryDate: today, status: PathwayStatus.ACTIVE });
  participant.currentStatus = PathwayStatus.ACTIVE;
  recordChange(ctx, participant, 'pathway.opened', [
    { field: 'number', before: current?.number ?? null, after: number },
    { field: 'entryDate', before: null, after: today },
  ]);
  return { participant, pathway };
}

/** A person who comes back after their pathway ended gets a new one; the old one stays readable. */
export async function openNewPathway(
  ctx: RequestContext,
  participantId: string,
  referralDate: string | null | undefined,
  idempotencyKey: string | null | undefined,
): Promise<Participant> {
  await createOnce(
    ctx,
    'openNewPathway',
    idempotencyKey,
    async () => {
      const participant = await findParticipant(ctx, participantId, 'participantId');
      assertMayEdit(ctx, participant);
      const [current] = await ctx.em.find(Pathway, { participant }, { orderBy: { number: 'desc' }, limit: 1 });
      if (current && !ENDED_STATUSES.includes(current.status)) throw errors.badInput(ctx, 'participantId', 'error.pathwayStillOpen');
      const date = notInFuture(ctx, 'referralDate', optionalDate(ctx, 'referralDate', referralDate) ?? todayInFrance(ctx.now));
      const number = (current?.number ?? 0) + 1;
      const pathway = ctx.em.create(Pathway, { tenant: participant.tenant, participant, number, referralDate: date });
      participant.currentStatus = pathway.status;
      recordChange(ctx, participant, 'pathway.opened', [{ field: 'number', before: current?.number ?? null, after: number }]);
      await saveChanges(ctx);
      return pathway;
    },
    (id) => ctx.em.findOne(Pathway, { id }),
  );
  return findParticipant(ctx, participantId, 'participantId');
}

export async function reassignParticipant(ctx: RequestContext, input: ReassignParticipantInput): Promise<Participant> {
  const participant = await findParticipant(ctx, input.participantId, 'participantId');
  assertMayEdit(ctx, participant);
  if (participant.version !== input.version) throw errors.conflict(ctx);
  const referent = await referentMembership(ctx, input.referentId);
  const before = (await userNames(ctx, [participant.referent.user.id])).get(participant.referent.user.id) ?? null;
  participant.referent = referent;
  recordChange(ctx, participant, 'participant.referent', [{ field: 'referent', before, after: referent.user.displayName }]);
  await saveChanges(ctx);
  return participant;
}

export function historyCursor(change: ParticipantChange): string {
  return encodeCursor(change.at.toISOString(), change.id);
}

/** The history of a file, newest first, a page at a time. */
export async function participantHistory(ctx: RequestContext, participantId: string, args: PageArgs | undefined): Promise<Page<ParticipantChange>> {
  const participant = await findParticipant(ctx, participantId, 'participantId');
  return pageOf(ctx, args, {
    key: 'timestamp',
    fetch: (after, limit) =>
      ctx.em.find(ParticipantChange, { participant, ...afterDescending('at', after) }, { populate: ['author'], orderBy: { at: 'desc', id: 'desc' }, limit }),
    count: () => ctx.em.count(ParticipantChange, { participant }),
    cursorOf: historyCursor,
  });
}
