import { chartSvg } from './chart-svg';
import { cellText, type ExportDocument, type ExportTable } from './export-document';

const MARGIN = 48;
const FOOTER = 28;
const CHART_HEIGHT = 240;
const CELL_PADDING = 4;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1c2733';
const MUTED = '#5b6673';
const RULE = '#c9d3de';
const HEADER_FILL = '#e8eef5';
const STRIPE_FILL = '#f5f7fa';

const isNumeric = (format?: string) => format === 'integer' || format === 'decimal' || format === 'percent';

/**
 * The document as an A4 PDF, as an animation team sends it to its funders: the title and the
 * filters, then each table with its chart (ECharts' SVG drawn by svg-to-pdfkit), rows that never
 * split across pages, the column labels repeated at the top of each page, and « page n / N » at the
 * foot. Helvetica is the PDF's standard font; its Windows-1252 encoding has every French letter
 * (é, à, ç, œ, « ») and the text is kept to it (cellText turns narrow spaces into ordinary ones).
 */
export async function renderExportPdf(document: ExportDocument, now: Date): Promise<Buffer> {
  const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([import('pdfkit'), import('svg-to-pdfkit')]);
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: document.title, Producer: 'Jalon', Creator: 'Jalon' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - FOOTER;

  doc.fillColor(INK).font(BOLD).fontSize(18).text(document.title, { width });
  doc
    .moveDown(0.2)
    .font(FONT)
    .fontSize(9)
    .fillColor(MUTED)
    .text(`Édité le ${cellText(now)}`, { width });
  if (document.filters.length > 0) {
    doc.moveDown(0.6);
    for (const filter of document.filters) {
      doc.font(BOLD).fontSize(10).fillColor(INK).text(`${filter.label} : `, { continued: true }).font(FONT).text(filter.value, { width });
    }
  }

  for (const table of document.tables) {
    doc.moveDown(1.2);
    if (doc.y + 80 > bottom()) doc.addPage();
    doc.font(BOLD).fontSize(13).fillColor(INK).text(table.title, MARGIN, doc.y, { width });
    doc.moveDown(0.4);
    const svg = await chartSvg(table, Math.round(width), CHART_HEIGHT);
    if (svg) {
      if (doc.y + CHART_HEIGHT > bottom()) doc.addPage();
      SVGtoPDF(doc as unknown as Parameters<typeof SVGtoPDF>[0], svg, MARGIN, doc.y, { width, height: CHART_HEIGHT, assumePt: true });
      doc.y += CHART_HEIGHT + 8;
    }
    drawTable(doc, table, width, bottom);
  }

  // Page numbers last, once the number of pages is known; the footer sits in the bottom margin.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(`${document.title} — page ${i - start + 1} / ${count}`, MARGIN, doc.page.height - MARGIN, { width, align: 'center', lineBreak: false });
    doc.page.margins = margins;
  }
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, table: ExportTable, width: number, bottom: () => number): void {
  // Text columns get twice the room of number and date columns.
  const weights = table.columns.map((column) => (column.format && column.format !== 'text' ? 1 : 2));
  const unit = width / weights.reduce((sum, w) => sum + w, 0);
  const widths = weights.map((w) => w * unit);
  const widthOf = (i: number) => widths[i] ?? unit;

  const rowHeight = (texts: string[], font: string) => {
    doc.font(font).fontSize(9);
    return Math.max(...texts.map((text, i) => doc.heightOfString(text || ' ', { width: widthOf(i) - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
  };
  const drawRow = (texts: string[], font: string, fill: string | null) => {
    const height = rowHeight(texts, font);
    const top = doc.y;
    if (fill) doc.rect(MARGIN, top, width, height).fill(fill);
    let x = MARGIN;
    doc.font(font).fontSize(9).fillColor(INK);
    texts.forEach((text, i) => {
      const align = font === FONT && isNumeric(table.columns[i]?.format) ? 'right' : 'left';
      doc.text(text, x + CELL_PADDING, top + CELL_PADDING, { width: widthOf(i) - 2 * CELL_PADDING, align });
      x += widthOf(i);
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + width, top + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };

  const labels = table.columns.map((column) => column.label);
  const header = () => drawRow(labels, BOLD, HEADER_FILL);
  header();
  if (table.rows.length === 0) {
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor(MUTED)
      .text('Aucune ligne.', MARGIN + CELL_PADDING, doc.y + CELL_PADDING, { width });
    return;
  }
  table.rows.forEach((row, index) => {
    const texts = row.map((cell, i) => cellText(cell, table.columns[i]?.format));
    if (doc.y + rowHeight(texts, FONT) > bottom()) {
      doc.addPage();
      header();
    }
    drawRow(texts, FONT, index % 2 === 1 ? STRIPE_FILL : null);
  });
}
