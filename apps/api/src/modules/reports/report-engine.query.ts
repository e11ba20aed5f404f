/** One figure of a report as SQL counts it: for a period, a figure (a table), a key (a row), its label when the data names it, the value. */
export interface FigureRow {
  period: 'current' | 'previous';
  figure: string;
  key: string;
  label: string | null;
  value: number | null;
}
