import {
  CONSENT_NOTICE_VERSION,
  ConsentEffect,
  ConsentMethod,
  ConsentStatus,
  isPartnerKind,
  PathwayStatus,
  pathwayDayBounds,
  SPECIAL_CATEGORY_CLASSES,
  type PartnerViewer,
  NotificationKind,
} from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { activeMembership } from '../../access/tenant-scope';
import { assertMayEdit } from '../../access/participant-access';
import { ConsentScope } from '../../access/consent-scope';
import { createOnce } from '../idempotency/idempotency';
import { errors, InputProblems } from '../../graphql/errors';
import { checkDayWithin, notInFuture, optionalDate, requiredDate, startOfDayInFrance, todayInFrance } from '../../graphql/date-input';
import { parseGlobalId, toGlobalId } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { optionalText, requiredText } from '../../graphql/text-input';
import { getOrganisation } from '../organisations/organisation.service';
import { findParticipant } from '../participants/participant.service';
import type { Participant } from '../participants/participant.entity';
import { Pathway } from '../participants/pathway.entity';
import { Stage } from '../stages/stage.entity';
import { StageKind } from '../stages/stage-kind.entity';
import { User } from '../users/user.entity';
import { ConsentEvent, ConsentEventAction } from './consent-event.entity';
import { Consent } from './consent.entity';
import { notifyGrantee, recordEvent } from './consent-events';
import type { CollectedAgreementInput, ConsentTermsInput, GrantConsentInput, AmendConsentInput } from './consent.inputs';

/** Consents of a participant, newest first (all statuses: the history stays readable). */
export async function listConsents(ctx: RequestContext, participantId: string): Promise<Consent[]> {
  const participant = await findParticipant(ctx, participantId, 'participantId');
  return ctx.em.find(Consent, { participant }, { populate: ['granteeOrganisation', 'collectedBy'], orderBy: { createdAt: 'desc', id: 'desc' } });
}

export async function eventsOf(ctx: RequestContext, consents: Consent[]): Promise<Map<string, ConsentEvent[]>> {
  const events = consents.length
    ? await ctx.em.find(ConsentEvent, { consent: { $in: consents.map((c) => c.id) } }, { populate: ['author'], orderBy: { at: 'asc' } })
    : [];
  const byConsent = new Map<string, ConsentEvent[]>();
  for (const event of events) byConsent.set(event.consent.id, [...(byConsent.get(event.consent.id) ?? []), event]);
  return byConsent;
}

