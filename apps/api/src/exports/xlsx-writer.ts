import type { Writable } from 'node:stream';
import { collected, streamed, type ColumnFormat, type ExportDocument, type StreamedDocument } from './export-document';

/** Excel's own codes: Excel shows them with the reader's separators (« 1 234,50 » in French). */
const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  integer: '#,##0',
  decimal: '#,##0.00',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  text: undefined,
};
const WIDTHS: Record<ColumnFormat, number> = { integer: 12, decimal: 14, percent: 12, date: 13, text: 28 };

/** Excel refuses a sheet name over 31 characters, with []:*?/\ in it, or used twice. */
function sheetNames(titles: string[]): string[] {
  const used = new Set<string>();
  return titles.map((title, index) => {
    const base =
      title
        .replace(/[[\]:*?/\\]/g, ' ')
        .trim()
        .slice(0, 31) || `Tableau ${index + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Waits, when the reader is behind (its buffer full), until it has caught up; refuses when the
 * download is closed meanwhile. exceljs writes without waiting: without this, a slow download
 * would leave the rest of the file in memory, however long the list.
 */
function roomIn(output: Writable): Promise<void> {
  if (!output.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      output.off('drain', settle).off('close', closed).off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const closed = () => settle(new Error('The download was closed'));
    output.once('drain', settle).once('close', closed).once('error', settle);
  });
}

/**
 * Writes the document as an XLSX workbook into `output`, one sheet per table: the document's
 * title, the table's title and the filters at the top, then the column labels (kept in view
 * while scrolling) and the rows with their number, percent and date formats. Rows are written
 * as their pages arrive (exceljs's streaming writer), the next page only once the reader has caught
 * up, so memory does not grow with the list, however slow the download.
 */
export async function writeXlsx(document: StreamedDocument, output: Writable): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Jalon';
  workbook.title = document.title;
  const names = sheetNames(document.tables.map((table) => table.title));
  for (const [index, table] of document.tables.entries()) {
    // The table's own title under the document's, when it has one of its own.
    const subtitled = table.title !== document.title;
    const headerRow = (subtitled ? 4 : 3) + document.filters.length;
    const sheet = workbook.addWorksheet(names[index], { views: [{ state: 'frozen', ySplit: headerRow }] });
    sheet.columns = table.columns.map((column) => ({
      width: WIDTHS[column.format ?? 'text'],
      style: NUMBER_FORMATS[column.format ?? 'text'] ? { numFmt: NUMBER_FORMATS[column.format ?? 'text'] } : {},
    }));
    const title = sheet.addRow([document.title]);
    title.font = { bold: true, size: 14 };
    title.commit();
    if (subtitled) {
      const subtitle = sheet.addRow([table.title]);
      subtitle.font = { bold: true, size: 12 };
      subtitle.commit();
    }
    for (const filter of document.filters) {
      const row = sheet.addRow([filter.label, filter.value]);
      row.getCell(1).font = { italic: true };
      // A filter's value is text, whatever the column's number format below.
      row.getCell(2).numFmt = '@';
      row.commit();
    }
    sheet.addRow([]).commit();
    const header = sheet.addRow(table.columns.map((column) => column.label));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
      cell.border = { bottom: { style: 'thin' } };
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    header.commit();
    for await (const rows of table.pages) {
      for (const cells of rows) sheet.addRow(cells).commit();
      await roomIn(output);
    }
    sheet.commit();
  }
  await workbook.commit();
}

export const xlsxBuffer = (document: ExportDocument): Promise<Buffer> => collected((output) => writeXlsx(streamed(document), output));
