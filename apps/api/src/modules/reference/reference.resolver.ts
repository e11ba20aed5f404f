import { Arg, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { getTrade, searchCommunes, searchTrades, type Commune, type Trade } from '@jalon/reference-data/node';
import { Allow } from '../../access/operation-access';

@ObjectType('Trade', { description: 'A ROME 4.0 trade (France Travail)' })
export class TradeType {
  @Field()
  code!: string;

  @Field()
  label!: string;

  @Field(() => String, { nullable: true, description: 'The job title that matched the search, when it was not the label' })
  matchedTitle!: string | null;

  static from(trade: Trade, matchedTitle: string | null = null): TradeType {
    return { code: trade.code, label: trade.label, matchedTitle };
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

const limit = (first: number) => Math.min(Math.max(first, 1), 50);

/** Search-as-you-type over the shipped reference data (no personal data: any staff member). */
@Resolver()
export class ReferenceResolver {
  @Query(() => [TradeType], { description: 'Trades whose label or job titles match, best first' })
  @Allow('followParticipants')
  trades(@Arg('search') search: string, @Arg('first', () => Int, { defaultValue: 20 }) first: number): TradeType[] {
    return searchTrades(search, { limit: limit(first) }).map((r) => TradeType.from(r.trade, r.matchedAppellation?.label ?? null));
  }

  @Query(() => TradeType, { nullable: true })
  @Allow('followParticipants')
  trade(@Arg('code') code: string): TradeType | null {
    const trade = getTrade(code);
    return trade && TradeType.from(trade);
  }

  // Public reference data: partners pick the commune of the person they refer.
  @Query(() => [CommuneType], { description: 'Communes by name or postcode, most populated first' })
  @Allow('actInTenant')
  communes(@Arg('search') search: string, @Arg('first', () => Int, { defaultValue: 20 }) first: number): CommuneType[] {
    return searchCommunes(search, { limit: limit(first) }).map(CommuneType.from);
  }
}
