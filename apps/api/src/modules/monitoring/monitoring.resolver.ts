import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { referentMonitoring, ReferentMonitoringType, setCaseloadTarget } from './monitoring';

@Resolver()
export class MonitoringResolver {
  @Query(() => ReferentMonitoringType, {
    description: "The referents' monitoring: a referent her own figures; the animation team every referent's and operator's, or one referent's",
  })
  @Allow('readMonitoring')
  referentMonitoring(
    @Ctx() ctx: RequestContext,
    @Arg('referentId', () => ID, { nullable: true, description: 'One referent (a Membership id); absent: every referent the viewer may monitor' })
    referentId?: string | null,
  ): Promise<ReferentMonitoringType> {
    return referentMonitoring(ctx, referentId);
  }

  @Mutation(() => Int, { description: "Set the active caseload each of the PLIE's referents is expected to hold; answers the target saved" })
  @Allow('manageTenantSettings')
  setCaseloadTarget(@Ctx() ctx: RequestContext, @Arg('target', () => Int) target: number): Promise<number> {
    return setCaseloadTarget(ctx, target);
  }
}
