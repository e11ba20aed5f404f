import type { EntityManager } from '@mikro-orm/postgresql';
import { CLAUSE_LATE_SHORTFALL, type SocialClauseStatus } from '@jalon/domain';

/** A clause's progress, counted by PostgreSQL over its placements' hours. */
export interface ClauseProgressRow {
  id: string;
  endsOn: string;
  hoursOwed: number;
  hoursDone: number;
  /** The hours due by today (or by the end, once over), pro rata of the period's days. */
  expectedHoursToDate: number;
  peoplePlaced: number;
  lastHoursOn: string | null;
  status: SocialClauseStatus;
}

export interface ClauseListFilter {
  tenantId: string;
  today: string;
  companyId?: string | null;
  status?: SocialClauseStatus | null;
  /** A lower-cased ILIKE pattern on the buyer, the contract's name or reference, or the company's name. */
  pattern?: string | null;
}

/*
 * Each clause with the sum of its hours and its status, in one statement. Late: the period is over
 * with hours still owed, or the hours done fall short of the hours due pro rata of the days elapsed
 * by more than CLAUSE_LATE_SHORTFALL (packages/domain social-clause.ts).
 */
const PROGRESS = `
  select x.*,
         case when x."hoursDone" >= x."hoursOwed" then 'COMPLETED'
              when x.today > x.ends_on then 'LATE'
              when x."hoursDone" < x."expectedHoursToDate" * (1 - x.shortfall) then 'LATE'
              else 'OPEN' end as status
    from (select c.id, c.company_id, c.ends_on, to_char(c.ends_on, 'YYYY-MM-DD') as "endsOn", c.hours_owed::float8 as "hoursOwed",
                 coalesce(d.hours, 0)::float8 as "hoursDone",
                 round(c.hours_owed * greatest(0, least(t.today, c.ends_on) - c.starts_on + 1)::numeric / (c.ends_on - c.starts_on + 1), 2)::float8
                   as "expectedHoursToDate",
                 coalesce(p.people, 0)::int as "peoplePlaced", to_char(d.last_on, 'YYYY-MM-DD') as "lastHoursOn", t.today, t.shortfall
            from social_clause c
            join company co on co.id = c.company_id
           cross join (select ?::date as today, ?::numeric as shortfall) t
            left join lateral (select sum(h.hours) as hours, max(h.to_on) as last_on
                                 from clause_placement pl join clause_hours h on h.placement_id = pl.id
                                where pl.clause_id = c.id) d on true
            left join lateral (select count(distinct coalesce(pl.participant_id, pl.id)) as people
                                 from clause_placement pl where pl.clause_id = c.id) p on true
           where c.tenant_id = ?
             and (?::uuid is null or c.company_id = ?::uuid)
             and (?::text is null or c.buyer ilike ? or c.contract_name ilike ? or c.reference ilike ? or co.name ilike ?)) x`;

function progressParams(filter: ClauseListFilter): unknown[] {
  const pattern = filter.pattern ?? null;
  return [
    filter.today,
    CLAUSE_LATE_SHORTFALL,
    filter.tenantId,
    filter.companyId ?? null,
    filter.companyId ?? null,
    pattern,
    pattern,
    pattern,
    pattern,
    pattern,
  ];
}

/**
 * Clauses with their progress, the ones ending first first (keyset on the end day, then the id),
 * optionally of one status; `limit` rows after the cursor.
 */
export function clausesWithProgress(
  em: EntityManager,
  filter: ClauseListFilter,
  after: { key: string; id: string } | null,
  limit: number,
): Promise<ClauseProgressRow[]> {
  return em.execute(
    `select id, "endsOn", "hoursOwed", "hoursDone", "expectedHoursToDate", "peoplePlaced", "lastHoursOn", status
       from (${PROGRESS}) clause
      where (?::text is null or status = ?)
        and (?::date is null or (ends_on, id) > (?::date, ?::uuid))
      order by ends_on, id
      limit ?`,
    [...progressParams(filter), filter.status ?? null, filter.status ?? null, after?.key ?? null, after?.key ?? null, after?.id ?? null, limit],
  );
}

export async function countClauses(em: EntityManager, filter: ClauseListFilter): Promise<number> {
  const [row] = await em.execute<Array<{ count: number }>>(`select count(*)::int as count from (${PROGRESS}) clause where (?::text is null or status = ?)`, [
    ...progressParams(filter),
    filter.status ?? null,
    filter.status ?? null,
  ]);
  return row?.count ?? 0;
}

/** The progress of the clauses named, by id. */
export async function progressOf(em: EntityManager, tenantId: string, today: string, clauseIds: readonly string[]): Promise<Map<string, ClauseProgressRow>> {
  if (clauseIds.length === 0) return new Map();
  const rows = await em.execute<ClauseProgressRow[]>(
    `select id, "endsOn", "hoursOwed", "hoursDone", "expectedHoursToDate", "peoplePlaced", "lastHoursOn", status
       from (${PROGRESS}) clause
      where id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
    [...progressParams({ tenantId, today }), JSON.stringify(clauseIds)],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** The hours each placement of the clauses named did, summed by PostgreSQL. */
export async function placementHoursOf(em: EntityManager, clauseIds: readonly string[]): Promise<Map<string, number>> {
  if (clauseIds.length === 0) return new Map();
  const rows = await em.execute<Array<{ id: string; hours: number }>>(
    `select pl.id, coalesce(sum(h.hours), 0)::float8 as hours
       from clause_placement pl left join clause_hours h on h.placement_id = pl.id
      where pl.clause_id in (select jsonb_array_elements_text(?::jsonb)::uuid)
      group by pl.id`,
    [JSON.stringify(clauseIds)],
  );
  return new Map(rows.map((row) => [row.id, row.hours]));
}
