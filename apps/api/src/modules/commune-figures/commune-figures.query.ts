import type { EntityManager } from '@mikro-orm/postgresql';
import { FOLLOWED_STATUSES, POSITIVE_EXITS, SMALLEST_PUBLISHED_COUNT } from '@jalon/domain';
import { arrayLiteral } from '../../db/array-literal';

/** One count of a commune's figures: a metric (status, entries, positive_exits, priority_district), its key, and the people (null: withheld). */
export interface CommuneFigureRow {
  metric: string;
  key: string;
  people: number | null;
}

/** Counted in SQL over every resident (jalon_commune_figures): counts under the smallest published come back withheld. */
export function communeFigureRows(em: EntityManager, communeCode: string): Promise<CommuneFigureRow[]> {
  return em.execute<CommuneFigureRow[]>('select * from jalon_commune_figures(?, ?::text[], ?::text[], ?)', [
    communeCode,
    arrayLiteral(POSITIVE_EXITS),
    arrayLiteral(FOLLOWED_STATUSES),
    SMALLEST_PUBLISHED_COUNT,
  ]);
}
