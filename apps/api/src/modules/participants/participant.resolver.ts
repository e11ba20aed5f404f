import { Arg, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { PageArgs } from '../../graphql/pagination';
import { toConnection } from '../../graphql/relay';
import { selectedFields, selects } from '../../graphql/selection';
import type { PageShape } from './participant-page.query';
import {
  ChangePathwayStatusInput,
  CreateParticipantInput,
  ParticipantFilter,
  ReassignParticipantInput,
  UpdateParticipantInput,
  UpdatePathwayEntryInput,
} from './participant.inputs';
import {
  changePathwayStatus,
  createParticipant,
  findParticipant,
  findPossibleDuplicates,
  listParticipants,
  listReferents,
  openNewPathway,
  participantCursor,
  historyCursor,
  participantHistory,
  participantView,
  reassignParticipant,
  toTypes,
  updateParticipant,
  updatePathwayEntry,
} from './participant.service';
import { ParticipantChangeConnection, ParticipantChangeType, ParticipantConnection, ParticipantType, ReferentType } from './participant.type';
import { checkedDetailsForLookup } from './participant.validation';

/** The Pathway fields read from its ESF+ record (PathwayType). */
const ESF_FIELDS = new Set([
  'employmentSituation',
  'educationLevel',
  'disability',
  'thirdCountryNational',
  'foreignBackground',
  'minority',
  'homeless',
  'ruralArea',
  'minimumIncome',
  'exitJobSearching',
  'exitInTraining',
  'exitQualification',
  'exitEmployed',
  'exitAnsweredOn',
  'sixMonthEmployed',
  'sixMonthBetterSituation',
  'sixMonthAnsweredOn',
  'missingEsfFields',
  'esfVersion',
]);

/** What the list's statement must read for this query (participant-page.query.ts). */
function pageShape(info: GraphQLResolveInfo): PageShape {
  const node = ['edges', 'node'];
  const pathwayFields = [...selectedFields(info, [...node, 'currentPathway']), ...selectedFields(info, [...node, 'pathways'])];
  return {
    referent: selects(info, [...node, 'referent']),
    esf: pathwayFields.some((field) => ESF_FIELDS.has(field)),
    stages: selects(info, [...node, 'stages']) ? selectedFields(info, [...node, 'stages']) : null,
    fields: new Set([...selectedFields(info, node), ...pathwayFields]),
    allPathways: selects(info, [...node, 'pathways']),
  };
}

@Resolver()
export class ParticipantResolver {
  @Query(() => ParticipantConnection, { description: 'The caseload; for a partner, the people whose consent shares something with it. By name' })
  @Allow('actInTenant')
  async participants(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ParticipantFilter, { nullable: true }) filter?: ParticipantFilter,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<ParticipantConnection> {
    const result = await listParticipants(ctx, filter, page, pageShape(info));
    return toConnection(result, participantCursor, await toTypes(ctx, result.nodes));
  }

  @Query(() => ParticipantType)
  @Allow('actInTenant')
  async participant(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ParticipantType> {
    return participantView(ctx, await findParticipant(ctx, id));
  }

  @Query(() => [ParticipantType], { description: 'People already followed with this name and birth date (warned about before creating)' })
  @Allow('followParticipants')
  async possibleDuplicates(
    @Ctx() ctx: RequestContext,
    @Arg('lastName') lastName: string,
    @Arg('firstName') firstName: string,
    @Arg('birthDate') birthDate: string,
  ): Promise<ParticipantType[]> {
    const key = checkedDetailsForLookup(ctx, lastName, firstName, birthDate);
    return toTypes(ctx, await findPossibleDuplicates(ctx, key.lastName, key.firstName, key.birthDate));
  }

  @Query(() => ParticipantChangeConnection, { description: 'History of a file, newest first' })
  @Allow('followParticipants')
  async participantHistory(
    @Ctx() ctx: RequestContext,
    @Arg('participantId', () => ID) participantId: string,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<ParticipantChangeConnection> {
    const result = await participantHistory(ctx, participantId, page);
    return toConnection(result, historyCursor, result.nodes.map(ParticipantChangeType.from));
  }

  @Query(() => [ReferentType], { description: 'Active path referents of the PLIE' })
  @Allow('followParticipants')
  referents(@Ctx() ctx: RequestContext): Promise<ReferentType[]> {
    return listReferents(ctx);
  }

  @Mutation(() => ParticipantType)
  @Allow('followParticipants')
  async createParticipant(@Ctx() ctx: RequestContext, @Arg('input') input: CreateParticipantInput): Promise<ParticipantType> {
    return participantView(ctx, await createParticipant(ctx, input));
  }

  @Mutation(() => ParticipantType)
  @Allow('followParticipants')
  async updateParticipant(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateParticipantInput): Promise<ParticipantType> {
    return participantView(ctx, await updateParticipant(ctx, input));
  }

  @Mutation(() => ParticipantType, { description: 'Record the situation at entry (ESF+ items) of a pathway' })
  @Allow('followParticipants')
  async updatePathwayEntry(@Ctx() ctx: RequestContext, @Arg('input') input: UpdatePathwayEntryInput): Promise<ParticipantType> {
    return participantView(ctx, await updatePathwayEntry(ctx, input));
  }

  @Mutation(() => ParticipantType)
  @Allow('followParticipants')
  async changePathwayStatus(@Ctx() ctx: RequestContext, @Arg('input') input: ChangePathwayStatusInput): Promise<ParticipantType> {
    return participantView(ctx, await changePathwayStatus(ctx, input));
  }

  @Mutation(() => ParticipantType, { description: 'A new entry for a person whose last pathway ended' })
  @Allow('followParticipants')
  async openNewPathway(
    @Ctx() ctx: RequestContext,
    @Arg('participantId', () => ID) participantId: string,
    @Arg('referralDate', () => String, { nullable: true }) referralDate?: string | null,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: 'Chosen by the client per intended creation: a retry with the same key returns the first result',
    })
    idempotencyKey?: string | null,
  ): Promise<ParticipantType> {
    return participantView(ctx, await openNewPathway(ctx, participantId, referralDate, idempotencyKey));
  }

  @Mutation(() => ParticipantType)
  @Allow('followParticipants')
  async reassignParticipant(@Ctx() ctx: RequestContext, @Arg('input') input: ReassignParticipantInput): Promise<ParticipantType> {
    return participantView(ctx, await reassignParticipant(ctx, input));
  }
}
