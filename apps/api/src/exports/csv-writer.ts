import type { Writable } from 'node:stream';
import { cellText, collected, streamed, type ExportDocument, type StreamedDocument } from './export-document';

/**
 * CSV as French spreadsheets open it with a double click: fields separated by `;` (Excel in a
 * French locale expects it, since `,` is the decimal separator there), numbers and dates written
 * the French way, UTF-8 with a byte-order mark (without it Excel reads the file as Windows-1252
 * and mangles every accent), quoting and CRLF line ends as RFC 4180 says.
 *
 * The file holds the data alone, to be re-read by any tool: the column labels, then the rows.
 * A document of several tables puts each after a blank line and its title.
 */
export const CSV_BOM = '\ufeff';

function field(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function writeCsv(document: StreamedDocument, output: Writable): Promise<void> {
  await write(output, CSV_BOM);
  for (const [index, table] of document.tables.entries()) {
    if (document.tables.length > 1) await write(output, `${index > 0 ? '\r\n' : ''}${field(table.title)}\r\n`);
    await write(output, csvLine(table.columns.map((column) => column.label)));
    for await (const rows of table.pages) {
      await write(output, rows.map((cells) => csvLine(cells.map((cell, i) => cellText(cell, table.columns[i]?.format)))).join(''));
    }
  }
  await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** One CSV line: fields quoted only when they must be, `;`-separated, CRLF-ended. */
export const csvLine = (texts: string[]) => `${texts.map(field).join(';')}\r\n`;

/** Writes, waiting for the reader when its buffer is full: a slow download slows the export, not the memory. */
function write(output: Writable, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const flushed = output.write(text, 'utf8', (error) => error && reject(error));
    if (flushed) resolve();
    else output.once('drain', resolve);
  });
}

export const csvBuffer = (document: ExportDocument): Promise<Buffer> => collected((output) => writeCsv(streamed(document), output));
