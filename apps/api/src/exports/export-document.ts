import { PassThrough } from 'node:stream';

/**
 * What every export writer (XLSX, CSV, PDF) takes: a titled document, the filters it was made
 * with (the period among them) and its tables. A list export streams its rows page by page
 * (`StreamedTable`); a report hands whole tables (`ExportTable`).
 */

/** How a column's values are written. `percent` values are fractions (0.125 is 12,5 %), as in a spreadsheet. */
export type ColumnFormat = 'integer' | 'percent' | 'decimal' | 'date' | 'text';

export interface ExportColumn {
  label: string;
  format?: ColumnFormat;
}

/** A cell: a `date` column takes a Date (a calendar day at UTC midnight), a number column a number; null is an empty cell. */
export type ExportCell = string | number | Date | null;

export interface ExportTable {
  title: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
  /** Drawn in the PDF: the first column gives the categories, every number column a series. */
  chart?: { kind: 'bar' | 'pie' | 'line' };
}

export interface ExportDocument {
  title: string;
  filters: Array<{ label: string; value: string }>;
  tables: ExportTable[];
}

/** A table whose rows arrive in pages, so a long list never sits whole in memory. */
export interface StreamedTable extends Omit<ExportTable, 'rows'> {
  pages: AsyncIterable<ExportCell[][]>;
}

export interface StreamedDocument extends Omit<ExportDocument, 'tables'> {
  tables: StreamedTable[];
}

export function streamed(document: ExportDocument): StreamedDocument {
  return { ...document, tables: document.tables.map(({ rows, ...table }) => ({ ...table, pages: onePage(rows) })) };
}

async function* onePage(rows: ExportCell[][]): AsyncIterable<ExportCell[][]> {
  yield rows;
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/**
 * A cell as a French reader writes it (« 1 234 », « 12,5 % », « 04/12/2026 »), for CSV and PDF.
 * French formatting puts narrow no-break spaces in numbers; they become ordinary no-break spaces,
 * which every spreadsheet and the PDF's fonts know.
 */
export function cellText(value: ExportCell, format: ColumnFormat = 'text'): string {
  if (value === null) return '';
  if (value instanceof Date) return dayFormat.format(value);
  if (typeof value === 'string') return value;
  const text =
    format === 'percent'
      ? percentFormat.format(value)
      : format === 'decimal'
        ? decimalFormat.format(value)
        : format === 'integer'
          ? integerFormat.format(value)
          : String(value);
  return text.replace(/[\u202f\u2009]/g, '\u00a0');
}

/** A file name from a title: accents dropped, words joined by dashes. */
export function fileNameOf(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'export';
}

/** What a streaming writer wrote, as bytes: for a report, small enough to hold whole. */
export async function collected(write: (output: PassThrough) => Promise<void>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  await write(output);
  await ended;
  return Buffer.concat(chunks);
}
