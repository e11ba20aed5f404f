import type { FilterQuery } from '@mikro-orm/core';
import {
  ConsentMethod,
  DECISION_STATUS,
  decisionNeedsReason,
  isOpenReferral,
  type PathwayStatus,
  ReferralDecision,
  ReferralStatus,
  NotificationKind,
} from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { createOnce } from '../idempotency/idempotency';
import { mayBeReferrer, readableAuthoredRows, readableSubmitter } from '../../access/authored-access';
import { activeMembership } from '../../access/tenant-scope';
import { notInFuture, requiredDate, todayInFrance } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { afterDescending, pageCursor, pageOf, pageSize, type PageArgs } from '../../graphql/pagination';
import { encodeCursor, parseGlobalId, toGlobalId, type Page } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { likePattern, optionalText, requiredText } from '../../graphql/text-input';
import { Notification } from '../notifications/notification.entity';
import { inboxPage, type InboxRow, openReferralOf, pathwayStatusesOfReferrals } from './referral.query';
import type { ReferralFields } from './referral.type';
import { Organisation } from '../organisations/organisation.entity';
import { shortNameOf } from '../participants/participant.entity';
import { admitToPathway, checkedDetailsInTenant, findPossibleDuplicates } from '../participants/participant.service';
import { searchKeyOf } from '../participants/participant.validation';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import type { DecideReferralInput, ReferralFilter, ReviewReferralInput, SubmitReferralInput } from './referral.inputs';
import { Referral, ReferralAttachment, ReferralSubmission } from './referral.entity';
import { checkedDocument, type UploadedFile } from '../documents/uploaded-file';

const POPULATE = ['referringOrganisation'] as const;
const SUBMISSION_POPULATE = ['organisation'] as const;

/**
 * The organisation a referral comes from: a partner's own (naming any other is refused, not
 * ignored); for staff recording one, the active partner of the PLIE named.
 */
async function referringOrganisation(ctx: RequestContext, globalId: string | null | undefined): Promise<Organisation> {
  const own = readableSubmitter(ctx);
  const id = globalId ? parseGlobalId(globalId, 'Organisation')?.id : null;
  if (own) {
    if (globalId && id !== own) throw errors.badInput(ctx, 'organisationId', 'error.referralOwnOrganisationOnly');
    return ctx.em.getReference(Organisation, own);
  }
  const organisation = id ? await ctx.em.findOne(Organisation, { id, active: true }) : null;
  if (!organisation || !mayBeReferrer(organisation)) throw errors.badInput(ctx, 'organisationId', 'error.referralOrganisationInvalid');
  return organisation;
}

/**
 * A partner refers a person. If the person already has an open referral (whoever made it), this
 * submission joins it: one referral per person, however many partners refer them, and one
 * submission per partner. The submission keeps the person as this partner typed them: that is
 * what the partner reads back, never what another partner typed.
 */
export async function submitReferral(ctx: RequestContext, input: SubmitReferralInput): Promise<ReferralRecord> {
  const submission = await createOnce(
    ctx,
    'submitReferral',
    input.idempotencyKey,
    async () => {
      const organisation = await referringOrganisation(ctx, input.organisationId);
      // The person's details and the referral's own fields: every problem of the form at once.
      const problems = new InputProblems(ctx);
      const details = (await problems.checkAsync(() => checkedDetailsInTenant(ctx, input.details)))!;
      const situation = problems.check(() => requiredText(ctx, 'situation', input.situation));
      const reason = problems.check(() => requiredText(ctx, 'reason', input.reason));
      const expectations = optionalText(input.expectations);
      const agreedOn = problems.check(() => notInFuture(ctx, 'agreedOn', requiredDate(ctx, 'agreedOn', input.agreedOn)));
      const witness = optionalText(input.witness);
      if (input.agreementMethod === ConsentMethod.ORAL_WITH_WITNESS && !witness) problems.add('witness', 'error.consentWitnessRequired');
      problems.throwIfAny();

      const tenant = ctx.em.getReference(Tenant, activeMembership(ctx).tenantId);
      // The open referral may be another partner's, which this one cannot read: ask by name and birth date only.
      const openId = await openReferralOf(ctx.em, details.searchKey, details.birthDate);
      const referral = openId
        ? ctx.em.getReference(Referral, openId)
        : ctx.em.create(Referral, { tenant, referringOrganisation: organisation, ...details, receivedAt: ctx.now });
      // Its own submission: the partner may read that much of the referral, so it may be told it exists.
      if (openId && (await ctx.em.count(ReferralSubmission, { referral: openId, organisation })) > 0)
        throw errors.badInput(ctx, 'details', 'error.referralAlreadySubmitted');
      const submission = ctx.em.create(ReferralSubmission, {
        tenant,
        referral,
        organisation,
        ...details,
        author: ctx.em.getReference(User, ctx.actor!.userId),
        submittedAt: ctx.now,
        situation: situation!,
        reason: reason!,
        expectations,
        agreementMethod: input.agreementMethod,
        agreedOn: agreedOn!,
        witness,
      });
      await saveChanges(ctx);
      return ctx.em.populate(submission, SUBMISSION_POPULATE);
    },
    (id) => ctx.em.findOne(ReferralSubmission, { id }, { populate: SUBMISSION_POPULATE }),
  );
  return readableSubmitter(ctx) ? submission : findReferral(ctx, toGlobalId('Referral', submission.referral.id));
}