async function checkedTerms(ctx: RequestContext, participant: Participant, pathway: Pathway, input: ConsentTermsInput) {
  const problems = new InputProblems(ctx);
  if (!input.granteeOrganisationId === !input.granteeKind) throw errors.badInput(ctx, 'granteeOrganisationId', 'error.consentGranteeRequired');
  const organisation = input.granteeOrganisationId ? await getOrganisation(ctx, input.granteeOrganisationId, 'granteeOrganisationId') : null;
  const kind = organisation?.kind ?? input.granteeKind!;
  if (!isPartnerKind(kind)) problems.add(organisation ? 'granteeOrganisationId' : 'granteeKind', 'error.consentGranteeNotPartner');
  const dataClasses = [...new Set(input.dataClasses)];
  if (dataClasses.length === 0) problems.add('dataClasses', 'error.consentNoClass');
  if (!organisation && dataClasses.some((c) => SPECIAL_CATEGORY_CLASSES.includes(c))) problems.add('dataClasses', 'error.consentSpecialNeedsOrganisation');
  let stageIds: string[] | null = null;
  if (input.stageIds?.length) {
    stageIds = input.stageIds.map((id) => parseGlobalId(id, 'Stage')?.id ?? '');
    const found = await ctx.em.count(Stage, { id: { $in: stageIds }, pathway: { participant } });
    if (found !== new Set(stageIds).size) problems.add('stageIds', 'error.consentStageUnknown');
  }
  const stageKinds = input.stageKindCodes?.length ? [...new Set(input.stageKindCodes)] : null;
  if (stageKinds && stageIds) problems.add('stageKindCodes', 'error.consentStageUnknown');
  // A code of no kind in the PLIE's catalogue would grant nothing while reading as a grant.
  else if (stageKinds && (await ctx.em.count(StageKind, { code: { $in: stageKinds } })) !== stageKinds.length)
    problems.add('stageKindCodes', 'error.stageKindUnknown');
  const method = input.method;
  const witness = optionalText(input.witness);
  if (method === ConsentMethod.ORAL_WITH_WITNESS && !witness) problems.add('witness', 'error.consentWitnessRequired');
  // Its days are bounded as the pathway's (packages/domain plausible-dates.ts): a consent until 2999 is a typo.
  const bounds = pathwayDayBounds(participant.birthDate, todayInFrance(ctx.now));
  const collectedOn = problems.check(() => notInFuture(ctx, 'collectedOn', requiredDate(ctx, 'collectedOn', input.collectedOn)));
  checkDayWithin(problems, 'collectedOn', collectedOn, bounds, 'error.dateBeforeMinimumAge');
  const startsOn = problems.check(() => optionalDate(ctx, 'validFrom', input.validFrom));
  checkDayWithin(problems, 'validFrom', startsOn, bounds, 'error.dateBeforeMinimumAge');
  const validFrom = startsOn && collectedOn && startsOn > collectedOn ? startOfDayInFrance(startsOn) : ctx.now;
  const endsOn = problems.check(() => optionalDate(ctx, 'validUntil', input.validUntil));
  checkDayWithin(problems, 'validUntil', endsOn, bounds, 'error.dateBeforeMinimumAge');
  // The last day given is included: the consent ends at the following midnight, French time.
  const validUntil = endsOn ? startOfDayInFrance(endsOn, 1) : null;
  if (validUntil && validUntil <= validFrom) problems.add('validUntil', 'error.consentUntilBeforeFrom');
  const noticeVersion = problems.check(() => requiredText(ctx, 'noticeVersion', input.noticeVersion));
  problems.throwIfAny();
  return {
    tenant: participant.tenant,
    participant,
    pathway,
    granteeOrganisation: organisation,
    granteeKind: organisation ? null : kind,
    effect: input.effect ?? ConsentEffect.GRANT,
    dataClasses,
    stageKinds,
    stageIds,
    purpose: input.purpose,
    validFrom,
    validUntil,
    method,
    collectedBy: ctx.em.getReference(User, ctx.actor!.userId),
    collectedOn: collectedOn!,
    noticeVersion: noticeVersion!,
    witness,
  };
}

async function currentPathway(ctx: RequestContext, participant: Participant): Promise<Pathway> {
  const pathway = await ctx.em.findOneOrFail(Pathway, { participant }, { orderBy: { number: 'desc' } });
  if (pathway.status === PathwayStatus.CLOSED) throw errors.badInput(ctx, 'participantId', 'error.consentPathwayEnded');
  return pathway;
}

/**
 * The consent a proposal to a partner asks for (a candidacy to an employer, a positioning to an
 * operator): the proposal's terms, as the person agreed to them, on today's notice.
 */
export function agreedTerms(
  terms: Pick<ConsentTermsInput, 'granteeOrganisationId' | 'dataClasses' | 'stageKindCodes' | 'purpose'>,
  agreement: CollectedAgreementInput,
): ConsentTermsInput {
  return { ...terms, method: agreement.method, collectedOn: agreement.collectedOn, witness: agreement.witness, noticeVersion: CONSENT_NOTICE_VERSION };
}

/**
 * A consent the referent collected, checked, in its history and told to its grantee; the caller has
 * checked she may edit the file, and saves it with the rest of its change.
 */
export async function newConsent(ctx: RequestContext, participant: Participant, input: ConsentTermsInput): Promise<Consent> {
  const terms = await checkedTerms(ctx, participant, await currentPathway(ctx, participant), input);
  const consent = ctx.em.create(Consent, terms);
  recordEvent(ctx.em, consent, ConsentEventAction.GRANTED, ctx.now, terms.collectedBy, null);
  await notifyGrantee(ctx.em, consent, NotificationKind.CONSENT_GRANTED, ctx.now);
  return consent;
}

