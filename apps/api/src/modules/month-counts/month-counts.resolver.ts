import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { activeMembership } from '../../access/tenant-scope';
import { reportPeriod } from '../../graphql/date-input';
import { contractMonthCount, trainingMonthCount, type MonthCountRow } from './month-counts.query';

@ObjectType('MonthCount', { description: "A partner's monthly list counted in SQL, under the same consent rules as the list" })
export class MonthCountType {
  @Field({ description: 'YYYY-MM' })
  period!: string;

  @Field(() => Int, { description: 'Rows of the month’s list' })
  totalCount!: number;

  @Field(() => Int, { description: 'Rows still waiting for the partner (a report to file, a result to record)' })
  dueCount!: number;
}

const countOf = (period: string, { total, due }: MonthCountRow): MonthCountType => ({ period, totalCount: total, dueCount: due });

@Resolver()
export class MonthCountsResolver {
  @Query(() => MonthCountType, { description: 'The employer’s month (contractMonth) counted: its contracts, and those without a report' })
  @Allow('reportOnContracts')
  async contractMonthCount(@Ctx() ctx: RequestContext, @Arg('period', { description: 'YYYY-MM' }) period: string): Promise<MonthCountType> {
    return countOf(period, await contractMonthCount(ctx.em, activeMembership(ctx).organisationId, reportPeriod(ctx, 'period', period)));
  }

  @Query(() => MonthCountType, { description: 'The training operator’s month (trainingMonth) counted: its trainees, and ended trainings without a result' })
  @Allow('reportOnTraining')
  async trainingMonthCount(@Ctx() ctx: RequestContext, @Arg('period', { description: 'YYYY-MM' }) period: string): Promise<MonthCountType> {
    return countOf(period, await trainingMonthCount(ctx.em, activeMembership(ctx).organisationId, reportPeriod(ctx, 'period', period)));
  }
}