/** What the viewer reads of a referral: staff, the referral; a partner, its own submission of it (authored-access.ts). */
export type ReferralRecord = Referral | ReferralSubmission;

export function referralIdOf(record: ReferralRecord): string {
  return record instanceof ReferralSubmission ? record.referral.id : record.id;
}

/** A referral the viewer may read, as it may read it; NOT_FOUND otherwise (other partners' referrals and other PLIEs included). */
export async function findReadableReferral(ctx: RequestContext, globalId: string, field = 'id'): Promise<ReferralRecord> {
  const submitter = readableSubmitter(ctx);
  if (!submitter) return findReferral(ctx, globalId, field);
  const parsed = parseGlobalId(globalId, 'Referral');
  const submission = parsed && (await ctx.em.findOne(ReferralSubmission, { referral: parsed.id, organisation: submitter }, { populate: SUBMISSION_POPULATE }));
  if (!submission) throw errors.notFound(ctx, field);
  return submission;
}

/** A referral itself, for the animation team's work on it (review, decision, agenda); a partner reads its submission instead. */
export async function findReferral(ctx: RequestContext, globalId: string, field = 'id'): Promise<Referral> {
  const parsed = readableSubmitter(ctx) ? null : parseGlobalId(globalId, 'Referral');
  const referral = parsed && (await ctx.em.findOne(Referral, { id: parsed.id }, { populate: POPULATE }));
  if (!referral) throw errors.notFound(ctx, field);
  return referral;
}

export function referralCursor(record: ReferralFields | ReferralSubmission): string {
  return encodeCursor((record instanceof ReferralSubmission ? record.submittedAt : record.receivedAt).toISOString(), record.id);
}

/** The list's filters, on the referral (staff) or the partner's submission alike. */
function referralConditions(filter: ReferralFilter | undefined): Array<FilterQuery<Referral & ReferralSubmission>> {
  const conditions: Array<FilterQuery<Referral & ReferralSubmission>> = [];
  if (filter?.statuses?.length) conditions.push({ status: { $in: filter.statuses } });
  const search = filter?.search ? searchKeyOf(filter.search, '') : '';
  if (search) conditions.push({ searchKey: { $like: likePattern(search) } });
  return conditions;
}

/**
 * The referrals list: for a partner, its own submissions (read as entities, as its single
 * referral is); for staff, the inbox read in one statement as plain rows (referral.query.ts,
 * issue 15), with the submissions' authors' names.
 */
export type ReferralList = { own: Page<ReferralSubmission> } | { inbox: Page<InboxRow>; names: Map<string, string> };

/** The inbox (staff) or the partner's own submissions, newest first. */
export async function listReferrals(ctx: RequestContext, filter: ReferralFilter | undefined, args: PageArgs | undefined): Promise<ReferralList> {
  const submitter = readableSubmitter(ctx);
  if (submitter) {
    const mine: FilterQuery<ReferralSubmission> = { $and: [...referralConditions(filter), { organisation: submitter }] };
    const own = await pageOf(ctx, args, {
      key: 'timestamp',
      fetch: (after, limit) =>
        ctx.em.find(
          ReferralSubmission,
          { $and: [mine, afterDescending('submittedAt', after)] },
          { populate: SUBMISSION_POPULATE, orderBy: { submittedAt: 'desc', id: 'desc' }, limit },
        ),
      count: () => ctx.em.count(ReferralSubmission, mine),
      cursorOf: referralCursor,
    });
    return { own };
  }
  const first = pageSize(args);
  const { rows, totalCount, names } = await inboxPage(ctx.em, { $and: referralConditions(filter) }, pageCursor(ctx, args, 'timestamp'), first + 1);
  const nodes = rows.slice(0, first);
  return { inbox: { nodes, totalCount, hasNextPage: rows.length > first, endCursor: nodes.length ? referralCursor(nodes.at(-1)!) : null }, names };
}

