import type { EntityManager } from '@mikro-orm/postgresql';
import { ConsentPurpose, DataClass, firstDayOf, lastDayOf, TRAINING_STAGE_CATEGORIES, type ReportPeriod } from '@jalon/domain';
import { arrayLiteral } from '../../db/array-literal';
import { TODAY } from '../../db/caseload-alerts.query';

/** A partner's monthly list counted: its rows, and those still waiting for the partner. */
export interface MonthCountRow {
  total: number;
  due: number;
}

/**
 * The rows of the employer's month (contractMonth), counted in SQL: the contracts its organisation
 * runs that the month falls within, that it may report on (a consent in force for contract
 * reporting: jalon_partner_reportable_contracts) and whose stage details are shared with it (as
 * the list and row-level security require); due: no report filed for the month yet.
 */
export async function contractMonthCount(em: EntityManager, organisationId: string, period: ReportPeriod): Promise<MonthCountRow> {
  const [row] = await em.execute<MonthCountRow[]>(
    `select count(*)::int as total,
        count(*) filter (where not exists (select 1 from contract_report r where r.contract_id = c.id and r.period = ?))::int as due
      from assisted_contract c join stage s on s.id = c.stage_id
      where s.operator_id = ? and c.id = any(jalon_partner_reportable_contracts())
        and c.stage_id = any(jalon_partner_stages_sharing('${DataClass.STAGE_DETAILS}'))
        and c.start_on <= ?::date and coalesce(c.ended_on, c.end_on, 'infinity'::date) >= ?::date`,
    [period, organisationId, lastDayOf(period), firstDayOf(period)],
  );
  return row!;
}

/**
 * The rows of the training operator's month (trainingMonth), counted in SQL: the training stages it
 * runs that the month falls within, that it may report on (a consent in force for training
 * follow-up) and whose stage is listed to it; due: the training has ended (by today) and no result
 * is recorded.
 */
export async function trainingMonthCount(em: EntityManager, organisationId: string, period: ReportPeriod): Promise<MonthCountRow> {
  const end = 'coalesce(s.actual_end, s.planned_end)';
  const [row] = await em.execute<MonthCountRow[]>(
    `select count(*)::int as total,
        count(*) filter (where ${end} <= ${TODAY} and not exists (select 1 from training_result r where r.stage_id = s.id))::int as due
      from stage s join stage_kind k on k.id = s.kind_id
      where s.operator_id = ? and k.category::text = any(?::text[])
        and s.id = any(jalon_partner_reportable_stages('${DataClass.TRAINING_REPORTS}', '${ConsentPurpose.TRAINING_FOLLOW_UP}'))
        and s.id = any(jalon_partner_stages_sharing('${DataClass.STAGE_LIST}'))
        and coalesce(s.actual_start, s.planned_start) <= ?::date and coalesce(${end}, 'infinity'::date) >= ?::date`,
    [organisationId, arrayLiteral(TRAINING_STAGE_CATEGORIES), lastDayOf(period), firstDayOf(period)],
  );
  return row!;
}
