import PDFDocument from 'pdfkit';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { frenchDate } from '@jalon/domain';
import { consentsInWords, nextAppointments, readsInWords, type OwnFile } from './participant-file';

/** What the copy leaves out and why, written in both the PDF and the JSON. */
export const EXCLUDED =
  'Ne figurent pas dans cette copie les notes personnelles de votre référent ni son journal de suivi : ce sont ses notes de travail, ' +
  "qui peuvent concerner d'autres personnes, et la loi permet de ne pas les communiquer (RGPD, article 15, paragraphe 4 ; recommandations de la CNIL). " +
  'Vous pouvez en parler avec votre référent, ou demander une correction ou un effacement depuis votre espace.';

const STAGE_STATUS: Record<string, string> = {
  PLANNED: 'prévue',
  IN_PROGRESS: 'en cours',
  COMPLETED: 'terminée',
  ABANDONED: 'abandonnée',
  CANCELLED: 'annulée',
};
const MODE: Record<string, string> = { IN_PERSON: 'sur place', PHONE: 'par téléphone', VIDEO: 'en visioconférence' };

const time = (at: string | Date) =>
  new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(new Date(at)).replace(':', ' h ');
const day = (at: string | Date | null) => (at ? frenchDate(at) : '—');
/** Helvetica's encoding has every French letter but not the narrow spaces Intl writes. */
const plain = (text: string) => text.replace(/[\u202F\u00A0]/g, ' ');

/** The machine-readable copy (RGPD art. 15 and 20): her file as her space reads it, with the sentences and what is left out. */
export function myDataJson(file: OwnFile, now: Date): Record<string, unknown> {
  return {
    generatedAt: now.toISOString(),
    legalBasis: 'RGPD, article 15 (droit d’accès) et article 20 (portabilité)',
    excluded: EXCLUDED,
    ...file,
    consents: consentsInWords(file),
    reads: readsInWords(file),
  };
}

