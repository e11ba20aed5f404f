import { ConsentPurpose, DataClass, periodWithin, TRAINING_STAGE_CATEGORIES, TrainingOutcome } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { createManyOnce } from '../idempotency/idempotency';
import { assertMayReport, reportedStage } from '../../access/report-access';
import { activeMembership } from '../../access/tenant-scope';
import { notInFuture, reportPeriod, requiredDate } from '../../graphql/date-input';
import { errors, InputProblems } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { optionalText } from '../../graphql/text-input';
import { Organisation } from '../organisations/organisation.entity';
import { shortNameOf } from '../participants/participant.entity';
import { Stage } from '../stages/stage.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { TrainingAttendance, TrainingResult } from './training.entity';
import type { RecordTrainingAttendanceInput, RecordTrainingResultInput } from './training.inputs';

export const TRAINING_STAGE_POPULATE = ['kind', 'operator', 'pathway.participant.referent.organisation'] as const;

/** The training's days: as it happened when known, else as planned (no end: it runs on). */
function trainingSpan(stage: Stage): { start: string; end: string | null } {
  return { start: stage.actualStart ?? stage.plannedStart, end: stage.actualEnd ?? stage.plannedEnd ?? null };
}

/** A training stage the viewer may report on (the one rule, report-access.ts), or NOT_FOUND / BAD_USER_INPUT on `field`. */
async function reportableTraining(ctx: RequestContext, globalId: string, field: string): Promise<Stage> {
  const parsed = parseGlobalId(globalId, 'Stage');
  const stage = parsed && (await ctx.em.findOne(Stage, { id: parsed.id }, { populate: TRAINING_STAGE_POPULATE }));
  if (!stage) throw errors.notFound(ctx, field);
  if (!TRAINING_STAGE_CATEGORIES.includes(stage.kind.category)) throw errors.badInput(ctx, field, 'error.notATrainingStage');
  await assertMayReport(ctx, reportedStage(stage), DataClass.TRAINING_REPORTS, ConsentPurpose.TRAINING_FOLLOW_UP);
  return stage;
}

function authorship(ctx: RequestContext) {
  return {
    authorOrganisation: ctx.em.getReference(Organisation, activeMembership(ctx).organisationId),
    author: ctx.em.getReference(User, ctx.actor!.userId),
  };
}

function stageIdsOf(input: RecordTrainingAttendanceInput): string[] {
  return input.entries.map((entry) => parseGlobalId(entry.stageId, 'Stage')?.id).filter((id): id is string => !!id);
}

/**
 * A month's attendance, for one trainee or a whole group: all of it is recorded, or none, every
 * refused entry named by its index (`entries.2.hoursAttended`). A retry with the same key records nothing twice.
 */
export async function recordTrainingAttendance(ctx: RequestContext, input: RecordTrainingAttendanceInput): Promise<TrainingAttendance[]> {
  const period = input.period.trim();
  const attendanceOf = (stageIds: string[]) => ctx.em.find(TrainingAttendance, { period, stage: { $in: stageIds } }, { populate: ['authorOrganisation'] });
  return createManyOnce(
    ctx,
    'recordTrainingAttendance',
    input.idempotencyKey,
    async () => {
      reportPeriod(ctx, 'period', period);
      if (input.entries.length === 0) throw errors.badInput(ctx, 'entries', 'error.required');
      // One query for the stages and one for the month's attendance already recorded, whatever the number of entries.
      const ids = stageIdsOf(input);
      await ctx.em.find(Stage, { id: { $in: ids } }, { populate: TRAINING_STAGE_POPULATE });
      const recorded = new Set((await attendanceOf(ids)).map((row) => row.stage.id));
      const problems = new InputProblems(ctx);
      const seen = new Set<string>();
      const accepted: Array<{ stage: Stage; entry: (typeof input.entries)[number] }> = [];
      for (const [i, entry] of input.entries.entries()) {
        const field = (name: string) => `entries.${i}.${name}`;
        const stage = await problems.checkAsync(() => reportableTraining(ctx, entry.stageId, field('stageId')));
        if (!stage) continue;
        if (seen.has(stage.id)) problems.add(field('stageId'), 'error.duplicateTrainee');
        seen.add(stage.id);
        const name = shortNameOf(stage.pathway.participant);
        const { start, end } = trainingSpan(stage);
        if (!periodWithin(period, start, end)) problems.add(field('period'), 'error.attendanceOutsideTraining', { name });
        else if (recorded.has(stage.id)) problems.add(field('period'), 'error.attendanceAlreadyRecorded', { name });
        const { hoursPlanned, hoursAttended } = entry;
        if (!Number.isFinite(hoursPlanned) || hoursPlanned < 0 || hoursPlanned > 744) problems.add(field('hoursPlanned'), 'error.hoursInvalid');
        if (!Number.isFinite(hoursAttended) || hoursAttended < 0) problems.add(field('hoursAttended'), 'error.hoursInvalid');
        else if (hoursAttended > hoursPlanned) problems.add(field('hoursAttended'), 'error.attendedOverPlanned', { name });
        accepted.push({ stage, entry });
      }
      problems.throwIfAny();
      const rows = accepted.map(({ stage, entry }) =>
        ctx.em.create(TrainingAttendance, {
          tenant: ctx.em.getReference(Tenant, activeMembership(ctx).tenantId),
          stage,
          period,
          hoursPlanned: entry.hoursPlanned,
          hoursAttended: entry.hoursAttended,
          absenceNote: optionalText(entry.absenceNote),
          ...authorship(ctx),
          submittedAt: ctx.now,
        }),
      );
      await saveChanges(ctx);
      // The author's organisation is a bare reference: the answer names it.
      await ctx.em.populate(rows, ['authorOrganisation']);
      return rows;
    },
    // A retry gets what the first call recorded for these trainees and this month.
    () => attendanceOf(stageIdsOf(input)),
  );
}

