import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { suggestCloseTrades } from '@jalon/domain';
import { closeTradesOf } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { DiagnosisType, findDiagnosis, recordPastTrades, RecordPastTradesInput } from '../participants/diagnosis';
import { tradeOf, TradeType } from '../reference/reference.resolver';
import { listProjectVersions, ProfessionalProjectType, recordProfessionalProject, RecordProfessionalProjectInput } from './professional-project';

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

  /**
   * "Transferable know-how": the close trades of the trades she held and of those her project
   * aims at (an abandoned one included: what she learnt there stays), minus those already in it.
   */
  @Query(() => [TradeSuggestionType])
  @Allow('followParticipants')
  async tradeSuggestions(@Ctx() ctx: RequestContext, @Arg('pathwayId', () => ID) pathwayId: string): Promise<TradeSuggestionType[]> {
    const diagnosis = await findDiagnosis(ctx, pathwayId);
    const [project] = await listProjectVersions(ctx, pathwayId);
    const targeted = project?.targets.map((t) => t.romeCode) ?? [];
    return suggestCloseTrades([...(diagnosis?.pastTrades ?? []), ...targeted], closeTradesOf, targeted).map((s) => ({
      trade: tradeOf(s.code),
      rank: s.rank,
      from: s.from.map(tradeOf),
    }));
  }
}
