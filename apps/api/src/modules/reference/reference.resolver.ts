import { Arg, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { getTrade, getTradeSheet, searchCommunes, searchTrades, type Commune, type Trade, type TradeSheet } from '@jalon/reference-data/node';
import { Allow } from '../../access/operation-access';

@ObjectType('Trade', { description: 'A ROME 4.0 trade (France Travail)' })
export class TradeType {
  @Field()
  code!: string;

  @Field()
  label!: string;

  @Field(() => String, { nullable: true, description: 'The job title that matched the search, when it was not the label' })
  matchedTitle!: string | null;

  static from(trade: Pick<Trade, 'code' | 'label'>, matchedTitle: string | null = null): TradeType {
    return { code: trade.code, label: trade.label, matchedTitle };
  }
}

@ObjectType('CloseTrade', { description: 'A trade one can move to with the know-how of another (France Travail’s « mobilités »)' })
export class CloseTradeType {
  @Field(() => TradeType)
  trade!: TradeType;

  @Field(() => Int, { description: '1 = closest' })
  rank!: number;
}

@ObjectType('TradeSheet', { description: 'A ROME trade sheet: what the job is, how one gets in, and its close trades' })
export class TradeSheetType {
  @Field(() => TradeType)
  trade!: TradeType;

  @Field(() => [String], { description: 'What the job is, one sentence each' })
  definition!: string[];

  @Field(() => [String], { description: 'Conditions of access: diplomas, licences, experience' })
  access!: string[];

  @Field(() => [CloseTradeType], { description: 'Closest first' })
  closeTrades!: CloseTradeType[];

  static from(sheet: TradeSheet): TradeSheetType {
    return {
      trade: TradeType.from(sheet),
      definition: [...sheet.definition],
      access: [...sheet.access],
      closeTrades: sheet.closeTrades.map((close) => ({ trade: TradeType.from(close), rank: close.rank })),
    };
  }
}

@ObjectType('Commune')
export class CommuneType {
  @Field({ description: 'INSEE code' })
  code!: string;

  @Field()
  name!: string;

  @Field()
  departementCode!: string;

  @Field(() => [String])
  postcodes!: string[];

  static from(commune: Commune): CommuneType {
    return { code: commune.code, name: commune.name, departementCode: commune.departementCode, postcodes: [...commune.postcodes] };
  }
}

/** A trade by its code; a code the ROME has withdrawn since it was recorded still shows, by its code. */
export function tradeOf(code: string): TradeType {
  return TradeType.from(getTrade(code) ?? { code, label: code });
}

const limit = (first: number) => Math.min(Math.max(first, 1), 50);

/**
 * Search-as-you-type over the shipped reference data (no personal data). Trades and communes serve
 * anyone acting in the PLIE (a partner employer posts its offers with them); the trade sheets stay
 * with the staff who work the professional project.
 */
@Resolver()
export class ReferenceResolver {
  @Query(() => [TradeType], { description: 'Trades whose label or job titles match, best first' })
  @Allow('actInTenant')
  trades(@Arg('search') search: string, @Arg('first', () => Int, { defaultValue: 20 }) first: number): TradeType[] {
    return searchTrades(search, { limit: limit(first) }).map((r) => TradeType.from(r.trade, r.matchedAppellation?.label ?? null));
  }

  @Query(() => TradeType, { nullable: true })
  @Allow('actInTenant')
  trade(@Arg('code') code: string): TradeType | null {
    const trade = getTrade(code);
    return trade && TradeType.from(trade);
  }

  @Query(() => TradeSheetType, { nullable: true, description: 'The trade sheet of a ROME code; null for an unknown code' })
  @Allow('followParticipants')
  tradeSheet(@Arg('code') code: string): TradeSheetType | null {
    const sheet = getTradeSheet(code.trim().toUpperCase());
    return sheet ? TradeSheetType.from(sheet) : null;
  }

  // Public reference data: partners pick the commune of the person they refer.
  @Query(() => [CommuneType], { description: 'Communes by name or postcode, most populated first' })
  @Allow('actInTenant')
  communes(@Arg('search') search: string, @Arg('first', () => Int, { defaultValue: 20 }) first: number): CommuneType[] {
    return searchCommunes(search, { limit: limit(first) }).map(CommuneType.from);
  }
}
