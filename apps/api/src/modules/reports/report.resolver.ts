import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { activityReport } from './activity-report';
import { ActivityReportType, ReportPeriodInput, ReportScopeInput } from './report.graphql-types';

@Resolver()
export class ReportResolver {
  @Query(() => ActivityReportType, { description: 'The activity report of a period and a scope the viewer may read, each figure beside the previous period’s' })
  @Allow('readActivityReports')
  async activityReport(
    @Ctx() ctx: RequestContext,
    @Arg('period', () => ReportPeriodInput, { nullable: true }) period?: ReportPeriodInput | null,
    @Arg('scope', () => ReportScopeInput, { nullable: true }) scope?: ReportScopeInput | null,
  ): Promise<ActivityReportType> {
    return ActivityReportType.from(await activityReport(ctx, period, scope));
  }
}
