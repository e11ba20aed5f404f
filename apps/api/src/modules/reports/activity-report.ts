import { AppointmentKind, ExitKind, Gender, JOB_EXITS, ReportScopeKind, StageCategory } from '@jalon/domain';
import { getCommune, romeCatalog } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { readableReportScope, type ReportScope, type ReportScopeRequest } from '../../access/activity-report-access';
import { Organisation } from '../organisations/organisation.entity';
import { Membership } from '../tenancy/membership.entity';
import type { ExportDocument } from '../../exports/export-document';
import { activityReportRows } from './activity-report.query';
import { comparedPeriods, Figures, FigureFormat, labeller, ReportChart, reportDocument, type Report, type ReportTable } from './report-engine';

/** Days to months, one decimal: pathway lengths read in months. */
const toMonths = (days: number) => Math.round((days / (365.25 / 12)) * 10) / 10;

const AGE_BANDS = ['UNDER_26', 'FROM_26_TO_44', 'FROM_45_TO_54', 'FROM_55'] as const;
const EDUCATION_GROUPS = ['ISCED_0_2', 'ISCED_3_4', 'ISCED_5_8'] as const;
const SITUATIONS = ['priorityDistrict', 'longTermUnemployed', 'disability', 'minimumIncome'] as const;

/** The scope as a person reads it: « Référent : Nadia Benali ». */
async function scopeLabel(ctx: RequestContext, scope: ReportScope): Promise<string> {
  const t = labeller(ctx);
  switch (scope.kind) {
    case ReportScopeKind.WHOLE_PLIE:
      return t('report.scope.WHOLE_PLIE');
    case ReportScopeKind.OPERATOR:
      return t('report.scope.OPERATOR', { name: (await ctx.em.findOneOrFail(Organisation, scope.id)).name });
    case ReportScopeKind.CASELOAD:
      return t('report.scope.CASELOAD', { name: (await ctx.em.findOneOrFail(Membership, scope.id, { populate: ['user'] })).user.displayName });
    case ReportScopeKind.COMMUNE_RESIDENTS:
      return t('report.scope.COMMUNE_RESIDENTS', { name: getCommune(scope.id)?.name ?? scope.id });
  }
}

