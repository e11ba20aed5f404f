import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { DiagnosisType, recordPastTrades, RecordPastTradesInput } from '../participants/diagnosis';
import { tradeOf, TradeType } from '../reference/reference.resolver';
import { listProjectVersions, ProfessionalProjectType, recordProfessionalProject, RecordProfessionalProjectInput, suggestTrades } from './professional-project';

@ObjectType('TradeSuggestion', { description: 'A close trade to explore, from a trade the person held or aims at' })
export class TradeSuggestionType {
  @Field(() => TradeType)
  trade!: TradeType;

  @Field(() => Int, { description: 'France Travail’s rank among the close trades of the trade it comes from (1 = closest)' })
  rank!: number;

  @Field(() => [TradeType], { description: 'Her trades it is close to, closest first' })
  from!: TradeType[];
}

/** The professional project of a pathway: its versions, and the close trades to explore. */
@Resolver()
export class ProfessionalProjectResolver {
  @Query(() => [ProfessionalProjectType], { description: 'Versions of the professional project of a pathway, latest first' })
  @Allow('followParticipants')
  async professionalProjects(@Ctx() ctx: RequestContext, @Arg('pathwayId', () => ID) pathwayId: string): Promise<ProfessionalProjectType[]> {
    return (await listProjectVersions(ctx, pathwayId)).map(ProfessionalProjectType.from);
  }

  @Mutation(() => ProfessionalProjectType, { description: 'Record the project as a new version' })
  @Allow('followParticipants')
  async recordProfessionalProject(@Ctx() ctx: RequestContext, @Arg('input') input: RecordProfessionalProjectInput): Promise<ProfessionalProjectType> {
    return ProfessionalProjectType.from(await recordProfessionalProject(ctx, input));
  }

  @Mutation(() => DiagnosisType, { description: 'Record the trades the person held before, on the diagnosis' })
  @Allow('followParticipants')
  async recordPastTrades(@Ctx() ctx: RequestContext, @Arg('input') input: RecordPastTradesInput): Promise<DiagnosisType> {
    const diagnosis = await recordPastTrades(ctx, input);
    return DiagnosisType.from(diagnosis, diagnosis.pathway.participant.id);
  }

  @Query(() => [TradeSuggestionType], { description: 'Close trades to explore, from the trades held and aimed at' })
  @Allow('followParticipants')
  async tradeSuggestions(@Ctx() ctx: RequestContext, @Arg('pathwayId', () => ID) pathwayId: string): Promise<TradeSuggestionType[]> {
    return (await suggestTrades(ctx, pathwayId)).map((s) => ({ trade: tradeOf(s.code), rank: s.rank, from: s.from.map(tradeOf) }));
  }
}
