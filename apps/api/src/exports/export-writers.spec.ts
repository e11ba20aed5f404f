import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { csvBuffer } from './csv-writer';
import type { ExportCell, ExportDocument } from './export-document';
import { renderExportPdf } from './pdf-writer';
import { writeXlsx, xlsxBuffer } from './xlsx-writer';

const report: ExportDocument = {
  title: "Bilan d'activité 2026",
  filters: [
    { label: 'Période', value: 'du 01/01/2026 au 31/12/2026' },
    { label: 'Référent', value: 'Nadia Benali' },
  ],
  tables: [
    {
      title: 'Entrées par tranche d’âge',
      columns: [{ label: 'Tranche d’âge' }, { label: 'Entrées', format: 'integer' }, { label: 'Part', format: 'percent' }],
      rows: [
        ['moins de 26 ans', 1234, 0.125],
        ['26 à 49 ans', 48, 0.5],
        ['50 ans et plus; « séniors »', 12, null],
      ],
      chart: { kind: 'bar' },
    },
    {
      title: 'Sorties',
      columns: [{ label: 'Personne' }, { label: 'Sortie le', format: 'date' }, { label: 'Heures', format: 'decimal' }],
      rows: [['Élodie "Lou" Çaglar', new Date('2026-12-31T00:00:00Z'), 12.5]],
      chart: { kind: 'pie' },
    },
  ],
};

describe('export writers', () => {
  it('writes one XLSX sheet per table, with the title, the filters, the labels and typed cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await xlsxBuffer(report)).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Entrées par tranche d’âge', 'Sorties']);

    const ages = workbook.worksheets[0]!;
    expect(ages.getCell('A1').value).toBe("Bilan d'activité 2026");
    expect(ages.getCell('A2').value).toBe('Entrées par tranche d’âge');
    expect(ages.getCell('A3').value).toBe('Période');
    expect(ages.getCell('B3').value).toBe('du 01/01/2026 au 31/12/2026');
    expect(ages.getCell('B4').value).toBe('Nadia Benali');
    expect(ages.getRow(6).values).toEqual([undefined, 'Tranche d’âge', 'Entrées', 'Part']);
    expect(ages.getCell('B7').value).toBe(1234);
    expect(ages.getCell('B7').numFmt).toBe('#,##0');
    expect(ages.getCell('C7').value).toBe(0.125);
    expect(ages.getCell('C7').numFmt).toBe('0.0%');

    const exits = workbook.worksheets[1]!;
    expect(exits.getCell('B7').value).toEqual(new Date('2026-12-31T00:00:00Z'));
    expect(exits.getCell('B7').numFmt).toBe('dd/mm/yyyy');
    expect(exits.getCell('A7').value).toBe('Élodie "Lou" Çaglar');
  });

  it('writes an XLSX no faster than it is downloaded: while the reader is behind, no further page is read', async () => {
    const PAGES = 50;
    let read = 0;
    async function* pages(): AsyncIterable<ExportCell[][]> {
      for (let page = 0; page < PAGES; page++) {
        // A page comes from the database: the event loop turns meanwhile, and the file's bytes move on.
        await nextTurn();
        read++;
        yield Array.from({ length: 100 }, (_, i) => [randomUUID(), page * 100 + i]);
      }
    }
    const download = new PassThrough();
    const columns = [{ label: 'Personne' }, { label: 'Rang', format: 'integer' as const }];
    const writing = writeXlsx({ title: 'Liste', filters: [], tables: [{ title: 'Liste', columns, pages: pages() }] }, download);
    // Nobody reads yet: the writer stops once the download's buffer is full.
    for (let before = -1; before !== read;) {
      before = read;
      await sleep(100);
    }
    expect(read).toBeLessThan(PAGES / 2);
    const chunks: Buffer[] = [];
    download.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writing;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(3 + PAGES * 100);
  });

  it('writes CSV for French Excel: BOM, semicolons, quoted fields, French numbers and dates', async () => {
    const single: ExportDocument = { ...report, tables: [report.tables[0]!] };
    const bytes = await csvBuffer(single);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'Tranche d’âge;Entrées;Part\r\nmoins de 26 ans;1\u00a0234;12,5\u00a0%\r\n26 à 49 ans;48;50\u00a0%\r\n"50 ans et plus; « séniors »";12;\r\n',
    );

    const both = (await csvBuffer(report)).toString('utf8');
    expect(both).toContain('\r\n\r\nSorties\r\nPersonne;Sortie le;Heures\r\n"Élodie ""Lou"" Çaglar";31/12/2026;12,50\r\n');
  });

  it('writes a PDF with the title, the filters, every figure, the charts and page numbers', async () => {
    const long: ExportDocument = {
      ...report,
      tables: [
        ...report.tables,
        { title: 'Liste longue', columns: [{ label: 'N°', format: 'integer' }], rows: Array.from({ length: 120 }, (_, i) => [i + 1]) },
      ],
    };
    const pdf = await getDocumentProxy(new Uint8Array(await renderExportPdf(long, new Date('2027-01-15T10:00:00Z'))));
    const { totalPages, text: extracted } = await extractText(pdf, { mergePages: true });
    // The text layer gives no-break spaces back as plain ones.
    const text = extracted.replace(/\u00a0/g, ' ');
    expect(totalPages).toBeGreaterThan(1);
    expect(text).toContain("Bilan d'activité 2026");
    expect(text).toContain('Période : du 01/01/2026 au 31/12/2026');
    expect(text).toContain('Référent : Nadia Benali');
    expect(text).toContain('Édité le 15/01/2027');
    expect(text).toContain('moins de 26 ans 1 234 12,5 %');
    expect(text).toContain('Élodie "Lou" Çaglar');
    expect(text).toContain('31/12/2026');
    expect(text).toContain(`page ${totalPages} / ${totalPages}`);
    // The bar chart's axis labels are drawn as text: the chart is in the page, not an image of it.
    expect(text.match(/moins de 26 ans/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