/** The tables of the activity report, from its figures (activity-report.query.ts says what each counts). */
function activityTables(ctx: RequestContext, f: Figures): ReportTable[] {
  const t = labeller(ctx);
  const unknown = t('report.unknown');
  const counts = (key: string, format: FigureFormat, chart: ReportChart | null, rows: ReportTable['rows']): ReportTable => ({
    key,
    title: t(`report.table.${key}` as never),
    format,
    chart,
    rows,
  });
  // Rows of fixed keys (each shown, 0 or not), then whatever else the data holds (unknown values).
  const fixed = (figure: string, keys: readonly string[], label: (key: string) => string) => [
    ...keys.map((key) => f.countRow(figure, key, label(key))),
    ...f
      .keys(figure)
      .filter((key) => !keys.includes(key))
      .map((key) => f.countRow(figure, key, unknown)),
  ];
  const found = (figure: string, label: (key: string) => string) => f.keys(figure).map((key) => f.countRow(figure, key, label(key)));
  const families = new Map(romeCatalog().families.map((family) => [family.letter, family.label]));
  const appointmentsHeld = (period: 'current' | 'previous') =>
    f.count(period, 'appointments', AppointmentKind.INDIVIDUAL) + f.count(period, 'appointments', AppointmentKind.COLLECTIVE);

  return [
    counts('people', FigureFormat.INTEGER, null, [
      f.countRow('people', 'followed', t('report.people.followed')),
      f.countRow('people', 'entries', t('report.people.entries')),
      f.countRow('people', 'reEntries', t('report.people.reEntries')),
      f.countRow('people', 'exits', t('report.people.exits')),
      f.countRow('people', 'positiveExits', t('report.people.positiveExits')),
      f.countRow('people', 'inJobFollowUp', t('report.people.inJobFollowUp')),
      f.countRow('followUp', 'done', t('report.people.sixMonthCheckIns')),
      f.countRow('followUp', 'employed', t('report.people.employedAtSixMonths')),
    ]),
    counts('rates', FigureFormat.PERCENT, null, [
      f.rateRow(
        'positiveExits',
        t('report.rate.positiveExits'),
        (p) => f.count(p, 'people', 'positiveExits'),
        (p) => f.count(p, 'people', 'exits'),
      ),
      f.rateRow(
        'employedAtSixMonths',
        t('report.rate.employedAtSixMonths'),
        (p) => f.count(p, 'followUp', 'employed'),
        (p) => f.count(p, 'followUp', 'done'),
      ),
      f.rateRow('inPerson', t('report.rate.inPerson'), (p) => f.count(p, 'appointments', 'inPerson'), appointmentsHeld),
      f.rateRow(
        'missed',
        t('report.rate.missed'),
        (p) => f.count(p, 'appointments', 'missed'),
        (p) => f.count(p, 'appointments', 'missed') + f.count(p, 'appointments', 'attended'),
      ),
    ]),
    counts('pathwayLength', FigureFormat.DECIMAL, null, [
      f.valueRow('pathwayLength', 'average', t('report.length.average'), toMonths),
      f.valueRow('pathwayLength', 'median', t('report.length.median'), toMonths),
    ]),
    counts(
      'exitsByKind',
      FigureFormat.INTEGER,
      ReportChart.BAR,
      Object.values(ExitKind).map((kind) => f.countRow('exitsByKind', kind, t(`report.exitKind.${kind}`))),
    ),
    counts(
      'gender',
      FigureFormat.INTEGER,
      ReportChart.PIE,
      fixed('gender', Object.values(Gender), (g) => t(`report.gender.${g as Gender}`)),
    ),
    counts(
      'ageBand',
      FigureFormat.INTEGER,
      ReportChart.BAR,
      fixed('ageBand', AGE_BANDS, (band) => t(`report.ageBand.${band as (typeof AGE_BANDS)[number]}`)),
    ),
    counts(
      'education',
      FigureFormat.INTEGER,
      ReportChart.BAR,
      fixed('education', EDUCATION_GROUPS, (group) => t(`report.education.${group as (typeof EDUCATION_GROUPS)[number]}`)),
    ),
    counts(
      'situation',
      FigureFormat.INTEGER,
      null,
      SITUATIONS.map((key) => f.countRow('situation', key, t(`report.situation.${key}`))),
    ),
    counts(
      'stagesStarted',
      FigureFormat.INTEGER,
      ReportChart.BAR,
      Object.values(StageCategory).map((category) => f.countRow('stagesStarted', category, t(`report.stageCategory.${category}`))),
    ),
    counts(
      'stagesCompleted',
      FigureFormat.INTEGER,
      null,
      Object.values(StageCategory).map((category) => f.countRow('stagesCompleted', category, t(`report.stageCategory.${category}`))),
    ),
    counts(
      'stagesByKind',
      FigureFormat.INTEGER,
      null,
      found('stagesByKind', (kind) => f.label('stagesByKind', kind) ?? kind),
    ),
    counts(
      'stagesByOperator',
      FigureFormat.INTEGER,
      null,
      found('stagesByOperator', (operator) => f.label('stagesByOperator', operator) ?? t('report.noOperator')),
    ),
    counts('appointments', FigureFormat.INTEGER, ReportChart.BAR, [
      f.countRow('appointments', AppointmentKind.INDIVIDUAL, t('report.appointments.INDIVIDUAL')),
      f.countRow('appointments', AppointmentKind.COLLECTIVE, t('report.appointments.COLLECTIVE')),
      f.countRow('appointments', 'inPerson', t('report.appointments.inPerson')),
      f.countRow('appointments', 'attended', t('report.appointments.attended')),
      f.countRow('appointments', 'missed', t('report.appointments.missed')),
    ]),
    counts(
      'jobExitsByFamily',
      FigureFormat.INTEGER,
      ReportChart.BAR,
      found('jobExitsByFamily', (letter) => (families.has(letter) ? `${letter} – ${families.get(letter)}` : unknown)),
    ),
    counts(
      'jobExitsByContract',
      FigureFormat.INTEGER,
      null,
      JOB_EXITS.map((kind) => f.countRow('jobExitsByContract', kind, t(`report.exitKind.${kind}`))),
    ),
    counts('employers', FigureFormat.INTEGER, null, found('employers', (employer) => employer).slice(0, 10)),
  ];
}

/**
 * The activity report (« bilan d'activité ») for a period and a scope the viewer may read, each
 * figure beside the previous period's: counted in SQL, in one statement, over every row in scope.
 */
export async function activityReport(
  ctx: RequestContext,
  period: { from?: string | null; to?: string | null } | null | undefined,
  asked: ReportScopeRequest | null | undefined,
): Promise<Report & { scope: ReportScope }> {
  const periods = comparedPeriods(ctx, period);
  const scope = await readableReportScope(ctx, asked ?? {});
  const rows = await activityReportRows(ctx.em, periods, scope, ctx.locale);
  return {
    title: labeller(ctx)('report.activity.title'),
    period: periods.current,
    previousPeriod: periods.previous,
    scope,
    scopeLabel: await scopeLabel(ctx, scope),
    tables: activityTables(ctx, new Figures(rows)),
  };
}

/** The activity report as a document for the XLSX and PDF writers. */
export function activityReportDocument(ctx: RequestContext, report: Report): ExportDocument {
  return reportDocument(ctx, report);
}
