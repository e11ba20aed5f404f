import { type ConsentPurpose, DataClass, isPartnerKind, type StageCategory } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { errors } from '../graphql/errors';
import type { ConsentSubject } from './consent-scope';
import { mayEdit } from './participant-access';
import { activeMembership } from './tenant-scope';

/** A stage someone reports on, and whose file it belongs to. */
export interface ReportedStage {
  subject: Omit<ConsentSubject, 'itemClass' | 'scope'> & { stage: NonNullable<ConsentSubject['stage']> };
  referent: { id: string };
}

/** What the rule reads of a stage as loaded (kind, operator, pathway's participant and referent): a Stage entity is one. */
export interface LoadedStage {
  id: string;
  kind: { code: string; category: StageCategory };
  operator?: { id: string } | null;
  pathway: { participant: { id: string; referent: { id: string } } };
}

/** A stage, and the file it belongs to, as the rule below needs them. */
export function reportedStage(stage: LoadedStage): ReportedStage {
  return {
    subject: {
      participantId: stage.pathway.participant.id,
      stage: { id: stage.id, kindCode: stage.kind.code, category: stage.kind.category, operatorOrganisationId: stage.operator?.id ?? null },
    },
    referent: stage.pathway.participant.referent,
  };
}

/**
 * The one rule for writing a report on a stage (contract reports, training reports). Staff who may
 * edit the file may; a partner only on a stage it operates, and only while a consent in force
 * shares that report class of that stage with it for the report's purpose. Anything else is
 * FORBIDDEN, before anything is written.
 */
export async function assertMayReport(ctx: RequestContext, stage: ReportedStage, reportClass: DataClass, purpose: ConsentPurpose): Promise<void> {
  const membership = activeMembership(ctx);
  if (!isPartnerKind(membership.organisationKind)) {
    if (!mayEdit(ctx, stage)) throw errors.forbidden(ctx, 'error.notYourCaseload');
    return;
  }
  const operates = stage.subject.stage.operatorOrganisationId === membership.organisationId;
  if (!operates || !(await ctx.consent.grantsFor(stage.subject, reportClass, purpose))) throw errors.forbidden(ctx, 'error.reportNotShared');
}

/**
 * Renewing or ending a contract changes the stage's details: beyond the rule above, a partner needs
 * those details shared with it (a refusal of them wins over a grant of the reports), or it would
 * change what it may not see. FORBIDDEN with the reason, before anything is written.
 */
export async function assertMayChangeDetails(ctx: RequestContext, stage: ReportedStage): Promise<void> {
  await ctx.consent.load();
  if (!ctx.consent.wouldAllow(stage.subject, DataClass.STAGE_DETAILS)) throw errors.forbidden(ctx, 'error.stageDetailsNotShared');
}
