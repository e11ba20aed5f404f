import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaMatch, JobOfferStatus, PathwayStatus, StageCategory, StageStatus, TargetTradeStatus, TradeMatch } from '@jalon/domain';

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
  return `with latest_project as (
       select distinct on (pp.pathway_id) pp.pathway_id, pp.targets
         from professional_project pp
        where pp.tenant_id = jalon_tenant_id() ${byOffers ? '' : 'and pp.pathway_id = ?'}
        order by pp.pathway_id, pp.number desc
     ), target as (
       select lp.pathway_id, t->>'romeCode' as code
         from latest_project lp cross join jsonb_array_elements(lp.targets) t
        where t->>'status' <> '${TargetTradeStatus.ABANDONED}'
     ), available as (
       select pw.id as pathway_id, p.id as participant_id, p.commune_code
         from participant p
         join lateral (select latest.id from pathway latest where latest.participant_id = p.id order by latest.number desc limit 1) pw on true
        where p.tenant_id = jalon_tenant_id() and p.current_status = '${PathwayStatus.ACTIVE}'
          and pw.id in (select pathway_id from target)
          and not exists (select 1 from stage s join stage_kind k on k.id = s.kind_id
                           where s.pathway_id = pw.id and s.status = '${StageStatus.IN_PROGRESS}' and k.category = '${StageCategory.EMPLOYMENT}')
     )
     select distinct on (o.id, a.participant_id)
            o.id as "offerId", a.participant_id as "participantId", a.pathway_id as "pathwayId", l.from_code as "targetCode",
            l.match as "tradeMatch", l.rank,
            case when pa.code = oa.code then 0 when pa.intercommunality_code = oa.intercommunality_code then 1 else 2 end as "areaLevel",
            exists (select 1 from candidacy c where c.offer_id = o.id and c.pathway_id = a.pathway_id) as proposed
       from job_offer o
       join commune_area oa on oa.code = o.commune_code
       join trade_link l on l.to_code = o.rome_code
       join target t on t.code = l.from_code
       join available a on a.pathway_id = t.pathway_id
       join commune_area pa on pa.code = a.commune_code and pa.departement_code = oa.departement_code
      where o.tenant_id = jalon_tenant_id() and o.status = '${JobOfferStatus.OPEN}' ${byOffers ? 'and o.id = any(?::uuid[])' : ''}
      order by o.id, a.participant_id, l.match, l.rank, "areaLevel"`;
}

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** The matches of some offers, or of one pathway: the strongest trade reason first, then the nearest. */
export async function jobMatches(em: EntityManager, filter: { offerIds: readonly string[] } | { pathwayId: string }): Promise<JobMatchRow[]> {
  const byOffers = 'offerIds' in filter;
  const rows = await em.execute<Array<Omit<JobMatchRow, 'area'> & { areaLevel: number }>>(
    `select * from (${matchingSql(byOffers)}) m order by m."tradeMatch", m.rank, m."areaLevel"`,
    [byOffers ? uuidArray(filter.offerIds) : filter.pathwayId],
  );
  return rows.map(({ areaLevel, ...row }) => ({ ...row, area: AREAS[areaLevel]! }));
}

/** How many people match each of these offers (the offers' list), counted in SQL. */
export async function jobMatchCounts(em: EntityManager, offerIds: readonly string[]): Promise<Map<string, number>> {
  if (offerIds.length === 0) return new Map();
  const rows = await em.execute<Array<{ offerId: string; count: number }>>(
    `select m."offerId", count(*)::int as count from (${matchingSql(true)}) m group by m."offerId"`,
    [uuidArray(offerIds)],
  );
  return new Map(rows.map((row) => [row.offerId, row.count]));
}
