import type { EntityManager } from '@mikro-orm/postgresql';
import { ReportScopeKind } from '@jalon/domain';
import type { ReportScope } from '../../access/activity-report-access';
import type { ComparedPeriods } from './report-engine';
import type { FigureRow } from './report-engine.query';
import { arrayLiteral } from '../../db/array-literal';

const COLUMNS = `period, figure, key, label, value`;

/** A scope as the functions take it: a referent, an operator or a commune, none for the whole PLIE. */
function scopeParameters(scope: ReportScope): [string | null, string | null, string | null] {
  switch (scope.kind) {
    case ReportScopeKind.WHOLE_PLIE:
      return [null, null, null];
    case ReportScopeKind.CASELOAD:
      return [scope.id, null, null];
    case ReportScopeKind.OPERATOR:
      return [null, scope.id, null];
    case ReportScopeKind.COMMUNE_RESIDENTS:
      return [null, null, scope.id];
  }
}

const periodParameters = (periods: ComparedPeriods) => [periods.current.from, periods.current.to, periods.previous.from, periods.previous.to];

/**
 * The activity report's figures for the request's PLIE: every figure, for both periods, in one statement over every row in scope,
 * archived files included: db/rls/functions/jalon_activity_figures_of.sql. Definitions, for the
 * period [p_from, p_to], both days included:
 * - a pathway counts once the person entered it (entry date set: accreditation granted);
 * - followed: a pathway entered on or before p_to and not exited before p_from (an exit on p_from
 *   still counts), counted by person;
 * - entries: pathways entered in the period; re-entries: of them, a person's second pathway or
 *   later (a new pathway only opens once the previous one ended);
 * - exits: pathways whose exit date falls in the period (an exit on the last day counts), by kind;
 *   pathway length: days from entry to exit of those exits;
 * - in-job follow-up: a person whose exit into a job (JOB_EXITS) was on or before p_to and less than
 *   six months before p_from; outcome at 6 months: the 6-month check-ins done in the period;
 * - profile at entry: the pathways entered in the period, with the situation recorded at entry and
 *   the age on the entry day; priority district: the file's current address;
 * - stages: started (actual start) and completed (status COMPLETED, actual end) in the period,
 *   cancelled stages never;
 * - appointments: held in the period (day in France) with at least one attendee in scope; missed:
 *   attendees in scope marked absent, excused or not;
 * - job exits: the job is the pathway's latest job stage started by the exit; the employer is the
 *   first one a follow-up check-in names, else that stage's operator.
 * The scope (whole PLIE, operator, referent, commune) is a condition on the person's file; a person
 * who changed referent counts for her current referent, and for her current commune.
 *
 * The request counts through jalon_activity_figures(), which checks the scope against its session:
 * row-level security hides archived files from referents, and a past year's figures must not shrink
 * once its files are archived (issue 18). It returns counts, never a row.
 */
export function activityReportRows(em: EntityManager, periods: ComparedPeriods, scope: ReportScope, locale: string): Promise<FigureRow[]> {
  return em.execute<FigureRow[]>(`select ${COLUMNS} from jalon_activity_figures(?::uuid, ?::uuid, ?, ?::date, ?::date, ?::date, ?::date, ?)`, [
    ...scopeParameters(scope),
    ...periodParameters(periods),
    locale,
  ]);
}

/** The same figures over several PLIEs at once, as a national total: the owner's only (the bench), no request may. */
export function activityReportRowsOfTenants(
  em: EntityManager,
  periods: ComparedPeriods,
  tenantIds: readonly string[],
  scope: ReportScope,
  locale: string,
): Promise<FigureRow[]> {
  return em.execute<FigureRow[]>(`select ${COLUMNS} from jalon_activity_figures_of(?::uuid[], ?::uuid, ?::uuid, ?, ?::date, ?::date, ?::date, ?::date, ?)`, [
    arrayLiteral(tenantIds),
    ...scopeParameters(scope),
    ...periodParameters(periods),
    locale,
  ]);
}
