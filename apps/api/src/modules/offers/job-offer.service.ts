import type { FilterQuery } from '@mikro-orm/core';
import {
  CANDIDACY_OUTCOMES,
  ConsentPurpose,
  SHARING_PRESETS,
  CandidacyStatus,
  EMPLOYER_ANSWERS,
  HIRE_STAGE_CATEGORIES,
  hasFixedTerm,
  isOpenCandidacy,
  JobOfferSource,
  JobOfferStatus,
  MAX_CONTRACT_MONTHS,
  MAX_OFFER_POSITIONS,
  MAX_WEEKLY_HOURS,
  PathwayStatus,
  StageStatus,
} from '@jalon/domain';
import { isCommuneCode, isTradeCode } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { assertPostingCompany, offerScope, ownCompany, type OfferScope } from '../../access/job-offer-access';
import { assertMayEdit, readableParticipants } from '../../access/participant-access';
import { activeMembership } from '../../access/tenant-scope';
import { checkDayWithin, optionalDate, requiredDate, todayInFrance } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { newestFirstPage, type PageArgs } from '../../graphql/pagination';
import { parseGlobalId, toGlobalId, type Page } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { likePattern, optionalText, requiredText } from '../../graphql/text-input';
import { getCompany } from '../companies/company.service';
import { Company } from '../companies/company.entity';
import { createOnce } from '../idempotency/idempotency';
import { Participant } from '../participants/participant.entity';
import { findPathway } from '../participants/participant.service';
import { StageKind } from '../stages/stage-kind.entity';
import { newStage } from '../stages/stage.service';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import type { CollectedAgreementInput, ConsentTermsInput } from '../consent/consent.inputs';
import { agreedTerms, newConsent } from '../consent/consent.service';
import { Candidacy, JobOffer } from './job-offer.entity';
import type {
  AnswerCandidacyInput,
  CreateJobOfferInput,
  JobOfferDetailsInput,
  JobOfferFilter,
  ProposeCandidacyInput,
  RecordCandidacyOutcomeInput,
  UpdateJobOfferInput,
} from './job-offer.inputs';

/** The offers the viewer reaches (the PLIE's, or a partner's own), newest first. */
export async function listJobOffers(ctx: RequestContext, filter: JobOfferFilter | undefined, args: PageArgs | undefined): Promise<Page<JobOffer>> {
  const scope = await offerScope(ctx);
  const where: FilterQuery<JobOffer> = { tenant: activeMembership(ctx).tenantId };
  if (!scope.staff) where.company = ownCompany(scope);
  else if (filter?.companyId) where.company = parseGlobalId(filter.companyId, 'Company')?.id ?? null;
  if (filter?.status) where.status = filter.status;
  const search = filter?.search?.trim();
  if (search) where.title = { $ilike: likePattern(search) };
  return newestFirstPage(ctx, JobOffer, where, args, ['company']);
}

export async function getJobOffer(ctx: RequestContext, globalId: string, field = 'id'): Promise<{ offer: JobOffer; scope: OfferScope }> {
  const scope = await offerScope(ctx);
  const id = parseGlobalId(globalId, 'JobOffer')?.id;
  const offer =
    id &&
    (await ctx.em.findOne(
      JobOffer,
      { id, tenant: activeMembership(ctx).tenantId, ...(scope.staff ? {} : { company: ownCompany(scope) }) },
      { populate: ['company'] },
    ));
  if (!offer) throw errors.notFound(ctx, field);
  return { offer, scope };
}

/** An offer's start: from a year back (an offer still open after its planned start) to two years ahead. */
function startBounds(ctx: RequestContext) {
  const today = todayInFrance(ctx.now);
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  return { earliest: `${year - 1}${rest}`, latest: `${year + 2}${rest}` };
}

