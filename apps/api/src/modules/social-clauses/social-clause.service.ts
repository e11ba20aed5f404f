import type { FilterQuery } from '@mikro-orm/core';
import {
  ClausePlacementKind,
  CompanyKind,
  EARLIEST_CLAUSE_DAY,
  MAX_CLAUSE_HOURS_OWED,
  MAX_CLAUSE_YEARS,
  maxHoursBetween,
  roundHours,
  type SocialClauseStatus,
} from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { mayRead } from '../../access/participant-access';
import { activeMembership } from '../../access/tenant-scope';
import { lockForTransaction } from '../../db/advisory-lock';
import { checkDayWithin, notInFuture, optionalDate, requiredDate, todayInFrance } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { pageCursor, pageSize, type PageArgs } from '../../graphql/pagination';
import { encodeCursor, parseGlobalId, type Page } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { likePattern, optionalText, requiredText } from '../../graphql/text-input';
import { Company } from '../companies/company.entity';
import { getCompany } from '../companies/company.service';
import { createOnce } from '../idempotency/idempotency';
import { findParticipant } from '../participants/participant.service';
import { User } from '../users/user.entity';
import { ClauseHours, ClausePlacement, SocialClause } from './social-clause.entity';
import type {
  ClausePlacementDetailsInput,
  CreateSocialClauseInput,
  PlaceOnSocialClauseInput,
  RecordClauseHoursInput,
  RemoveClauseHoursInput,
  SocialClauseDetailsInput,
  SocialClauseFilter,
  UpdateClausePlacementInput,
  UpdateSocialClauseInput,
} from './social-clause.inputs';
import { clausesWithProgress, countClauses, placementHoursOf, progressOf, type ClauseListFilter, type ClauseProgressRow } from './social-clause.query';
import { ClausePlacementType, SocialClauseType } from './social-clause.type';

export function clauseCursor(row: Pick<ClauseProgressRow, 'endsOn' | 'id'>): string {
  return encodeCursor(row.endsOn, row.id);
}

/** The clauses as types, each with its progress, in the order of `rows`. */
async function clauseTypes(ctx: RequestContext, rows: ClauseProgressRow[]): Promise<SocialClauseType[]> {
  if (rows.length === 0) return [];
  const clauses = await ctx.em.find(SocialClause, { id: { $in: rows.map((row) => row.id) } }, { populate: ['company'] });
  const byId = new Map(clauses.map((c) => [c.id, c]));
  return rows.map((row) => SocialClauseType.from(byId.get(row.id)!, row));
}

/** The PLIE's clauses, those ending first first; of a status, of a company, or matching a text. */
export async function listSocialClauses(
  ctx: RequestContext,
  filter: SocialClauseFilter | undefined,
  args: PageArgs | undefined,
): Promise<{ page: Page<ClauseProgressRow>; clauses: SocialClauseType[] }> {
  const { tenantId } = activeMembership(ctx);
  const companyId = filter?.companyId ? parseGlobalId(filter.companyId, 'Company')?.id : null;
  if (filter?.companyId && !companyId) throw errors.notFound(ctx, 'companyId');
  const search = filter?.search?.trim();
  const where: ClauseListFilter & { status?: SocialClauseStatus | null } = {
    tenantId,
    today: todayInFrance(ctx.now),
    companyId,
    status: filter?.status ?? null,
    pattern: search ? likePattern(search) : null,
  };
  const first = pageSize(args);
  const after = pageCursor(ctx, args, 'date');
  const rows = await clausesWithProgress(ctx.em, where, after, first + 1);
  const totalCount = await countClauses(ctx.em, where);
  const nodes = rows.slice(0, first);
  return {
    page: { nodes, totalCount, hasNextPage: rows.length > first, endCursor: nodes.length ? clauseCursor(nodes.at(-1)!) : null },
    clauses: await clauseTypes(ctx, nodes),
  };
}

/** A company's clauses, the ones ending first first (a company wins a handful, not hundreds). */
export async function clausesOfCompany(ctx: RequestContext, company: Company): Promise<SocialClauseType[]> {
  const rows = await clausesWithProgress(ctx.em, { tenantId: activeMembership(ctx).tenantId, today: todayInFrance(ctx.now), companyId: company.id }, null, 200);
  return clauseTypes(ctx, rows);
}

async function findClause(ctx: RequestContext, globalId: string, field: string): Promise<SocialClause> {
  const parsed = parseGlobalId(globalId, 'SocialClause');
  const clause = parsed && (await ctx.em.findOne(SocialClause, { id: parsed.id, tenant: activeMembership(ctx).tenantId }, { populate: ['company'] }));
  if (!clause) throw errors.notFound(ctx, field);
  return clause;
}

