import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaMatch, JobOfferStatus, PathwayStatus, StageCategory, StageStatus, TargetTradeStatus, TradeMatch } from '@jalon/domain';
import { arrayLiteral } from '../../db/array-literal';

/** One person matching one open offer, and why. */
export interface JobMatchRow {
  offerId: string;
  participantId: string;
  pathwayId: string;
  /** Her target trade that leads to the offer's. */
  targetCode: string;
  tradeMatch: TradeMatch;
  /** The close trade's rank (1 = closest); 0 for the same trade or sheet. */
  rank: number;
  area: AreaMatch;
  /** Whether she is already proposed on the offer. */
  proposed: boolean;
}

const AREAS = [AreaMatch.SAME_COMMUNE, AreaMatch.SAME_INTERCOMMUNALITY, AreaMatch.SAME_DEPARTEMENT];

/**
 * The matching, both ways, in one statement over the whole tenant (row-level security keeps it
 * to the viewer's tenant): the open offers against the latest project of each person available —
 * her pathway active, not in a job now — whose target trades (not abandoned) lead to the offer's
 * trade (`trade_link`: same trade, same parent sheet, close trade by rank) and who lives in the
 * offer's département (`commune_area`). Each pair once, by its strongest reason.
 * By offers (`o.id = any(?)`) or for one pathway (`pp.pathway_id = ?`): one bound parameter.
 */
function matchingSql(byOffers: boolean): string {
  // From the offers to the people (EXPLAIN ANALYZE): the pairs a trade link makes come first, then
  // only the people of those pairs are looked up, once each, and joined back. Starting from the
  // people, the planner looped over every person for each pair (420 ms for one offer), or checked
  // every person's stages; looking a person up for each pair made a plan costly enough to be
  // JIT-compiled (3 s for a page of 50 offers).
  return `with latest_project as (
       select distinct on (pp.pathway_id) pp.pathway_id, pp.targets
         from professional_project pp
        where pp.tenant_id = jalon_tenant_id() ${byOffers ? '' : 'and pp.pathway_id = ?'}
        order by pp.pathway_id, pp.number desc
     ), target as (
       select lp.pathway_id, t->>'romeCode' as code
         from latest_project lp cross join jsonb_array_elements(lp.targets) t
        where t->>'status' <> '${TargetTradeStatus.ABANDONED}'
     ), offer as (
       select o.id, o.rome_code, oa.code as commune_code, oa.intercommunality_code, oa.departement_code
         from job_offer o join commune_area oa on oa.code = o.commune_code
        where o.tenant_id = jalon_tenant_id() and o.status = '${JobOfferStatus.OPEN}' ${byOffers ? 'and o.id = any(?::uuid[])' : ''}
     ), pair as materialized (
       select distinct on (o.id, t.pathway_id) o.*, t.pathway_id, l.from_code, l.match, l.rank
         from offer o join trade_link l on l.to_code = o.rome_code join target t on t.code = l.from_code
        order by o.id, t.pathway_id, l.match, l.rank
     ), person as materialized (
       select person.* from (select distinct pathway_id from pair) wanted
       cross join lateral (
         select pw.id as pathway_id, p.id as participant_id, pa.code as commune_code, pa.intercommunality_code, pa.departement_code
           from pathway pw
           join participant p on p.id = pw.participant_id and p.current_status = '${PathwayStatus.ACTIVE}'
           join commune_area pa on pa.code = p.commune_code
          where pw.id = wanted.pathway_id
            and not exists (select 1 from pathway later where later.participant_id = pw.participant_id and later.number > pw.number)
            and not exists (select 1 from stage s join stage_kind k on k.id = s.kind_id
                             where s.pathway_id = pw.id and s.status = '${StageStatus.IN_PROGRESS}' and k.category = '${StageCategory.EMPLOYMENT}')
       ) person
     )
     select pr.id as "offerId", pe.participant_id as "participantId", pr.pathway_id as "pathwayId", pr.from_code as "targetCode",
            pr.match as "tradeMatch", pr.rank,
            case when pe.commune_code = pr.commune_code then 0 when pe.intercommunality_code = pr.intercommunality_code then 1 else 2 end as "areaLevel",
            exists (select 1 from candidacy c where c.offer_id = pr.id and c.pathway_id = pr.pathway_id) as proposed
       from pair pr join person pe on pe.pathway_id = pr.pathway_id and pe.departement_code = pr.departement_code`;
}

/** The matches of some offers, or of one pathway: the strongest trade reason first, then the nearest. */
export async function jobMatches(em: EntityManager, filter: { offerIds: readonly string[] } | { pathwayId: string }): Promise<JobMatchRow[]> {
  const byOffers = 'offerIds' in filter;
  const rows = await em.execute<Array<Omit<JobMatchRow, 'area'> & { areaLevel: number }>>(
    `select * from (${matchingSql(byOffers)}) m order by m."tradeMatch", m.rank, m."areaLevel"`,
    [byOffers ? arrayLiteral(filter.offerIds) : filter.pathwayId],
  );
  return rows.map(({ areaLevel, ...row }) => ({ ...row, area: AREAS[areaLevel]! }));
}

/** How many people match each of these offers (the offers' list), counted in SQL. */
export async function jobMatchCounts(em: EntityManager, offerIds: readonly string[]): Promise<Map<string, number>> {
  if (offerIds.length === 0) return new Map();
  const rows = await em.execute<Array<{ offerId: string; count: number }>>(
    `select m."offerId", count(*)::int as count from (${matchingSql(true)}) m group by m."offerId"`,
    [arrayLiteral(offerIds)],
  );
  return new Map(rows.map((row) => [row.offerId, row.count]));
}