/** What the offer says, checked at once: a real trade and commune, a length only for fixed terms, plausible hours and positions. */
async function checkedOffer(ctx: RequestContext, input: JobOfferDetailsInput, scope: OfferScope) {
  const partnerCompany = scope.staff ? null : assertPostingCompany(ctx, scope);
  const problems = new InputProblems(ctx);
  const title = problems.check(() => requiredText(ctx, 'title', input.title));
  const romeCode = input.romeCode.trim().toUpperCase();
  if (!isTradeCode(romeCode)) problems.add('romeCode', 'error.romeCodeUnknown');
  const communeCode = input.communeCode.trim().toUpperCase();
  if (!isCommuneCode(communeCode)) problems.add('communeCode', 'error.communeUnknown');
  const durationMonths = input.durationMonths ?? null;
  if (!hasFixedTerm(input.contractType) && durationMonths !== null) problems.add('durationMonths', 'error.durationForCdi');
  if (hasFixedTerm(input.contractType) && durationMonths === null) problems.add('durationMonths', 'error.durationRequired');
  if (durationMonths !== null && (durationMonths < 1 || durationMonths > MAX_CONTRACT_MONTHS))
    problems.add('durationMonths', 'error.durationImplausible', { max: MAX_CONTRACT_MONTHS });
  if (!(input.weeklyHours >= 1 && input.weeklyHours <= MAX_WEEKLY_HOURS))
    problems.add('weeklyHours', 'error.weeklyHoursImplausible', { max: MAX_WEEKLY_HOURS });
  if (!(Number.isInteger(input.positions) && input.positions >= 1 && input.positions <= MAX_OFFER_POSITIONS))
    problems.add('positions', 'error.positionsImplausible', { max: MAX_OFFER_POSITIONS });
  const startOn = problems.check(() => optionalDate(ctx, 'startOn', input.startOn)) ?? null;
  checkDayWithin(problems, 'startOn', startOn, startBounds(ctx));
  if (scope.staff && !input.source) problems.add('source', 'error.required');
  const companyId = scope.staff ? input.companyId : null;
  const company = companyId ? await problems.check(() => getCompany(ctx, companyId, 'companyId')) : null;
  problems.throwIfAny();
  return {
    title: title!,
    romeCode,
    communeCode,
    contractType: input.contractType,
    durationMonths,
    weeklyHours: Math.round(input.weeklyHours * 10) / 10,
    startOn,
    positions: input.positions,
    requirements: optionalText(input.requirements),
    // A partner's offer is its own company's, from itself: it chooses neither.
    source: scope.staff ? input.source! : JobOfferSource.PARTNER,
    company: partnerCompany ? ctx.em.getReference(Company, partnerCompany) : (company ?? null),
  };
}

export async function createJobOffer(ctx: RequestContext, input: CreateJobOfferInput): Promise<JobOffer> {
  const scope = await offerScope(ctx);
  const membership = activeMembership(ctx);
  return createOnce(
    ctx,
    'createJobOffer',
    input.idempotencyKey,
    async () => {
      const offer = ctx.em.create(JobOffer, {
        tenant: ctx.em.getReference(Tenant, membership.tenantId),
        ...(await checkedOffer(ctx, input, scope)),
        postedByOrganisation: scope.staff ? null : membership.organisationId,
        author: ctx.em.getReference(User, ctx.actor!.userId),
      });
      await saveChanges(ctx);
      await ctx.em.populate(offer, ['company']);
      return offer;
    },
    (id) => ctx.em.findOne(JobOffer, { id }, { populate: ['company'] }),
  );
}

export async function updateJobOffer(ctx: RequestContext, input: UpdateJobOfferInput): Promise<JobOffer> {
  const { offer, scope } = await getJobOffer(ctx, input.id);
  if (offer.version !== input.version) throw errors.conflict(ctx);
  const details = await checkedOffer(ctx, input, scope);
  // A partner's offer keeps where it came from; staff correct what they entered.
  ctx.em.assign(offer, { ...details, ...(scope.staff ? {} : { source: offer.source }), status: input.status });
  await saveChanges(ctx);
  return offer;
}

const CANDIDACY_POPULATE = ['offer.company', 'participant', 'pathway'] as const;

