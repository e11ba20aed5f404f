import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NEVER_SHARED } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { Shared } from '../../access/field-consent';
import { Allow } from '../../access/operation-access';
import { userNames } from '../../db/user-names.query';
import { ParticipantType } from '../participants/participant.type';
import { EsfOperationChange } from './esf-operation-change.entity';
import { ChangePathwayOperationInput, SaveEsfOperationInput } from './esf-operation.inputs';
import { changePathwayOperation, saveOperation } from './esf-operation.service';
import { listOperations } from './default-operation';
import { EsfOperationChangeType, EsfOperationType } from './esf-operation.type';
import { EsfRecord } from './esf-record.entity';
import { toTypes } from '../participants/participant.service';

@Resolver()
export class EsfOperationResolver {
  @Query(() => [EsfOperationType], { description: 'The PLIE’s ESF+ operations, the latest first' })
  @Allow('followParticipants')
  async esfOperations(@Ctx() ctx: RequestContext): Promise<EsfOperationType[]> {
    return (await listOperations(ctx)).map(EsfOperationType.from);
  }

  @Mutation(() => EsfOperationType, { description: 'Creates or corrects an ESF+ operation' })
  @Allow('manageEsfOperations')
  async saveEsfOperation(@Ctx() ctx: RequestContext, @Arg('input') input: SaveEsfOperationInput): Promise<EsfOperationType> {
    return EsfOperationType.from(await saveOperation(ctx, input));
  }

  @Mutation(() => ParticipantType, { description: 'Moves a pathway to another ESF+ operation, with the reason kept' })
  @Allow('manageEsfOperations')
  async changePathwayOperation(@Ctx() ctx: RequestContext, @Arg('input') input: ChangePathwayOperationInput): Promise<ParticipantType> {
    return (await toTypes(ctx, [await changePathwayOperation(ctx, input)]))[0]!;
  }
}

/** The current pathway's ESF+ operation and its moves, on the file: staff only, never shared. */
@Resolver(() => ParticipantType)
export class ParticipantEsfOperationResolver {
  @FieldResolver(() => EsfOperationType, { nullable: true, description: 'The ESF+ operation of the current pathway; null until chosen' })
  @Shared(NEVER_SHARED)
  async esfOperation(@Root() participant: ParticipantType, @Ctx() ctx: RequestContext): Promise<EsfOperationType | null> {
    const record = await ctx.em.findOne(EsfRecord, { pathway: participant.currentPathwayId }, { populate: ['operation'] });
    return record?.operation ? EsfOperationType.from(record.operation) : null;
  }

  @FieldResolver(() => [EsfOperationChangeType], { nullable: true, description: 'The current pathway’s moves between ESF+ operations, the latest first' })
  @Shared(NEVER_SHARED)
  async esfOperationChanges(@Root() participant: ParticipantType, @Ctx() ctx: RequestContext): Promise<EsfOperationChangeType[]> {
    const changes = await ctx.em.find(
      EsfOperationChange,
      { pathway: participant.currentPathwayId },
      { populate: ['fromOperation', 'toOperation'], orderBy: { createdAt: 'desc' } },
    );
    const names = await userNames(
      ctx,
      changes.map((c) => c.changedBy.id),
    );
    return changes.map((c) => EsfOperationChangeType.from(c, names.get(c.changedBy.id) ?? ''));
  }
}