async function typeOf(ctx: RequestContext, clause: SocialClause): Promise<SocialClauseType> {
  const progress = await progressOf(ctx.em, activeMembership(ctx).tenantId, todayInFrance(ctx.now), [clause.id]);
  return SocialClauseType.from(clause, progress.get(clause.id)!);
}

export async function getSocialClause(ctx: RequestContext, globalId: string): Promise<SocialClauseType> {
  return typeOf(ctx, await findClause(ctx, globalId, 'id'));
}

/** The people placed on a clause, with the hours each did (summed by the database) and their records. */
export async function placementsOf(ctx: RequestContext, clause: SocialClause): Promise<ClausePlacementType[]> {
  const placements = await ctx.em.find(
    ClausePlacement,
    { clause },
    { populate: ['participant', 'intermediary'], orderBy: { startsOn: 'asc', createdAt: 'asc' } },
  );
  if (placements.length === 0) return [];
  const sums = await placementHoursOf(ctx.em, [clause.id]);
  const records = await ctx.em.find(ClauseHours, { placement: { $in: placements } }, { populate: ['author'], orderBy: { toOn: 'desc', createdAt: 'desc' } });
  return placements.map((p) =>
    ClausePlacementType.from(
      p,
      !!p.participant && mayRead(ctx, p.participant),
      sums.get(p.id) ?? 0,
      records.filter((r) => r.placement.id === p.id),
    ),
  );
}