/** A candidacy the viewer reaches: staff, on a file they may read; an employer, under the person's consent (row-level security). */
async function getCandidacy(ctx: RequestContext, globalId: string): Promise<Candidacy> {
  const id = parseGlobalId(globalId, 'Candidacy')?.id;
  const candidacy = id && (await loadCandidacy(ctx, id));
  if (!candidacy) throw errors.notFound(ctx, 'id');
  return candidacy;
}

function loadCandidacy(ctx: RequestContext, id: string): Promise<Candidacy | null> {
  return ctx.em.findOne(Candidacy, { id, tenant: activeMembership(ctx).tenantId }, { populate: CANDIDACY_POPULATE });
}

/** The candidacies of offers (an employer's: those its consents let it see), oldest first. */
export async function candidaciesOfOffers(ctx: RequestContext, offerIds: readonly string[]): Promise<Candidacy[]> {
  return ctx.em.find(
    Candidacy,
    { offer: { $in: [...offerIds] }, participant: await readableParticipants(ctx) },
    { populate: CANDIDACY_POPULATE, orderBy: { createdAt: 'asc' } },
  );
}

/** How many candidacies shared with the employer wait for its answer (row-level security counts only those shared). */
export async function countCandidaciesToAnswer(ctx: RequestContext): Promise<number> {
  const scope = await offerScope(ctx);
  return ctx.em.count(Candidacy, { status: CandidacyStatus.PROPOSED, ...(scope.staff ? {} : { offer: { company: ownCompany(scope) } }) });
}

/** A person's candidacies over her pathways, latest first (staff). */
export async function candidaciesOfPathway(ctx: RequestContext, pathwayId: string): Promise<Candidacy[]> {
  const { pathway } = await findPathway(ctx, pathwayId);
  return ctx.em.find(Candidacy, { pathway }, { populate: CANDIDACY_POPULATE, orderBy: { createdAt: 'desc' } });
}

/** The terms of the sharing preset for an employer: the candidacy and her identity, for the job application, until withdrawn. */
function employerConsentTerms(organisationId: string, agreement: CollectedAgreementInput): ConsentTermsInput {
  const preset = SHARING_PRESETS.find((p) => p.purpose === ConsentPurpose.JOB_APPLICATION)!;
  return agreedTerms(
    { granteeOrganisationId: toGlobalId('Organisation', organisationId), dataClasses: [...preset.dataClasses], purpose: preset.purpose },
    agreement,
  );
}

/** The referent proposes a person she follows on an open offer, with what the employer may read of her. */
export async function proposeCandidacy(ctx: RequestContext, input: ProposeCandidacyInput): Promise<Candidacy> {
  return createOnce(
    ctx,
    'proposeCandidacy',
    input.idempotencyKey,
    async () => {
      const { pathway, participant } = await findPathway(ctx, input.pathwayId);
      assertMayEdit(ctx, participant);
      const { offer } = await getJobOffer(ctx, input.offerId, 'offerId');
      const problems = new InputProblems(ctx);
      if (offer.status !== JobOfferStatus.OPEN) problems.add('offerId', 'error.offerNotOpen');
      if (pathway.status !== PathwayStatus.ACTIVE) problems.add('pathwayId', 'error.notAvailableForOffer');
      const summary = problems.check(() => requiredText(ctx, 'summary', input.summary));
      const employer = offer.company?.organisation ?? null;
      if (input.consent && !employer) problems.add('consent', 'error.offerEmployerNotPartner');
      problems.throwIfAny();
      if (input.consent) await newConsent(ctx, participant, employerConsentTerms(employer!.id, input.consent));
      const candidacy = ctx.em.create(Candidacy, {
        tenant: pathway.tenant,
        offer,
        participant,
        pathway,
        summary: summary!,
        proposedBy: ctx.em.getReference(User, ctx.actor!.userId),
      });
      await saveChanges(ctx, { field: 'offerId', message: 'error.candidacyTwice' });
      return candidacy;
    },
    (id) => loadCandidacy(ctx, id),
  );
}