export function grantConsent(ctx: RequestContext, input: GrantConsentInput): Promise<Consent> {
  return createOnce(
    ctx,
    'grantConsent',
    input.idempotencyKey,
    async () => {
      const participant = await findParticipant(ctx, input.participantId, 'participantId');
      assertMayEdit(ctx, participant);
      const consent = await newConsent(ctx, participant, input);
      await saveChanges(ctx);
      return consent;
    },
    (id) => ctx.em.findOne(Consent, { id }, { populate: ['granteeOrganisation', 'collectedBy'] }),
  );
}

/** A consent of a file the viewer may read, with that file; NOT_FOUND otherwise (other PLIEs included). */
export async function findReadableConsent(ctx: RequestContext, globalId: string): Promise<{ consent: Consent; participant: Participant }> {
  const id = parseGlobalId(globalId, 'Consent')?.id;
  const consent = id ? await ctx.em.findOne(Consent, { id }, { populate: ['granteeOrganisation', 'collectedBy', 'participant'] }) : null;
  if (!consent) throw errors.notFound(ctx, 'consentId');
  return { consent, participant: await findParticipant(ctx, toGlobalId('Participant', consent.participant.id), 'consentId') };
}

async function findActiveConsent(ctx: RequestContext, globalId: string, version: number): Promise<{ consent: Consent; participant: Participant }> {
  const { consent: found, participant } = await findReadableConsent(ctx, globalId);
  assertMayEdit(ctx, participant);
  if (found.version !== version) throw errors.conflict(ctx);
  if (found.status !== ConsentStatus.ACTIVE || (found.validUntil && found.validUntil <= ctx.now)) throw errors.badInput(ctx, 'consentId', 'error.consentEnded');
  return { consent: found, participant };
}

/** An amendment is a new consent superseding the old one: what was agreed when stays on record. */
export async function amendConsent(ctx: RequestContext, input: AmendConsentInput): Promise<Consent> {
  const { consent: previous, participant } = await findActiveConsent(ctx, input.consentId, input.version);
  const terms = await checkedTerms(ctx, participant, previous.pathway as Pathway, input);
  previous.status = ConsentStatus.SUPERSEDED;
  previous.endedAt = ctx.now;
  const consent = ctx.em.create(Consent, { ...terms, pathway: previous.pathway, supersedes: previous });
  recordEvent(ctx.em, consent, ConsentEventAction.AMENDED, ctx.now, terms.collectedBy, null);
  await saveChanges(ctx);
  return consent;
}

/** Withdrawal: effective from this instant, so the partner's next request already sees nothing. */
export async function revokeConsent(ctx: RequestContext, consentId: string, version: number, reason: string): Promise<Consent> {
  const { consent } = await findActiveConsent(ctx, consentId, version);
  const why = requiredText(ctx, 'reason', reason);
  consent.status = ConsentStatus.REVOKED;
  consent.endedAt = ctx.now;
  consent.endReason = why;
  recordEvent(ctx.em, consent, ConsentEventAction.REVOKED, ctx.now, ctx.em.getReference(User, ctx.actor!.userId), why);
  await notifyGrantee(ctx.em, consent, NotificationKind.CONSENT_REVOKED, ctx.now);
  await saveChanges(ctx);
  return consent;
}

/** What `organisationId` would see of the participant now, decided by the same rules as its own requests. */
export async function previewScope(
  ctx: RequestContext,
  participantId: string,
  organisationId: string,
): Promise<{ participant: Participant; scope: ConsentScope }> {
  const participant = await findParticipant(ctx, participantId, 'participantId');
  const organisation = await getOrganisation(ctx, organisationId, 'organisationId');
  if (!isPartnerKind(organisation.kind)) throw errors.badInput(ctx, 'organisationId', 'error.consentGranteeNotPartner');
  const viewer: PartnerViewer = { organisationId: organisation.id, organisationKind: organisation.kind };
  return { participant, scope: ConsentScope.preview(ctx.em, activeMembership(ctx).tenantId, viewer, participant.id, ctx.now) };
}
