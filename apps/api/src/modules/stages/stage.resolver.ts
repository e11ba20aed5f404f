import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { AddStageInput, UpdateStageInput } from './stage.inputs';
import { addStage, listStageKinds, listStages, updateStage } from './stage.service';
import { StageKindType, StageType } from './stage.type';

@Resolver()
export class StageResolver {
  @Query(() => [StageKindType], { description: "The PLIE's catalogue of stage kinds" })
  @Allow('followParticipants')
  async stageKinds(@Ctx() ctx: RequestContext, @Arg('includeInactive', { defaultValue: false }) includeInactive: boolean): Promise<StageKindType[]> {
    return (await listStageKinds(ctx, includeInactive)).map((kind) => StageKindType.from(kind, ctx.locale));
  }

  @Query(() => [StageType], { description: 'The action plan of a pathway, by planned start (for a partner: the stages shared with it)' })
  @Allow('actInTenant')
  async stages(@Ctx() ctx: RequestContext, @Arg('pathwayId', () => ID) pathwayId: string): Promise<StageType[]> {
    return (await listStages(ctx, pathwayId)).map((stage) => StageType.from(stage, ctx.locale));
  }

  @Mutation(() => StageType)
  @Allow('followParticipants')
  async addStage(@Ctx() ctx: RequestContext, @Arg('input') input: AddStageInput): Promise<StageType> {
    return StageType.from(await addStage(ctx, input), ctx.locale);
  }

  @Mutation(() => StageType)
  @Allow('followParticipants')
  async updateStage(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateStageInput): Promise<StageType> {
    return StageType.from(await updateStage(ctx, input), ctx.locale);
  }
}