/** The employer answers a candidacy it sees: retained, or not with why. Only once, before the outcome. */
export async function answerCandidacy(ctx: RequestContext, input: AnswerCandidacyInput): Promise<Candidacy> {
  const candidacy = await getCandidacy(ctx, input.id);
  if (candidacy.version !== input.version) throw errors.conflict(ctx);
  const problems = new InputProblems(ctx);
  if (candidacy.status !== CandidacyStatus.PROPOSED) problems.add('id', 'error.candidacyAnswered');
  if (!EMPLOYER_ANSWERS.includes(input.answer)) problems.add('answer', 'error.invalidValue');
  const note = optionalText(input.note);
  if (input.answer === CandidacyStatus.NOT_RETAINED && !note) problems.add('note', 'error.reasonRequired');
  problems.throwIfAny();
  ctx.em.assign(candidacy, { status: input.answer, answerNote: note, answeredAt: ctx.now, answeredBy: ctx.em.getReference(User, ctx.actor!.userId) });
  await saveChanges(ctx);
  return candidacy;
}

/** The day a contract of some months, starting on a day, ends. */
function endOfContract(start: string, months: number): string {
  const day = new Date(`${start}T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() + months);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * The referent records how it ended. Hired: the job becomes a stage of her action plan with the
 * employer (as operator when it is a partner) and the offer's contract, started when the day has
 * come, and the offer is filled once every position is; the exit then follows on the pathway.
 */
export async function recordCandidacyOutcome(ctx: RequestContext, input: RecordCandidacyOutcomeInput): Promise<Candidacy> {
  const candidacy = await getCandidacy(ctx, input.id);
  assertMayEdit(ctx, candidacy.participant as Participant & { referent: { id: string } });
  if (candidacy.version !== input.version) throw errors.conflict(ctx);
  const problems = new InputProblems(ctx);
  if (!isOpenCandidacy(candidacy.status)) problems.add('id', 'error.candidacyNotOpen');
  if (!CANDIDACY_OUTCOMES.includes(input.outcome)) problems.add('outcome', 'error.invalidValue');
  const hired = input.outcome === CandidacyStatus.HIRED;
  const reason = optionalText(input.reason);
  if (!hired && !reason) problems.add('reason', 'error.reasonRequired');
  let hiredOn: string | null = null;
  let kind: StageKind | null = null;
  if (hired) {
    hiredOn = problems.check(() => requiredDate(ctx, 'hiredOn', input.hiredOn)) ?? null;
    checkDayWithin(problems, 'hiredOn', hiredOn, startBounds(ctx));
    const kindId = input.stageKindId ? parseGlobalId(input.stageKindId, 'StageKind')?.id : null;
    kind = kindId ? await ctx.em.findOne(StageKind, { id: kindId, active: true }) : null;
    if (!kind || !HIRE_STAGE_CATEGORIES.includes(kind.category)) problems.add('stageKindId', 'error.hireKindInvalid');
  }
  problems.throwIfAny();
  ctx.em.assign(candidacy, { status: input.outcome, outcomeReason: hired ? null : reason, hiredOn });
  if (hired) {
    const offer = candidacy.offer;
    const started = hiredOn! <= todayInFrance(ctx.now);
    candidacy.stage = newStage(ctx, candidacy.participant, {
      pathway: candidacy.pathway,
      kind: kind!,
      plannedStart: hiredOn!,
      plannedEnd: offer.durationMonths ? endOfContract(hiredOn!, offer.durationMonths) : null,
      romeCode: offer.romeCode,
      operator: offer.company?.organisation ?? null,
      sharedSummary: [offer.title, offer.company?.name].filter(Boolean).join(' — '),
      status: started ? StageStatus.IN_PROGRESS : StageStatus.PLANNED,
      actualStart: started ? hiredOn : null,
    });
    const hires = await ctx.em.count(Candidacy, { offer, status: CandidacyStatus.HIRED, id: { $ne: candidacy.id } });
    if (hires + 1 >= offer.positions) offer.status = JobOfferStatus.FILLED;
  }
  await saveChanges(ctx);
  return candidacy;
}