function yearsAfter(day: string, years: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

/**
 * The contract as typed, checked at once: a buyer and a name, a period that ends after it starts
 * and lasts at most MAX_CLAUSE_YEARS, hours owed that are plausible. When the clause exists, the
 * new period must still hold its placements and their hours.
 */
async function checkedClause(ctx: RequestContext, input: SocialClauseDetailsInput, clause?: SocialClause) {
  const problems = new InputProblems(ctx);
  const buyer = problems.check(() => requiredText(ctx, 'buyer', input.buyer));
  const contractName = problems.check(() => requiredText(ctx, 'contractName', input.contractName));
  const startsOn = problems.check(() => requiredDate(ctx, 'startsOn', input.startsOn));
  const endsOn = problems.check(() => requiredDate(ctx, 'endsOn', input.endsOn));
  const today = todayInFrance(ctx.now);
  checkDayWithin(problems, 'startsOn', startsOn, { earliest: EARLIEST_CLAUSE_DAY, latest: yearsAfter(today, MAX_CLAUSE_YEARS) });
  if (startsOn && endsOn && !problems.has('startsOn')) {
    if (endsOn <= startsOn) problems.add('endsOn', 'error.clauseEndBeforeStart');
    else checkDayWithin(problems, 'endsOn', endsOn, { earliest: null, latest: yearsAfter(startsOn, MAX_CLAUSE_YEARS) });
  }
  // Checked as stored, to the hundredth: 0.001 hours is none.
  const hoursOwed = roundHours(input.hoursOwed);
  if (!Number.isFinite(hoursOwed) || hoursOwed <= 0 || hoursOwed > MAX_CLAUSE_HOURS_OWED) {
    problems.add('hoursOwed', 'error.hoursOwedInvalid', { max: MAX_CLAUSE_HOURS_OWED });
  }
  if (clause && startsOn && endsOn && !problems.has('startsOn') && !problems.has('endsOn')) {
    // Placements and hours recorded stay within the contract: shrinking it past them is refused.
    const before = await ctx.em.count(ClausePlacement, { clause, startsOn: { $lt: startsOn } });
    const after = await ctx.em.count(ClausePlacement, { clause, $or: [{ startsOn: { $gt: endsOn } }, { endsOn: { $gt: endsOn } }] });
    const hoursAfter = await ctx.em.count(ClauseHours, { placement: { clause }, toOn: { $gt: endsOn } });
    if (before > 0) problems.add('startsOn', 'error.clausePeriodExcludesPlacements');
    if (after + hoursAfter > 0) problems.add('endsOn', 'error.clausePeriodExcludesPlacements');
  }
  problems.throwIfAny();
  return {
    buyer: buyer!,
    contractName: contractName!,
    reference: optionalText(input.reference),
    lot: optionalText(input.lot),
    startsOn: startsOn!,
    endsOn: endsOn!,
    hoursOwed,
    notes: optionalText(input.notes),
  };
}

export async function createSocialClause(ctx: RequestContext, input: CreateSocialClauseInput): Promise<SocialClauseType> {
  const company = await getCompany(ctx, input.companyId, 'companyId');
  const clause = await createOnce(
    ctx,
    'createSocialClause',
    input.idempotencyKey,
    async () => {
      const created = ctx.em.create(SocialClause, { tenant: company.tenant, company, ...(await checkedClause(ctx, input)) });
      await saveChanges(ctx);
      return created;
    },
    (id) => ctx.em.findOne(SocialClause, { id }, { populate: ['company'] }),
  );
  return typeOf(ctx, clause);
}

export async function updateSocialClause(ctx: RequestContext, input: UpdateSocialClauseInput): Promise<SocialClauseType> {
  const clause = await findClause(ctx, input.id, 'id');
  if (clause.version !== input.version) throw errors.conflict(ctx);
  ctx.em.assign(clause, await checkedClause(ctx, input, clause));
  await saveChanges(ctx);
  return typeOf(ctx, clause);
}

/**
 * How and when a person works on the clause, checked at once: an integration company for a
 * placement through one (and none otherwise), days within the contract's period, the same person
 * not placed twice on it at the same time, and (for a placement that exists) its hours still
 * within its days.
 */
async function checkedPlacement(
  ctx: RequestContext,
  problems: InputProblems,
  clause: SocialClause,
  input: ClausePlacementDetailsInput,
  participantId: string | null,
  placement?: ClausePlacement,
) {
  let intermediary: Company | null = null;
  if (input.kind === ClausePlacementKind.MADE_AVAILABLE) {
    const id = input.intermediaryId ? parseGlobalId(input.intermediaryId, 'Company')?.id : null;
    const found = id ? await ctx.em.findOne(Company, { id, tenant: clause.tenant }) : null;
    if (!input.intermediaryId) problems.add('intermediaryId', 'error.intermediaryRequired');
    else if (!found) problems.add('intermediaryId', 'error.notFound');
    else if (found.kind !== CompanyKind.INTEGRATION) problems.add('intermediaryId', 'error.intermediaryNotIntegration');
    else intermediary = found;
  } else if (input.intermediaryId) {
    problems.add('intermediaryId', 'error.intermediaryOnlyForIntegration');
  }
  const within = { earliest: clause.startsOn, latest: clause.endsOn };
  const startsOn = problems.check(() => requiredDate(ctx, 'startsOn', input.startsOn));
  const endsOn = problems.check(() => optionalDate(ctx, 'endsOn', input.endsOn));
  checkDayWithin(problems, 'startsOn', startsOn, within);
  if (startsOn && endsOn && endsOn < startsOn) problems.add('endsOn', 'error.endBeforeStart');
  checkDayWithin(problems, 'endsOn', endsOn, within);
  if (startsOn && endsOn !== undefined && !problems.has('startsOn') && !problems.has('endsOn')) {
    const last = endsOn ?? clause.endsOn;
    if (participantId) {
      const overlapping = await ctx.em.count(ClausePlacement, {
        $and: [
          { clause, participant: participantId, startsOn: { $lte: last } },
          { $or: [{ endsOn: null }, { endsOn: { $gte: startsOn } }] },
          ...(placement ? [{ id: { $ne: placement.id } }] : []),
        ],
      } as FilterQuery<ClausePlacement>);
      if (overlapping > 0) problems.add('startsOn', 'error.alreadyPlaced');
    }
    if (placement) {
      if ((await ctx.em.count(ClauseHours, { placement, fromOn: { $lt: startsOn } })) > 0) problems.add('startsOn', 'error.placementExcludesHours');
      if ((await ctx.em.count(ClauseHours, { placement, toOn: { $gt: last } })) > 0) problems.add('endsOn', 'error.placementExcludesHours');
    }
  }
  return { kind: input.kind, intermediary, position: optionalText(input.position), startsOn: startsOn!, endsOn: endsOn ?? null };
}

async function placementType(ctx: RequestContext, placement: ClausePlacement): Promise<ClausePlacementType> {
  await ctx.em.populate(placement, ['participant.referent', 'intermediary']);
  const sums = await placementHoursOf(ctx.em, [placement.clause.id]);
  const records = await ctx.em.find(ClauseHours, { placement }, { populate: ['author'], orderBy: { toOn: 'desc', createdAt: 'desc' } });
  return ClausePlacementType.from(placement, !!placement.participant && mayRead(ctx, placement.participant), sums.get(placement.id) ?? 0, records);
}

/** Places a person the viewer may read (her own caseload for a referent) on a clause. */
export async function placeOnSocialClause(ctx: RequestContext, input: PlaceOnSocialClauseInput): Promise<ClausePlacementType> {
  const clause = await findClause(ctx, input.clauseId, 'clauseId');
  const placement = await createOnce(
    ctx,
    'placeOnSocialClause',
    input.idempotencyKey,
    async () => {
      await lockForTransaction(ctx.em, `clause-placements:${clause.id}`);
      // A file the viewer may not read (another referent's, another PLIE's) is not found.
      const participant = await findParticipant(ctx, input.participantId, 'participantId');
      const problems = new InputProblems(ctx);
      const details = await checkedPlacement(ctx, problems, clause, input, participant.id);
      problems.throwIfAny();
      const created = ctx.em.create(ClausePlacement, {
        tenant: clause.tenant,
        clause,
        participant,
        ...details,
        author: ctx.em.getReference(User, ctx.actor!.userId),
      });
      await saveChanges(ctx);
      return created;
    },
    (id) => ctx.em.findOne(ClausePlacement, { id }),
  );
  return placementType(ctx, placement);
}

async function findPlacement(ctx: RequestContext, globalId: string, field: string): Promise<ClausePlacement> {
  const parsed = parseGlobalId(globalId, 'ClausePlacement');
  const placement =
    parsed &&
    (await ctx.em.findOne(ClausePlacement, { id: parsed.id, tenant: activeMembership(ctx).tenantId }, { populate: ['clause', 'participant.referent'] }));
  if (!placement) throw errors.notFound(ctx, field);
  return placement;
}

/** Changes how or when a person works on the clause: ends her placement, corrects its days. */
export async function updateClausePlacement(ctx: RequestContext, input: UpdateClausePlacementInput): Promise<ClausePlacementType> {
  const placement = await findPlacement(ctx, input.id, 'id');
  if (placement.version !== input.version) throw errors.conflict(ctx);
  await lockForTransaction(ctx.em, `clause-placements:${placement.clause.id}`);
  const problems = new InputProblems(ctx);
  const details = await checkedPlacement(ctx, problems, placement.clause, input, placement.participant?.id ?? null, placement);
  problems.throwIfAny();
  ctx.em.assign(placement, details);
  await saveChanges(ctx);
  return placementType(ctx, placement);
}

/**
 * Hours a placed person did over a span of days: within her placement and the contract, not in
 * the future, at most MAX_HOURS_PER_DAY a day, and not a second time for days already recorded.
 */
export async function recordClauseHours(ctx: RequestContext, input: RecordClauseHoursInput): Promise<ClausePlacementType> {
  const placement = await findPlacement(ctx, input.placementId, 'placementId');
  await createOnce(
    ctx,
    'recordClauseHours',
    input.idempotencyKey,
    async () => {
      // Two records of the same days sent at once: the second waits, then sees the first.
      await lockForTransaction(ctx.em, `clause-hours:${placement.id}`);
      const problems = new InputProblems(ctx);
      const fromOn = problems.check(() => requiredDate(ctx, 'fromOn', input.fromOn));
      const toOn = problems.check(() => notInFuture(ctx, 'toOn', requiredDate(ctx, 'toOn', input.toOn)));
      const within = { earliest: placement.startsOn, latest: placement.endsOn ?? placement.clause.endsOn };
      checkDayWithin(problems, 'fromOn', fromOn, within);
      if (fromOn && toOn && toOn < fromOn) problems.add('toOn', 'error.endBeforeStart');
      checkDayWithin(problems, 'toOn', toOn, within);
      const hours = roundHours(input.hours);
      const max = fromOn && toOn && toOn >= fromOn ? maxHoursBetween(fromOn, toOn) : null;
      if (!Number.isFinite(hours) || hours <= 0 || (max !== null && hours > max)) {
        problems.add('hours', 'error.clauseHoursInvalid', { max: max ?? 0 });
      }
      if (fromOn && toOn && !problems.has('fromOn') && !problems.has('toOn')) {
        const overlapping = await ctx.em.count(ClauseHours, { placement, fromOn: { $lte: toOn }, toOn: { $gte: fromOn } });
        if (overlapping > 0) problems.add('fromOn', 'error.clauseHoursOverlap');
      }
      problems.throwIfAny();
      const record = ctx.em.create(ClauseHours, {
        tenant: placement.tenant,
        placement,
        fromOn: fromOn!,
        toOn: toOn!,
        hours,
        author: ctx.em.getReference(User, ctx.actor!.userId),
      });
      await saveChanges(ctx);
      return record;
    },
    (id) => ctx.em.findOne(ClauseHours, { id }),
  );
  return placementType(ctx, placement);
}

/** Takes back a record of hours typed by mistake (the days can then be recorded again); answers its placement. */
export async function removeClauseHours(ctx: RequestContext, input: RemoveClauseHoursInput): Promise<ClausePlacementType> {
  const parsed = parseGlobalId(input.id, 'ClauseHoursRecord');
  const record = parsed && (await ctx.em.findOne(ClauseHours, { id: parsed.id, tenant: activeMembership(ctx).tenantId }, { populate: ['placement.clause'] }));
  if (!record) throw errors.notFound(ctx, 'id');
  const placement = record.placement;
  ctx.em.remove(record);
  await saveChanges(ctx);
  return placementType(ctx, placement);
}
