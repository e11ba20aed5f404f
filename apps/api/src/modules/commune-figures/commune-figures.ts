import { Field, Int, ObjectType } from 'type-graphql';
import { PathwayStatus, SMALLEST_PUBLISHED_COUNT } from '@jalon/domain';
import { getCommune } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { readableCommune } from '../../access/commune-access';
import { communeFigureRows } from './commune-figures.query';

@ObjectType('StatusFigure')
export class StatusFigureType {
  @Field(() => PathwayStatus)
  status!: PathwayStatus;

  @Field(() => Int, { nullable: true, description: 'Null: fewer people than smallestPublished, withheld' })
  people!: number | null;
}

@ObjectType('YearFigure')
export class YearFigureType {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true, description: 'Entries into a pathway that year (null: withheld, too few)' })
  entries!: number | null;

  @Field(() => Int, { nullable: true, description: 'Positive exits that year (null: withheld, too few)' })
  positiveExits!: number | null;
}

@ObjectType('CommuneFigures', { description: "The PLIE's work with a commune's residents, in aggregate: no count small enough to single someone out" })
export class CommuneFiguresType {
  @Field()
  communeCode!: string;

  @Field()
  communeName!: string;

  @Field(() => Int, { description: 'Counts below this are withheld (null)' })
  smallestPublished!: number;

  @Field(() => [StatusFigureType], { description: 'Residents by the status of their current pathway' })
  byStatus!: StatusFigureType[];

  @Field(() => [YearFigureType], { description: 'Most recent year first' })
  byYear!: YearFigureType[];

  @Field(() => Int, { nullable: true, description: 'Residents followed now who live in a priority district (QPV)' })
  priorityDistrictResidents!: number | null;
}

/** Counted in SQL over every resident (jalon_commune_figures): small counts come back already withheld. */
export async function communeFigures(ctx: RequestContext, asked: string | null | undefined): Promise<CommuneFiguresType> {
  const communeCode = await readableCommune(ctx, asked);
  const rows = await communeFigureRows(ctx.em, communeCode);
  const count = (metric: string, key: string) => {
    const row = rows.find((r) => r.metric === metric && r.key === key);
    return row ? row.people : 0;
  };
  const years = [...new Set(rows.filter((r) => r.metric === 'entries' || r.metric === 'positive_exits').map((r) => Number(r.key)))].sort((a, b) => b - a);
  return {
    communeCode,
    communeName: getCommune(communeCode)?.name ?? communeCode,
    smallestPublished: SMALLEST_PUBLISHED_COUNT,
    byStatus: Object.values(PathwayStatus).map((status) => ({ status, people: count('status', status) })),
    byYear: years.map((year) => ({ year, entries: count('entries', String(year)), positiveExits: count('positive_exits', String(year)) })),
    priorityDistrictResidents: count('priority_district', 'followed'),
  };
}