/** The submissions of these referrals (staff): a partner's record is its own submission already. */
export async function submissionsOf(ctx: RequestContext, records: ReferralRecord[]): Promise<Map<string, ReferralSubmission[]>> {
  const referrals = records.filter((record) => record instanceof Referral);
  const submissions = referrals.length
    ? await ctx.em.find(
        ReferralSubmission,
        { referral: { $in: referrals.map((r) => r.id) } },
        { populate: SUBMISSION_POPULATE, orderBy: { submittedAt: 'asc' } },
      )
    : [];
  for (const record of records) if (record instanceof ReferralSubmission) submissions.push(record);
  const byReferral = new Map<string, ReferralSubmission[]>();
  for (const submission of submissions) byReferral.set(submission.referral.id, [...(byReferral.get(submission.referral.id) ?? []), submission]);
  return byReferral;
}

/** Where the pathway each accepted referral opened stands (a partner may not read the pathway itself). */
export async function pathwayStatusesOf(ctx: RequestContext, records: ReferralRecord[]): Promise<Map<string, PathwayStatus>> {
  const accepted = records.filter((r) => r.status === ReferralStatus.ACCEPTED).map(referralIdOf);
  return accepted.length ? pathwayStatusesOfReferrals(ctx.em, accepted) : new Map();
}

function checkedOpen(ctx: RequestContext, referral: Referral, version: number): void {
  if (referral.version !== version) throw errors.conflict(ctx);
  if (!isOpenReferral(referral.status)) throw errors.badInput(ctx, 'referralId', 'error.referralAlreadyDecided');
}

/** The animation team takes a referral under review (before the commission). */
export async function reviewReferral(ctx: RequestContext, input: ReviewReferralInput): Promise<Referral> {
  const referral = await findReferral(ctx, input.referralId, 'referralId');
  checkedOpen(ctx, referral, input.version);
  if (referral.status === ReferralStatus.UNDER_REVIEW) throw errors.badInput(ctx, 'referralId', 'error.referralNotReviewable');
  await takeUnderReview(ctx, referral);
  await saveChanges(ctx);
  return referral;
}

/** Under review (by the animation team, or on a commission's agenda): every submission made so far follows. */
export async function takeUnderReview(ctx: RequestContext, referral: Referral): Promise<void> {
  referral.status = ReferralStatus.UNDER_REVIEW;
  await shareProgress(ctx, referral);
}

/**
 * Each submission of the referral follows its progress from now on: the partners that referred
 * the person read the review and the decision on their own submission. One joining later starts
 * new, and reads nothing decided before it.
 */
async function shareProgress(ctx: RequestContext, referral: Referral): Promise<ReferralSubmission[]> {
  const submissions = await ctx.em.find(ReferralSubmission, { referral });
  for (const submission of submissions)
    Object.assign(submission, {
      status: referral.status,
      decidedAt: referral.decidedAt ?? null,
      decisionReason: referral.decisionReason ?? null,
      redirectedTo: referral.redirectedTo ?? null,
    });
  return submissions;
}

const DECISION_NOTICE: Readonly<Record<ReferralDecision, NotificationKind>> = {
  [ReferralDecision.ACCEPT]: NotificationKind.REFERRAL_ACCEPTED,
  [ReferralDecision.REFUSE]: NotificationKind.REFERRAL_REFUSED,
  [ReferralDecision.REDIRECT]: NotificationKind.REFERRAL_REDIRECTED,
  [ReferralDecision.POSTPONE]: NotificationKind.REFERRAL_POSTPONED,
};

/**
 * The accreditation commission decides. Accepting admits the person to a pathway (a new file, or
 * the one already on file); every referring partner is told. All of it in the request's
 * transaction: a failure anywhere leaves the referral and the files as they were.
 */
export async function decideReferral(ctx: RequestContext, input: DecideReferralInput): Promise<Referral> {
  const referral = await findReferral(ctx, input.referralId, 'referralId');
  checkedOpen(ctx, referral, input.version);
  await applyDecision(ctx, referral, input);
  await saveChanges(ctx);
  return referral;
}

export type ReferralDecisionInput = Omit<DecideReferralInput, 'referralId' | 'version'>;

/**
 * The decision itself, on an open referral, for the referral inbox and for the commission's
 * meeting room alike. Nothing is flushed here: the caller saves it with its own changes, in one
 * transaction.
 */
