import { frenchDay, previousPeriod, type DateRange } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { errors } from '../../graphql/errors';
import { requiredDate, todayInFrance } from '../../graphql/date-input';
import { translate, type MessageKey } from '../../i18n/messages';
import type { ExportDocument } from '../../exports/export-document';
import type { FigureRow } from './report-engine.query';

/**
 * What every report shares (the activity report, later the ESF+ indicators): a period compared
 * with the one just before, figures counted in SQL for both at once (as FigureRow rows), and
 * a result made of titled tables whose rows carry a label, the figure and the previous period's
 * figure, so the portal shows it and an export writer turns it into sheets and pages as it is.
 */

/** The period asked for and the one just before it, of the same length. */
export interface ComparedPeriods {
  current: DateRange;
  previous: DateRange;
}

/** How a table's figures read: counts, rates (0 to 1), or decimals. */
export enum FigureFormat {
  INTEGER = 'INTEGER',
  PERCENT = 'PERCENT',
  DECIMAL = 'DECIMAL',
}

/** The chart that shows a table best, if any: a bar chart (compared periods) or a pie (shares of a whole). */
export enum ReportChart {
  BAR = 'BAR',
  PIE = 'PIE',
}

export interface ReportRow {
  key: string;
  label: string;
  /** Null: nothing to compute it from (a rate or a length with no case in the period). */
  value: number | null;
  previous: number | null;
}

export interface ReportTable {
  key: string;
  title: string;
  format: FigureFormat;
  chart: ReportChart | null;
  rows: ReportRow[];
}

export interface Report {
  title: string;
  period: DateRange;
  previousPeriod: DateRange;
  scopeLabel: string;
  tables: ReportTable[];
}

/** A long period would scan everything for nothing a person reads: ten years at most. */
const LONGEST_PERIOD_YEARS = 10;

/** The period asked for (the current calendar year by default), checked, and the one before it. */
export function comparedPeriods(ctx: RequestContext, asked: { from?: string | null; to?: string | null } | null | undefined): ComparedPeriods {
  const year = todayInFrance(ctx.now).slice(0, 4);
  const from = requiredDate(ctx, 'period.from', asked?.from ?? `${year}-01-01`);
  const to = requiredDate(ctx, 'period.to', asked?.to ?? `${year}-12-31`);
  if (to < from) throw errors.badInput(ctx, 'period.to', 'error.reportPeriodOrder');
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > LONGEST_PERIOD_YEARS) {
    throw errors.badInput(ctx, 'period.to', 'error.reportPeriodTooLong', { years: LONGEST_PERIOD_YEARS });
  }
  const current = { from, to };
  return { current, previous: previousPeriod(current) };
}

/** A report's figures as SQL returned them, read by figure and key; a count SQL did not return is 0. */
export class Figures {
  readonly #values = new Map<string, number | null>();
  readonly #labels = new Map<string, string>();
  readonly #keys = new Map<string, string[]>();

  constructor(rows: FigureRow[]) {
    for (const row of rows) {
      this.#values.set(`${row.period}|${row.figure}|${row.key}`, row.value === null ? null : Number(row.value));
      if (row.label) this.#labels.set(`${row.figure}|${row.key}`, row.label);
      const keys = this.#keys.get(row.figure) ?? [];
      if (!keys.includes(row.key)) this.#keys.set(row.figure, [...keys, row.key]);
    }
  }

  count(period: FigureRow['period'], figure: string, key: string): number {
    return this.#values.get(`${period}|${figure}|${key}`) ?? 0;
  }

  /** A value that may be missing (an average of nothing): null then. */
  value(period: FigureRow['period'], figure: string, key: string): number | null {
    return this.#values.get(`${period}|${figure}|${key}`) ?? null;
  }

  /** The label the data gave a key (a stage kind, an operator, an employer). */
  label(figure: string, key: string): string | null {
    return this.#labels.get(`${figure}|${key}`) ?? null;
  }

  /** The keys SQL returned for a figure in either period, most frequent in the current period first. */
  keys(figure: string): string[] {
    return [...(this.#keys.get(figure) ?? [])].sort(
      (a, b) => this.count('current', figure, b) - this.count('current', figure, a) || this.count('previous', figure, b) - this.count('previous', figure, a),
    );
  }

  /** A count row: the figure for both periods. */
  countRow(figure: string, key: string, label: string): ReportRow {
    return { key, label, value: this.count('current', figure, key), previous: this.count('previous', figure, key) };
  }

  /** A row of a figure that may be missing, transformed (e.g. days to months). */
  valueRow(figure: string, key: string, label: string, transform: (value: number) => number = (v) => v): ReportRow {
    const of = (period: FigureRow['period']) => {
      const value = this.value(period, figure, key);
      return value === null ? null : transform(value);
    };
    return { key, label, value: of('current'), previous: of('previous') };
  }

  /** A rate row: numerator over denominator for each period, null when the denominator is 0. */
  rateRow(key: string, label: string, numerator: (period: FigureRow['period']) => number, denominator: (period: FigureRow['period']) => number): ReportRow {
    const of = (period: FigureRow['period']) => {
      const whole = denominator(period);
      return whole === 0 ? null : numerator(period) / whole;
    };
    return { key, label, value: of('current'), previous: of('previous') };
  }
}

/** Translates a report's label. */
export function labeller(ctx: RequestContext): (key: MessageKey, params?: Record<string, string | number>) => string {
  return (key, params) => translate(ctx.locale, key, params);
}

/** A period as a filter line: « du 01/01/2025 au 31/12/2025 ». */
export function periodText(ctx: RequestContext, period: DateRange): string {
  return ctx.locale === 'en' ? `${frenchDay(period.from)} to ${frenchDay(period.to)}` : `du ${frenchDay(period.from)} au ${frenchDay(period.to)}`;
}

/**
 * A report as the document the export writers (XLSX, PDF) take: the period, the compared period
 * and the scope written at the top, then one table per section with the label, the figure and
 * the previous period's figure as columns (the first column names a chart's categories).
 */
export function reportDocument(ctx: RequestContext, report: Report): ExportDocument {
  const t = labeller(ctx);
  const current = periodText(ctx, report.period);
  const previous = periodText(ctx, report.previousPeriod);
  return {
    title: report.title,
    filters: [
      { label: t('report.filter.period'), value: current },
      { label: t('report.filter.previous'), value: previous },
      { label: t('report.filter.scope'), value: report.scopeLabel },
    ],
    tables: report.tables.map((table) => {
      const format = table.format.toLowerCase() as 'integer' | 'percent' | 'decimal';
      return {
        title: table.title,
        columns: [
          { label: t('report.column.figure'), format: 'text' as const },
          { label: current, format },
          { label: previous, format },
        ],
        rows: table.rows.map((row) => [row.label, row.value, row.previous]),
        ...(table.chart ? { chart: { kind: table.chart === ReportChart.PIE ? ('pie' as const) : ('bar' as const) } } : {}),
      };
    }),
  };
}
