import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { programmeScope } from '../../access/programme-access';
import { activeMembership } from '../../access/tenant-scope';
import { needTotals, sessionOccupancy } from '../../db/programme.query';
import { loaderFor } from '../../graphql/loaders';
import { newestFirstCursor, PageArgs } from '../../graphql/pagination';
import { toConnection } from '../../graphql/relay';
import type { Participant } from '../participants/participant.entity';
import { toTypes } from '../participants/participant.service';
import { listStageKinds } from '../stages/stage.service';
import { StageKind } from '../stages/stage-kind.entity';
import type { Positioning, ProgrammeSession } from './programme.entity';
import {
  AddProgrammeSessionInput,
  AnswerPositioningInput,
  CreateProgrammeActionInput,
  CreateStageKindInput,
  ProgrammeActionFilter,
  ProposePositioningInput,
  RecordProgrammeNeedInput,
  UpdateProgrammeActionInput,
  UpdateProgrammeSessionInput,
  UpdateStageKindInput,
  WithdrawPositioningInput,
} from './programme.inputs';
import {
  addSession,
  answerPositioning,
  createAction,
  getAction,
  listActions,
  listNeeds,
  positioningFacts,
  positioningsOfPathway,
  positioningsOfSessions,
  positioningsToAnswer,
  proposePositioning,
  recordNeed,
  sessionsOfActions,
  updateAction,
  updateSession,
  withdrawPositioning,
} from './programme.service';
import {
  CatalogueStageKindType,
  PositioningType,
  ProgrammeActionConnection,
  ProgrammeActionType,
  ProgrammeNeedTotalType,
  ProgrammeNeedType,
  ProgrammeSessionType,
  SessionOccupancyType,
} from './programme.type';
import { createStageKind, updateStageKind } from './stage-kind-catalogue.service';

/** The positionings' types: the people through the consent-aware participant types. */
export async function positioningTypes(ctx: RequestContext, positionings: Positioning[]): Promise<PositioningType[]> {
  const people = await toTypes(
    ctx,
    positionings.map((p) => p.participant as Participant),
  );
  return positionings.map((p, i) => PositioningType.from(p, people[i]!, positioningFacts(p)));
}

function actionType(ctx: RequestContext, action: Parameters<typeof ProgrammeActionType.from>[0]): ProgrammeActionType {
  return ProgrammeActionType.from(action, ctx.locale, programmeScope(ctx).staff);
}

/** The programme of actions: actions, sessions, occupancy, positionings. */
@Resolver(() => ProgrammeActionType)
export class ProgrammeActionResolver {
  @Query(() => ProgrammeActionConnection, { description: 'The PLIE’s programme (an operator: the actions it runs), newest first' })
  @Allow('actInTenant')
  async programmeActions(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ProgrammeActionFilter, { nullable: true }) filter?: ProgrammeActionFilter,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<ProgrammeActionConnection> {
    const result = await listActions(ctx, filter, page);
    return toConnection(
      result,
      newestFirstCursor,
      result.nodes.map((action) => actionType(ctx, action)),
    );
  }