export async function applyDecision(ctx: RequestContext, referral: Referral, input: ReferralDecisionInput): Promise<void> {
  if (!isOpenReferral(referral.status)) throw errors.badInput(ctx, 'referralId', 'error.referralAlreadyDecided');
  const problems = new InputProblems(ctx);
  const reason = optionalText(input.reason);
  if (decisionNeedsReason(input.decision) && !reason) problems.add('reason', 'error.decisionReasonRequired');
  const redirectedTo = optionalText(input.redirectedTo);
  if (input.decision === ReferralDecision.REDIRECT && !redirectedTo) problems.add('redirectedTo', 'error.redirectedToRequired');
  problems.throwIfAny();

  if (input.decision === ReferralDecision.ACCEPT) {
    if (
      !input.participantId &&
      !input.confirmNewPerson &&
      (await findPossibleDuplicates(ctx, referral.lastName, referral.firstName, referral.birthDate, false)).length > 0
    ) {
      throw errors.badInput(ctx, 'participantId', 'error.possibleDuplicate');
    }
    const { participant, pathway } = await admitToPathway(
      ctx,
      input.participantId
        ? { participantId: input.participantId, referentId: input.referentId }
        : { details: detailsOf(referral), referentId: input.referentId ?? null },
      todayInFrance(referral.receivedAt),
    );
    referral.participant = participant;
    referral.pathway = pathway;
  }
  referral.status = DECISION_STATUS[input.decision];
  referral.decisionReason = reason;
  referral.redirectedTo = input.decision === ReferralDecision.REDIRECT ? redirectedTo : null;
  // A postponed referral comes back to a later commission: it is not decided yet.
  const decided = input.decision !== ReferralDecision.POSTPONE;
  referral.decidedAt = decided ? ctx.now : null;
  referral.decidedBy = decided ? ctx.em.getReference(User, ctx.actor!.userId) : null;
  notifyReferrers(ctx, await shareProgress(ctx, referral), DECISION_NOTICE[input.decision]);
}

function detailsOf(referral: Referral) {
  return {
    firstName: referral.firstName,
    lastName: referral.lastName,
    searchKey: referral.searchKey,
    birthDate: referral.birthDate,
    gender: referral.gender ?? null,
    phone: referral.phone ?? null,
    email: referral.email ?? null,
    addressLine: referral.addressLine ?? null,
    postcode: referral.postcode ?? null,
    communeCode: referral.communeCode ?? null,
    priorityDistrictCode: referral.priorityDistrictCode ?? null,
  };
}

/** Every organisation that referred the person hears of the decision, under the name it typed (first name and initial only). */
function notifyReferrers(ctx: RequestContext, submissions: ReferralSubmission[], kind: NotificationKind): void {
  for (const submission of submissions) {
    ctx.em.create(Notification, { tenant: submission.tenant, organisation: submission.organisation, kind, participantLabel: shortNameOf(submission) });
  }
}

/** Attachments an organisation may add to one referral. */
export const MAX_ATTACHMENTS = 10;

/** Attaches a document to a referral the viewer may read, as its organisation's. */
export async function attachToReferral(ctx: RequestContext, referralGlobalId: string, file: UploadedFile | null): Promise<ReferralAttachment> {
  const referral = ctx.em.getReference(Referral, referralIdOf(await findReadableReferral(ctx, referralGlobalId)));
  const organisationId = activeMembership(ctx).organisationId;
  if ((await ctx.em.count(ReferralAttachment, { referral, organisation: organisationId })) >= MAX_ATTACHMENTS) {
    throw errors.badInput(ctx, 'file', 'error.tooManyAttachments', { max: MAX_ATTACHMENTS });
  }
  const attachment = ctx.em.create(ReferralAttachment, {
    tenant: ctx.em.getReference(Tenant, activeMembership(ctx).tenantId),
    referral,
    organisation: ctx.em.getReference(Organisation, organisationId),
    ...checkedDocument(ctx, file, { missing: 'error.attachmentMissing', type: 'error.attachmentType' }, 'piece-jointe'),
    uploadedAt: ctx.now,
    uploadedBy: ctx.em.getReference(User, ctx.actor!.userId),
  });
  await saveChanges(ctx);
  return attachment;
}

/** A document back, for staff or the organisation that attached it (row-level security says the same). */
export async function readAttachment(ctx: RequestContext, globalId: string): Promise<ReferralAttachment> {
  const parsed = parseGlobalId(globalId, 'ReferralAttachment');
  const attachment = parsed && (await ctx.em.findOne(ReferralAttachment, { id: parsed.id, ...readableAuthoredRows(ctx) }, { populate: ['content'] }));
  if (!attachment) throw errors.notFound(ctx, 'id');
  await findReadableReferral(ctx, toGlobalId('Referral', attachment.referral.id));
  return attachment;
}

/** The attachments of these referrals the viewer may see (without their bytes), in one query. */
export async function attachmentsOf(ctx: RequestContext, records: ReferralRecord[]): Promise<Map<string, ReferralAttachment[]>> {
  const found = records.length
    ? await ctx.em.find(
        ReferralAttachment,
        { referral: { $in: records.map(referralIdOf) }, ...readableAuthoredRows(ctx) },
        { populate: ['organisation'], orderBy: { uploadedAt: 'asc' } },
      )
    : [];
  const byReferral = new Map<string, ReferralAttachment[]>();
  for (const attachment of found) byReferral.set(attachment.referral.id, [...(byReferral.get(attachment.referral.id) ?? []), attachment]);
  return byReferral;
}
