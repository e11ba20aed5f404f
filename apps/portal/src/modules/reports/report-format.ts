import type { FigureFormat } from '@/gql/graphql';

/** A report figure as written in the UI language: a count, a rate (0 to 1) as a percentage, a decimal with one digit. */
export function formatFigure(locale: string, format: FigureFormat, value: number): string {
  if (format === 'PERCENT') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (format === 'DECIMAL') return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}
