import type { EntityManager } from '@mikro-orm/postgresql';
import { arrayLiteral } from './array-literal';

export interface SessionOccupancy {
  sessionId: string;
  places: number;
  proposed: number;
  accepted: number;
  waiting: number;
  attended: number;
}

/**
 * How full sessions are, counted in SQL over every positioning (db/rls/functions/jalon_session_occupancy.sql):
 * staff see every session's, an operator its own actions' — counts only, whoever the people are and
 * whatever they share with it. Sessions the viewer may not see are absent.
 */
export async function sessionOccupancy(em: EntityManager, sessionIds: readonly string[]): Promise<Map<string, SessionOccupancy>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await em.execute<Array<{ session_id: string; places: number; proposed: number; accepted: number; waiting: number; attended: number }>>(
    'select * from jalon_session_occupancy(?::uuid[])',
    [arrayLiteral(sessionIds)],
  );
  return new Map(
    rows.map((row) => [
      row.session_id,
      { sessionId: row.session_id, places: row.places, proposed: row.proposed, accepted: row.accepted, waiting: row.waiting, attended: row.attended },
    ]),
  );
}

export interface NeedTotal {
  kindId: string;
  communeCode: string;
  quarter: string;
  people: number;
  needs: number;
}

/** The needs recorded for the programme, added up by kind of action, commune and quarter (staff: row-level security keeps them to the tenant). */
export async function needTotals(em: EntityManager, tenantId: string, quarter: string | null): Promise<NeedTotal[]> {
  const rows = await em.execute<Array<{ kind_id: string; commune_code: string; quarter: string; people: number; needs: number }>>(
    `select kind_id, commune_code, quarter, sum(people)::int as people, count(*)::int as needs from programme_need
      where tenant_id = ? and (?::text is null or quarter = ?::text)
      group by kind_id, commune_code, quarter order by quarter desc, people desc, commune_code`,
    [tenantId, quarter, quarter],
  );
  return rows.map((row) => ({ kindId: row.kind_id, communeCode: row.commune_code, quarter: row.quarter, people: row.people, needs: row.needs }));
}
