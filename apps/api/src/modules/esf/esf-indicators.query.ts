import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ESF_EXIT_WEEKS,
  ESF_GENDER_COLUMNS,
  ESF_OUTPUT_INDICATORS,
  ESF_RESULT_INDICATORS,
  EsfAnswer,
  type EsfIndicatorRule,
  type EsfResultIndicator,
} from '@jalon/domain';
import type { FigureRow } from '../reports/report-engine.query';

const column = (item: string) => item.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** An output indicator's rule (packages/domain esf-indicators.ts) as a condition on a participant `e` at entry. */
function outputCondition(rule: EsfIndicatorRule): string {
  switch (rule.kind) {
    case 'situation':
      return `e.employment_situation::text in (${list(rule.values)})`;
    case 'age': {
      const age = 'extract(year from age(e.entry_date, e.birth_date))';
      return [rule.from === undefined ? null : `${age} >= ${rule.from}`, rule.below === undefined ? null : `${age} < ${rule.below}`]
        .filter(Boolean)
        .join(' and ');
    }
    case 'education':
      return `e.education_level between ${rule.from} and ${rule.to}`;
    case 'yes':
      return `e.${column(rule.item)}::text = '${EsfAnswer.YES}'`;
    case 'all':
      return 'true';
  }
}

/** A result indicator as a condition on a participant `e` who left: answered yes, in time for an immediate result. */
function resultCondition(indicator: EsfResultIndicator): string {
  const yes = `e.${column(indicator.item)}::text = '${EsfAnswer.YES}'`;
  return indicator.when === 'onLeaving'
    ? `${yes} and e.exit_answered_on <= e.exit_date + ${ESF_EXIT_WEEKS * 7}`
    : `${yes} and e.six_month_answered_on is not null`;
}

const byGender = (set: string, indicators: Array<[string, string]>) => `
  select i.code as figure, g.col as key, count(*) filter (where i.holds and (g.col = 'TOTAL' or e.gender::text = g.col)) as value
    from ${set} e
   cross join lateral (values ${indicators.map(([code, condition]) => `('${code}', coalesce(${condition}, false))`).join(', ')}) i(code, holds)
   cross join (values ${ESF_GENDER_COLUMNS.map((c) => `('${c}')`).join(', ')}) g(col)
   group by 1, 2`;

/**
 * The EU indicators of one operation for a period, by gender, in one statement over every
 * pathway of the operation. A person counts once per operation (her first pathway in it); a
 * participation of one day or less counts nowhere. Entered in the period: the output indicators;
 * left in the period: the results, and how many left and answered in time.
 */
const INDICATORS_SQL = `
with participants as (
  select distinct on (pw.participant_id) pw.participant_id, pw.entry_date, pw.exit_date, p.gender, p.birth_date, r.*
    from pathway pw join esf_record r on r.pathway_id = pw.id join participant p on p.id = pw.participant_id
   where pw.tenant_id = ? and r.operation_id = ? and pw.entry_date is not null and (pw.exit_date is null or pw.exit_date > pw.entry_date)
   order by pw.participant_id, pw.entry_date, pw.number
),
entered as (select * from participants where entry_date between ? and ?),
exited as (select * from participants where exit_date between ? and ?)
${byGender(
  'entered',
  ESF_OUTPUT_INDICATORS.map((i) => [i.code, outputCondition(i.rule)]),
)}
union all ${byGender('exited', [
  ['LEFT', 'true'],
  ['ANSWERED_ON_LEAVING', `e.exit_answered_on <= e.exit_date + ${ESF_EXIT_WEEKS * 7}`],
  ['ANSWERED_SIX_MONTHS', 'e.six_month_answered_on is not null'],
  ...ESF_RESULT_INDICATORS.map((i): [string, string] => [i.code, resultCondition(i)]),
])}`;

export async function esfIndicatorRows(em: EntityManager, tenantId: string, operationId: string, period: { from: string; to: string }): Promise<FigureRow[]> {
  const rows = await em.execute<Array<{ figure: string; key: string; value: string | number }>>(INDICATORS_SQL, [
    tenantId,
    operationId,
    period.from,
    period.to,
    period.from,
    period.to,
  ]);
  return rows.map((row) => ({ period: 'current', figure: row.figure, key: row.key, label: null, value: Number(row.value) }));
}
