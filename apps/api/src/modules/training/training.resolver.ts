import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DataClass } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { withScope } from '../../access/consent-scope';
import { Shared } from '../../access/field-consent';
import { Allow } from '../../access/operation-access';
import { loaderFor } from '../../graphql/loaders';
import { parseGlobalId } from '../../graphql/relay';
import { toTypes } from '../participants/participant.service';
import { Stage } from '../stages/stage.entity';
import { StageType } from '../stages/stage.type';
import { TrainingAttendance, TrainingResult } from './training.entity';
import { RecordTrainingAttendanceInput, RecordTrainingResultInput } from './training.inputs';
import { recordTrainingAttendance, recordTrainingResult, TRAINING_STAGE_POPULATE, traineesOfMonth } from './training.service';
import { TraineeMonthType, TrainingAttendanceType, TrainingResultType } from './training.type';

@Resolver()
export class TrainingResolver {
  @Query(() => [TraineeMonthType], { description: "The training operator's month: its trainees it may report on, with their attendance and result" })
  @Allow('followSharedParticipants')
  async trainingMonth(@Ctx() ctx: RequestContext, @Arg('period', { description: 'YYYY-MM' }) period: string): Promise<TraineeMonthType[]> {
    const rows = await traineesOfMonth(ctx, period);
    const participants = await toTypes(
      ctx,
      rows.map((row) => row.stage.pathway.participant),
    );
    return rows.map(({ stage, attendance, result }, i) => ({
      participant: participants[i]!,
      stage: StageType.from(stage, ctx.locale),
      attendance: attendance && TrainingAttendanceType.from(attendance, stage),
      result: result && TrainingResultType.from(result, stage),
    }));
  }

  @Mutation(() => [TrainingAttendanceType], { description: "Record a month's attendance for one trainee or a group: all of it, or none" })
  @Allow('actInTenant')
  async recordTrainingAttendance(@Ctx() ctx: RequestContext, @Arg('input') input: RecordTrainingAttendanceInput): Promise<TrainingAttendanceType[]> {
    const rows = await recordTrainingAttendance(ctx, input);
    const stages = await ctx.em.find(Stage, { id: { $in: rows.map((r) => r.stage.id) } }, { populate: TRAINING_STAGE_POPULATE });
    return rows.map((row) =>
      TrainingAttendanceType.from(
        row,
        stages.find((s) => s.id === row.stage.id)!,
      ),
    );
  }

  @Mutation(() => TrainingResultType, { description: 'Record how the training ended: completed, certified or dropped out' })
  @Allow('actInTenant')
  async recordTrainingResult(@Ctx() ctx: RequestContext, @Arg('input') input: RecordTrainingResultInput): Promise<TrainingResultType> {
    const result = await recordTrainingResult(ctx, input);
    const stage = await ctx.em.findOneOrFail(Stage, { id: result.stage.id }, { populate: TRAINING_STAGE_POPULATE });
    return TrainingResultType.from(result, stage);
  }
}

/** A page's training stages with what their operator reported: one query each for attendance and results. */
function trainingReportsOf(ctx: RequestContext) {
  return loaderFor<string, { stage: Stage; attendance: TrainingAttendance[]; result: TrainingResult | null }>(ctx, 'trainingReports', async (stageIds) => {
    const ids = [...stageIds];
    const stages = await ctx.em.find(Stage, { id: { $in: ids } }, { populate: TRAINING_STAGE_POPULATE });
    const attendance = await ctx.em.find(TrainingAttendance, { stage: { $in: ids } }, { populate: ['authorOrganisation'], orderBy: { period: 'desc' } });
    const results = await ctx.em.find(TrainingResult, { stage: { $in: ids } }, { populate: ['authorOrganisation'] });
    return ids.map((id) => ({
      stage: stages.find((s) => s.id === id)!,
      attendance: attendance.filter((a) => a.stage.id === id),
      result: results.find((r) => r.stage.id === id) ?? null,
    }));
  });
}

@Resolver(() => StageType)
export class StageTrainingResolver {
  // The list is structure; the consent middleware keeps the reports shared with the viewer (or written by it).
  @FieldResolver(() => [TrainingAttendanceType], { description: "The training operator's monthly attendance, latest month first" })
  @Shared(DataClass.STAGE_LIST)
  async trainingAttendance(@Root() stage: StageType, @Ctx() ctx: RequestContext): Promise<TrainingAttendanceType[]> {
    const reports = await trainingReportsOf(ctx).load(parseGlobalId(stage.id, 'Stage')!.id);
    return reports.attendance.map((row) => withScope(TrainingAttendanceType.from(row, reports.stage), stage.consentSubject.scope));
  }

  @FieldResolver(() => TrainingResultType, { nullable: true, description: 'How the training ended, once the operator said' })
  @Shared(DataClass.STAGE_LIST)
  async trainingResult(@Root() stage: StageType, @Ctx() ctx: RequestContext): Promise<TrainingResultType | null> {
    const reports = await trainingReportsOf(ctx).load(parseGlobalId(stage.id, 'Stage')!.id);
    return reports.result && withScope(TrainingResultType.from(reports.result, reports.stage), stage.consentSubject.scope);
  }
}