  @Query(() => ProgrammeActionType)
  @Allow('actInTenant')
  async programmeAction(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ProgrammeActionType> {
    return actionType(ctx, await getAction(ctx, id));
  }

  @FieldResolver(() => [ProgrammeSessionType], { description: 'By start' })
  @Allow('actInTenant')
  async sessions(@Root() action: ProgrammeActionType, @Ctx() ctx: RequestContext): Promise<ProgrammeSessionType[]> {
    const all = loaderFor<string, ProgrammeSession[]>(ctx, 'actionSessions', async (ids) => {
      const rows = await sessionsOfActions(ctx, ids);
      return ids.map((id) => rows.filter((row) => row.action.id === id));
    });
    return (await all.load(action.entity.id)).map(ProgrammeSessionType.from);
  }

  @Mutation(() => ProgrammeActionType, { description: 'Add an action to the programme' })
  @Allow('manageProgramme')
  async createProgrammeAction(@Ctx() ctx: RequestContext, @Arg('input') input: CreateProgrammeActionInput): Promise<ProgrammeActionType> {
    return actionType(ctx, await createAction(ctx, input));
  }

  @Mutation(() => ProgrammeActionType)
  @Allow('manageProgramme')
  async updateProgrammeAction(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateProgrammeActionInput): Promise<ProgrammeActionType> {
    return actionType(ctx, await updateAction(ctx, input));
  }

  @Mutation(() => ProgrammeSessionType)
  @Allow('manageProgramme')
  async addProgrammeSession(@Ctx() ctx: RequestContext, @Arg('input') input: AddProgrammeSessionInput): Promise<ProgrammeSessionType> {
    return ProgrammeSessionType.from(await addSession(ctx, input));
  }

  @Mutation(() => ProgrammeSessionType, { description: 'Change a session; added places go to its waiting list first' })
  @Allow('manageProgramme')
  async updateProgrammeSession(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateProgrammeSessionInput): Promise<ProgrammeSessionType> {
    return ProgrammeSessionType.from(await updateSession(ctx, input));
  }

  @Query(() => [PositioningType], { description: "An operator's positionings waiting for its answer (shared with it), oldest first" })
  @Allow('answerPositionings')
  async positioningsToAnswer(@Ctx() ctx: RequestContext): Promise<PositioningType[]> {
    return positioningTypes(ctx, await positioningsToAnswer(ctx));
  }

  @Query(() => Int, { description: 'How many positionings wait for the operator’s answer (those shared with it)' })
  @Allow('answerPositionings')
  async positioningsToAnswerCount(@Ctx() ctx: RequestContext): Promise<number> {
    return (await positioningsToAnswer(ctx)).length;
  }

  @Query(() => [PositioningType], { description: "A person's positionings on the programme, latest first" })
  @Allow('followParticipants')
  async pathwayPositionings(@Ctx() ctx: RequestContext, @Arg('pathwayId', () => ID) pathwayId: string): Promise<PositioningType[]> {
    return positioningTypes(ctx, await positioningsOfPathway(ctx, pathwayId));
  }

  @Mutation(() => PositioningType, { description: 'Propose a person on a session, with her agreement that the operator sees it' })
  @Allow('followParticipants')
  async proposePositioning(@Ctx() ctx: RequestContext, @Arg('input') input: ProposePositioningInput): Promise<PositioningType> {
    return (await positioningTypes(ctx, [await proposePositioning(ctx, input)]))[0]!;
  }

  @Mutation(() => PositioningType, { description: "The operator's answer; an acceptance on a full session puts the person on its waiting list" })
  @Allow('answerPositionings')
  async answerPositioning(@Ctx() ctx: RequestContext, @Arg('input') input: AnswerPositioningInput): Promise<PositioningType> {
    return (await positioningTypes(ctx, [await answerPositioning(ctx, input)]))[0]!;
  }

  @Mutation(() => PositioningType, { description: 'Withdraw a person; a freed place goes to the first on the waiting list' })
  @Allow('followParticipants')
  async withdrawPositioning(@Ctx() ctx: RequestContext, @Arg('input') input: WithdrawPositioningInput): Promise<PositioningType> {
    return (await positioningTypes(ctx, [await withdrawPositioning(ctx, input)]))[0]!;
  }

  @Mutation(() => ProgrammeNeedType, { description: 'Record an unmet need for the programme' })
  @Allow('followParticipants')
  async recordProgrammeNeed(@Ctx() ctx: RequestContext, @Arg('input') input: RecordProgrammeNeedInput): Promise<ProgrammeNeedType> {
    return ProgrammeNeedType.from(await recordNeed(ctx, input), ctx.locale);
  }

  @Query(() => [ProgrammeNeedType], { description: 'The needs recorded, newest first' })
  @Allow('followParticipants')
  async programmeNeeds(@Ctx() ctx: RequestContext, @Arg('quarter', () => String, { nullable: true }) quarter?: string | null): Promise<ProgrammeNeedType[]> {
    return (await listNeeds(ctx, quarter ?? null)).map((need) => ProgrammeNeedType.from(need, ctx.locale));
  }

  @Query(() => [ProgrammeNeedTotalType], { description: 'The needs added up by kind of action, commune and quarter, the largest first' })
  @Allow('followParticipants')
  async programmeNeedTotals(
    @Ctx() ctx: RequestContext,
    @Arg('quarter', () => String, { nullable: true }) quarter?: string | null,
  ): Promise<ProgrammeNeedTotalType[]> {
    const rows = await needTotals(ctx.em, activeMembership(ctx).tenantId, quarter ?? null);
    const kinds = new Map((await ctx.em.find(StageKind, { id: { $in: rows.map((row) => row.kindId) } })).map((kind) => [kind.id, kind]));
    return rows.map((row) => ProgrammeNeedTotalType.from(row, kinds.get(row.kindId)!, ctx.locale));
  }

  @Query(() => [CatalogueStageKindType], { description: 'The stage-kind catalogue as the animation team edits it, retired kinds included' })
  @Allow('manageProgramme')
  async stageKindCatalogue(@Ctx() ctx: RequestContext): Promise<CatalogueStageKindType[]> {
    return (await listStageKinds(ctx, true)).map(CatalogueStageKindType.from);
  }

  @Mutation(() => CatalogueStageKindType)
  @Allow('manageProgramme')
  async createStageKind(@Ctx() ctx: RequestContext, @Arg('input') input: CreateStageKindInput): Promise<CatalogueStageKindType> {
    return CatalogueStageKindType.from(await createStageKind(ctx, input));
  }

  @Mutation(() => CatalogueStageKindType, { description: 'Rename a kind, or retire it (never deleted) and bring it back' })
  @Allow('manageProgramme')
  async updateStageKind(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateStageKindInput): Promise<CatalogueStageKindType> {
    return CatalogueStageKindType.from(await updateStageKind(ctx, input));
  }
}

/** A session's occupancy and positionings. */
@Resolver(() => ProgrammeSessionType)
export class ProgrammeSessionResolver {
  @FieldResolver(() => SessionOccupancyType, { description: 'Counted in SQL over every positioning: counts only' })
  @Allow('actInTenant')
  async occupancy(@Root() session: ProgrammeSessionType, @Ctx() ctx: RequestContext): Promise<SessionOccupancyType> {
    const counts = loaderFor<string, SessionOccupancyType>(ctx, 'sessionOccupancy', async (ids) => {
      const rows = await sessionOccupancy(ctx.em, ids);
      return ids.map((id) => SessionOccupancyType.from(rows.get(id)!));
    });
    return counts.load(session.entity.id);
  }

  @FieldResolver(() => [PositioningType], { description: 'The positionings (an operator: those the people share with it), oldest first' })
  @Allow('actInTenant')
  async positionings(@Root() session: ProgrammeSessionType, @Ctx() ctx: RequestContext): Promise<PositioningType[]> {
    const all = loaderFor<string, Positioning[]>(ctx, 'sessionPositionings', async (ids) => {
      const rows = await positioningsOfSessions(ctx, ids);
      return ids.map((id) => rows.filter((row) => row.session.id === id));
    });
    return positioningTypes(ctx, await all.load(session.entity.id));
  }
}
