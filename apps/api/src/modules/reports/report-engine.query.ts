import { ReportScopeKind } from '@jalon/domain';
import type { ReportScope } from '../../access/activity-report-access';

/** One figure of a report as SQL counts it: for a period, a figure (a table), a key (a row), its label when the data names it, the value. */
export interface FigureRow {
  period: 'current' | 'previous';
  figure: string;
  key: string;
  label: string | null;
  value: number | null;
}

/**
 * The two periods a report compares, as a CTE `periods(period, p_from, p_to)` every count joins
 * on: one statement counts both. Its four parameters: current from/to, previous from/to.
 */
export const PERIODS_CTE = `periods (period, p_from, p_to) as (values ('current', ?::date, ?::date), ('previous', ?::date, ?::date))`;

/** A condition on the person's file `p` and its parameters. */
export interface ScopeCondition {
  sql: string;
  params: string[];
}

/** The people a scope covers, as a condition on their file `p`: by current referent, that referent's operator, or current commune of residence. */
export function scopeCondition(scope: ReportScope): ScopeCondition {
  switch (scope.kind) {
    case ReportScopeKind.WHOLE_PLIE:
      return { sql: 'true', params: [] };
    case ReportScopeKind.OPERATOR:
      return { sql: 'p.referent_id in (select m.id from membership m where m.organisation_id = ?)', params: [scope.id] };
    case ReportScopeKind.CASELOAD:
      return { sql: 'p.referent_id = ?', params: [scope.id] };
    case ReportScopeKind.COMMUNE_RESIDENTS:
      return { sql: 'p.commune_code = ?', params: [scope.id] };
  }
}