/** The readable copy: an A4 PDF in plain French, section by section. */
export function myDataPdf(file: OwnFile, now: Date): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: 'Copie de vos données', Producer: 'Jalon', Creator: 'Jalon' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) => doc.moveDown(1).font('Helvetica-Bold').fontSize(13).fillColor('#1c2733').text(plain(text)).moveDown(0.3);
  const line = (text: string) => doc.font('Helvetica').fontSize(10).fillColor('#1c2733').text(plain(text)).moveDown(0.2);
  const none = () => line('Rien pour le moment.');
  const p = file.participant;

  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(plain(`Copie de vos données — ${p.firstName} ${p.lastName}`));
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#5b6673')
    .text(plain(`${file.programme}. Éditée le ${day(now)} à ${time(now)}, à votre demande (RGPD, article 15).`));
  heading('Ce que cette copie ne contient pas');
  line(EXCLUDED);

  heading('Vous');
  line(`Né(e) le ${day(p.birthDate)}`);
  line(`Courriel : ${p.email ?? '—'} · Téléphone : ${p.phone ?? '—'}`);
  line(`Adresse : ${[p.addressLine, p.postcode].filter(Boolean).join(' ') || '—'}`);
  line(`Votre référent : ${file.referent ?? '—'}`);

  heading('Votre parcours et vos étapes');
  for (const w of file.pathways)
    line(`Parcours n° ${w.number} : orienté(e) le ${day(w.referralDate)}, entrée le ${day(w.entryDate)}, sortie le ${day(w.exitDate)}.`);
  if (file.stages.length === 0) none();
  for (const s of file.stages) {
    line(
      `${s.kindLabel} (${STAGE_STATUS[s.status] ?? s.status}) : du ${day(s.actualStart ?? s.plannedStart)} au ${day(s.actualEnd ?? s.plannedEnd)}${s.operator ? `, avec ${s.operator}` : ''}.`,
    );
    if (s.sharedSummary) line(`   ${s.sharedSummary}`);
  }

  heading("Votre contrat d'engagement");
  if (file.contracts.length === 0) none();
  for (const c of file.contracts) {
    line(`Contrat n° ${c.number}, du ${day(c.startsOn)}, à revoir le ${day(c.reviewOn)} :`);
    for (const objective of c.objectives) line(`   • ${objective}`);
  }

  heading('Votre diagnostic et votre projet professionnel');
  if (file.diagnoses.length === 0 && file.projects.length === 0) none();
  for (const d of file.diagnoses) {
    line(`Diagnostic du ${day(d.carriedOutOn)}.`);
    if (d.strengths) line(`   Vos atouts : ${d.strengths}`);
    if (d.needs) line(`   Vos besoins : ${d.needs}`);
    if (d.pastTrades?.length) line(`   Métiers déjà exercés (codes ROME) : ${d.pastTrades.join(', ')}`);
  }
  for (const project of file.projects)
    for (const target of project.targets ?? [])
      line(
        `Projet n° ${project.number}, métier ${target.romeCode}${target.skillsToAcquire?.length ? ` : compétences à acquérir : ${target.skillsToAcquire.join(', ')}` : ''}.`,
      );
  if (file.esfRecords.length > 0)
    line('Les informations recueillies pour le Fonds social européen (situation à l’entrée et à la sortie) figurent en détail dans la copie JSON.');

  heading('Vos contrats de travail, formations et candidatures');
  if (!file.employment.length && !file.trainings.length && !file.followUps.length && !file.candidacies.length && !file.positionings.length) none();
  for (const c of file.employment) {
    line(`${c.position} chez ${c.employer}, du ${day(c.startOn)} au ${day(c.endedOn ?? c.endOn)}, ${c.weeklyHours} h par semaine.`);
    for (const r of c.reports)
      line(
        `   ${r.period} : ${r.hoursWorked} h travaillées, ${r.trainingHours} h de formation, ${r.absenceHours} h d’absence${r.comment ? ` — « ${r.comment} »` : ''}.`,
      );
  }
  for (const training of file.trainings) {
    line(`${training.kindLabel}${training.operator ? ` avec ${training.operator}` : ''} :`);
    for (const a of training.attendance) line(`   ${a.period} : ${a.hoursAttended} h suivies sur ${a.hoursPlanned} h prévues.`);
    if (training.result) line(`   Terminée le ${day(training.result.endedOn)}${training.result.certification ? `, ${training.result.certification}` : ''}.`);
  }
  for (const f of file.followUps)
    line(
      `Suivi à ${f.monthsAfterExit} mois de votre sortie : ${f.doneOn ? `fait le ${day(f.doneOn)}${f.stillEmployed === null ? '' : f.stillEmployed ? ', toujours en emploi' : ', plus en emploi'}` : `prévu le ${day(f.dueOn)}`}.`,
    );
  for (const c of file.candidacies)
    line(
      `Candidature « ${c.offer} »${c.employer ? ` chez ${c.employer}` : ''}, proposée le ${day(c.proposedOn)}${c.hiredOn ? `, embauche le ${day(c.hiredOn)}` : ''}.`,
    );
  for (const g of file.positionings) line(`Positionnement sur « ${g.action} » avec ${g.operator}, du ${day(g.startsOn)} au ${day(g.endsOn)} : ${g.reason}`);

  heading('Vos rendez-vous');
  if (file.appointments.length === 0) none();
  for (const a of file.appointments)
    line(`${day(a.startsAt)} à ${time(a.startsAt)}, ${MODE[a.mode] ?? a.mode}${a.title ? ` : ${a.title}` : ''}${a.status === 'CANCELLED' ? ' (annulé)' : ''}.`);

  heading('Ce que vous avez accepté de partager');
  if (file.consents.length === 0) none();
  for (const c of consentsInWords(file)) line(`${c.sentence}${c.inForce ? '' : ` (plus en vigueur depuis le ${day(c.endedAt)})`}`);

  heading('Qui a consulté votre dossier');
  if (file.reads.length === 0) none();
  for (const r of readsInWords(file)) line(`${day(r.at)} à ${time(r.at)} : ${r.sentence}`);

  heading('Vos demandes');
  if (file.requests.length === 0) none();
  for (const r of file.requests)
    line(
      `${r.kind === 'ERASURE' ? "Demande d'effacement" : 'Demande de correction'} du ${day(r.createdAt)} : « ${r.message} » — ${r.status === 'OPEN' ? `réponse au plus tard le ${day(r.dueOn)}` : `réponse : ${r.answer ?? ''}`}`,
    );

  doc.end();
  return done;
}

/** Her coming appointments as an iCalendar file, to add to her phone's calendar. */
export function myAppointmentsIcs(file: OwnFile, now: Date): string {
  const calendar = new ICalCalendar({ name: `${file.programme} — mes rendez-vous`, prodId: { company: 'Jalon', product: 'mon-espace' } });
  for (const a of nextAppointments(file, now)) {
    calendar.createEvent({
      id: a.id,
      start: new Date(a.startsAt),
      end: new Date(a.endsAt),
      summary: a.title ?? `Rendez-vous avec ${a.referent ?? 'votre référent'}`,
      description: `${file.programme}, ${MODE[a.mode] ?? ''}`,
      location: a.mode === 'VIDEO' ? a.videoLink : a.mode === 'PHONE' ? 'Téléphone' : null,
      url: a.mode === 'VIDEO' ? a.videoLink : null,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
