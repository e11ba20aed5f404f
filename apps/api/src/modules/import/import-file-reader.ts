import { join } from 'node:path';
import type { CellValue } from 'exceljs';
import { readCsvRows } from '../esf/esf-error-file';

/** The most an import file holds: beyond, it is split (and a mistake in it would be long to find). */
export const IMPORT_MAX_LINES = 20_000;
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** The sample export shipped with Jalon, in the layout the import reads (the demo imports it). */
export const IMPORT_SAMPLE = join(__dirname, 'sample/export-logiciel-precedent.csv');

export type ReadFile = { ok: true; headers: string[]; rows: string[][] } | { ok: false; reason: 'unreadable' | 'empty' | 'tooLarge' };

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * The headers and lines of an export, CSV or XLSX recognised by its bytes (the name is not
 * trusted). A CSV's separator is the one of its header line (French tools write « ; »); an XLSX
 * is read from its first sheet, days written as YYYY-MM-DD. Empty lines are dropped.
 */
export async function readImportFile(data: Buffer): Promise<ReadFile> {
  if (data.length > IMPORT_MAX_BYTES) return { ok: false, reason: 'tooLarge' };
  const table = XLSX_MAGIC.every((byte, i) => data[i] === byte) ? await readXlsx(data) : await readCsv(data);
  if (!table) return { ok: false, reason: 'unreadable' };
  const [headers, ...lines] = table.filter((row) => row.some((cell) => cell !== ''));
  if (!headers || headers.every((h) => h === '')) return { ok: false, reason: 'unreadable' };
  // A NUL is no text (a binary or UTF-16 file read as text), and PostgreSQL keeps none.
  if (table.some((row) => row.some((cell) => cell.includes('\u0000')))) return { ok: false, reason: 'unreadable' };
  if (lines.length === 0) return { ok: false, reason: 'empty' };
  if (lines.length > IMPORT_MAX_LINES) return { ok: false, reason: 'tooLarge' };
  return { ok: true, headers, rows: lines.map((row) => headers.map((_, i) => row[i] ?? '')) };
}

async function readCsv(data: Buffer): Promise<string[][] | null> {
  const firstLine = data.subarray(0, Math.min(data.length, 4096)).toString('latin1').split(/\r?\n/)[0] ?? '';
  const delimiter = [';', '\t', ','].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  const read = await readCsvRows(data, delimiter);
  return read.ok ? read.rows : null;
}

async function readXlsx(data: Buffer): Promise<string[][] | null> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) cells.push(cellText(row.getCell(i).value));
    rows.push(cells);
  });
  return rows;
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as CellValue);
    return '';
  }
  return String(value).trim();
}