/** How the training ended: completed, certified (with the certification) or dropped out (with the reason). */
export async function recordTrainingResult(ctx: RequestContext, input: RecordTrainingResultInput): Promise<TrainingResult> {
  const stage = await reportableTraining(ctx, input.stageId, 'stageId');
  const problems = new InputProblems(ctx);
  const endedOn = problems.check(() => notInFuture(ctx, 'endedOn', requiredDate(ctx, 'endedOn', input.endedOn)));
  if (endedOn && endedOn < trainingSpan(stage).start) problems.add('endedOn', 'error.endBeforeStart');
  const certification = optionalText(input.certification);
  if (input.outcome === TrainingOutcome.CERTIFIED && !certification) problems.add('certification', 'error.certificationRequired');
  const dropOutReason = optionalText(input.dropOutReason);
  if (input.outcome === TrainingOutcome.ABANDONED && !dropOutReason) problems.add('dropOutReason', 'error.dropOutReasonRequired');
  problems.throwIfAny();
  const result = {
    outcome: input.outcome,
    endedOn: endedOn!,
    certification: input.outcome === TrainingOutcome.CERTIFIED ? certification : null,
    dropOutReason: input.outcome === TrainingOutcome.ABANDONED ? dropOutReason : null,
    ...authorship(ctx),
    recordedAt: ctx.now,
  };
  const existing = await ctx.em.findOne(TrainingResult, { stage });
  if (existing) {
    if (existing.version !== input.version) throw errors.conflict(ctx);
    ctx.em.assign(existing, result);
  } else {
    ctx.em.create(TrainingResult, { tenant: stage.tenant, stage, ...result });
  }
  await saveChanges(ctx);
  return ctx.em.findOneOrFail(TrainingResult, { stage }, { populate: ['authorOrganisation'] });
}

/**
 * The training operator's month: the training stages it runs that the month falls within and that
 * it may report on (the same rule as recording), with the attendance recorded and the result.
 */
export async function traineesOfMonth(ctx: RequestContext, period: string) {
  reportPeriod(ctx, 'period', period);
  const membership = activeMembership(ctx);
  const candidates = await ctx.em.find(
    Stage,
    { operator: membership.organisationId, kind: { category: { $in: [...TRAINING_STAGE_CATEGORIES] } } },
    { populate: TRAINING_STAGE_POPULATE, orderBy: { pathway: { participant: { searchKey: 'asc' } } } },
  );
  const stages: Stage[] = [];
  for (const stage of candidates) {
    const { start, end } = trainingSpan(stage);
    if (!periodWithin(period, start, end)) continue;
    const { subject } = reportedStage(stage);
    // A refusal of the stage list to its kind hides the stage itself: left out rather than shown empty.
    if (
      (await ctx.consent.grantsFor(subject, DataClass.TRAINING_REPORTS, ConsentPurpose.TRAINING_FOLLOW_UP)) &&
      ctx.consent.wouldAllow(subject, DataClass.STAGE_LIST)
    )
      stages.push(stage);
  }
  const attendance = stages.length ? await ctx.em.find(TrainingAttendance, { period, stage: { $in: stages } }, { populate: ['authorOrganisation'] }) : [];
  const results = stages.length ? await ctx.em.find(TrainingResult, { stage: { $in: stages } }, { populate: ['authorOrganisation'] }) : [];
  return stages.map((stage) => ({
    stage,
    attendance: attendance.find((a) => a.stage.id === stage.id) ?? null,
    result: results.find((r) => r.stage.id === stage.id) ?? null,
  }));
}
