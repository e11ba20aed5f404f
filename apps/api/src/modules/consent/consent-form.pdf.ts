import { renderPdf } from '../documents/pdf';

export interface ConsentFormLine {
  partner: string;
  classes: string;
  stages: string;
  purpose: string;
  period: string;
}

export interface ConsentFormContent {
  title: string;
  intro: string;
  grantsHeading: string;
  grants: ConsentFormLine[];
  refusalsHeading: string;
  refusals: ConsentFormLine[];
  none: string;
  labels: { partner: string; classes: string; stages: string; purpose: string; period: string };
  rights: string;
  signedAt: string;
  signatures: [string, string];
}

/** Lays the consent form out on A4 for printing and signing; the words come translated. */
export function renderConsentForm(content: ConsentFormContent): Promise<Buffer> {
  return renderPdf(content.title, (doc) => drawConsentForm(doc, content));
}

function drawConsentForm(doc: PDFKit.PDFDocument, content: ConsentFormContent): void {
  doc.font('Helvetica-Bold').fontSize(16).text(content.title);
  doc.moveDown(0.8).font('Helvetica').fontSize(10.5).text(content.intro, { align: 'justify' });

  const section = (heading: string, lines: ConsentFormLine[]) => {
    doc.moveDown(1).font('Helvetica-Bold').fontSize(12).text(heading);
    if (lines.length === 0) doc.moveDown(0.3).font('Helvetica-Oblique').fontSize(10.5).text(content.none);
    for (const line of lines) {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10.5).text(`${content.labels.partner} : ${line.partner}`);
      doc.font('Helvetica').fontSize(10);
      for (const [label, value] of [
        [content.labels.classes, line.classes],
        [content.labels.stages, line.stages],
        [content.labels.purpose, line.purpose],
        [content.labels.period, line.period],
      ] as const) {
        doc.text(`${label} : ${value}`, { indent: 12 });
      }
    }
  };
  section(content.grantsHeading, content.grants);
  if (content.refusals.length > 0) section(content.refusalsHeading, content.refusals);

  doc.moveDown(1.2).font('Helvetica').fontSize(9.5).text(content.rights, { align: 'justify' });
  doc.moveDown(1.5).fontSize(10.5).text(content.signedAt);
  doc.moveDown(1.5);
  const y = doc.y;
  doc.text(content.signatures[0], 56, y, { width: 220 });
  doc.text(content.signatures[1], 320, y, { width: 220 });
}
