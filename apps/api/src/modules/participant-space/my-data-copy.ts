import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { spaceDate, type SpaceLocale } from '@jalon/domain';
import { consentsInWords, nextAppointments, readsInWords, type OwnFile } from './participant-file';

/** What the copy leaves out and why, written in both the PDF and the JSON. */
export const EXCLUDED =
  'Ne figurent pas dans cette copie les notes personnelles de votre référent ni son journal de suivi : ce sont ses notes de travail, ' +
  "qui peuvent concerner d'autres personnes, et la loi permet de ne pas les communiquer (RGPD, article 15, paragraphe 4 ; recommandations de la CNIL). " +
  'Vous pouvez en parler avec votre référent, ou demander une correction ou un effacement depuis votre espace.';

const EXCLUDED_EN =
  "This copy does not include your referent's personal notes or follow-up journal: they are working notes, " +
  'which may concern other people, and the law allows them not to be disclosed (GDPR, article 15(4); CNIL guidance). ' +
  'You can talk about them with your referent, or ask for a correction or an erasure from your space.';

const MODE: Record<string, string> = { IN_PERSON: 'sur place', PHONE: 'par téléphone', VIDEO: 'en visioconférence' };

/**
 * The words of the copy, French first, English for a person who reads English (the request's
 * locale, as every page and message of the API): her data itself (names, free texts, stage kinds'
 * labels as recorded) stays as written.
 */
const WORDS = {
  fr: {
    excluded: EXCLUDED,
    legalBasis: 'RGPD, article 15 (droit d’accès) et article 20 (portabilité)',
    stageStatus: { PLANNED: 'prévue', IN_PROGRESS: 'en cours', COMPLETED: 'terminée', ABANDONED: 'abandonnée', CANCELLED: 'annulée' } as Record<string, string>,
    mode: MODE,
    title: 'Copie de vos données',
    made: (programme: string, on: string, at: string) => `${programme}. Éditée le ${on} à ${at}, à votre demande (RGPD, article 15).`,
    none: 'Rien pour le moment.',
    notIncluded: 'Ce que cette copie ne contient pas',
    you: 'Vous',
    born: (on: string) => `Né(e) le ${on}`,
    contact: (email: string, phone: string) => `Courriel : ${email} · Téléphone : ${phone}`,
    address: (address: string) => `Adresse : ${address}`,
    referent: (name: string) => `Votre référent : ${name}`,
    pathwayTitle: 'Votre parcours et vos étapes',
    pathway: (n: number, referred: string, entered: string, exited: string) =>
      `Parcours n° ${n} : orienté(e) le ${referred}, entrée le ${entered}, sortie le ${exited}.`,
    stage: (kind: string, status: string, from: string, to: string, operator: string | null) =>
      `${kind} (${status}) : du ${from} au ${to}${operator ? `, avec ${operator}` : ''}.`,
    contractTitle: "Votre contrat d'engagement",
    contract: (n: number, from: string, review: string) => `Contrat n° ${n}, du ${from}, à revoir le ${review} :`,
    projectTitle: 'Votre diagnostic et votre projet professionnel',
    diagnosis: (on: string) => `Diagnostic du ${on}.`,
    strengths: (text: string) => `   Vos atouts : ${text}`,
    needs: (text: string) => `   Vos besoins : ${text}`,
    pastTrades: (codes: string) => `   Métiers déjà exercés (codes ROME) : ${codes}`,
    project: (n: number, rome: string, skills: string | null) => `Projet n° ${n}, métier ${rome}${skills ? ` : compétences à acquérir : ${skills}` : ''}.`,
    esf: 'Les informations recueillies pour le Fonds social européen (situation à l’entrée et à la sortie) figurent en détail dans la copie JSON.',
    workTitle: 'Vos contrats de travail, formations et candidatures',
    job: (position: string, employer: string, from: string, to: string, hours: number) =>
      `${position} chez ${employer}, du ${from} au ${to}, ${hours} h par semaine.`,
    jobMonth: (period: string, worked: number, training: number, absence: number, comment: string | null) =>
      `   ${period} : ${worked} h travaillées, ${training} h de formation, ${absence} h d’absence${comment ? ` — « ${comment} »` : ''}.`,
    training: (kind: string, operator: string | null) => `${kind}${operator ? ` avec ${operator}` : ''} :`,
    trainingMonth: (period: string, attended: number, planned: number) => `   ${period} : ${attended} h suivies sur ${planned} h prévues.`,
    trainingEnd: (on: string, certification: string | null) => `   Terminée le ${on}${certification ? `, ${certification}` : ''}.`,
    followUp: (months: number, done: string | null, employed: boolean | null, due: string) =>
      `Suivi à ${months} mois de votre sortie : ${done ? `fait le ${done}${employed === null ? '' : employed ? ', toujours en emploi' : ', plus en emploi'}` : `prévu le ${due}`}.`,
    candidacy: (offer: string, employer: string | null, on: string, hired: string | null) =>
      `Candidature « ${offer} »${employer ? ` chez ${employer}` : ''}, proposée le ${on}${hired ? `, embauche le ${hired}` : ''}.`,
    positioning: (action: string, operator: string, from: string, to: string, reason: string) =>
      `Positionnement sur « ${action} » avec ${operator}, du ${from} au ${to} : ${reason}`,
    appointmentsTitle: 'Vos rendez-vous',
    appointment: (on: string, at: string, mode: string, title: string | null, cancelled: boolean) =>
      `${on} à ${at}, ${mode}${title ? ` : ${title}` : ''}${cancelled ? ' (annulé)' : ''}.`,
    consentsTitle: 'Ce que vous avez accepté de partager',
    ended: (on: string) => ` (plus en vigueur depuis le ${on})`,
    readsTitle: 'Qui a consulté votre dossier',
    read: (on: string, at: string, sentence: string) => `${on} à ${at} : ${sentence}`,
    requestsTitle: 'Vos demandes',
    request: (erasure: boolean, on: string, message: string, open: boolean, due: string, answer: string) =>
      `${erasure ? "Demande d'effacement" : 'Demande de correction'} du ${on} : « ${message} » — ${open ? `réponse au plus tard le ${due}` : `réponse : ${answer}`}`,
  },
  en: {
    excluded: EXCLUDED_EN,
    legalBasis: 'GDPR, article 15 (right of access) and article 20 (portability)',
    stageStatus: { PLANNED: 'planned', IN_PROGRESS: 'in progress', COMPLETED: 'completed', ABANDONED: 'abandoned', CANCELLED: 'cancelled' } as Record<
      string,
      string
    >,
    mode: { IN_PERSON: 'in person', PHONE: 'by phone', VIDEO: 'by video call' } as Record<string, string>,
    title: 'Copy of your data',
    made: (programme: string, on: string, at: string) => `${programme}. Made on ${on} at ${at}, at your request (GDPR, article 15).`,
    none: 'Nothing for now.',
    notIncluded: 'What this copy does not contain',
    you: 'You',
    born: (on: string) => `Born on ${on}`,
    contact: (email: string, phone: string) => `Email: ${email} · Phone: ${phone}`,
    address: (address: string) => `Address: ${address}`,
    referent: (name: string) => `Your referent: ${name}`,
    pathwayTitle: 'Your pathway and your steps',
    pathway: (n: number, referred: string, entered: string, exited: string) =>
      `Pathway no. ${n}: referred on ${referred}, entered on ${entered}, exited on ${exited}.`,
    stage: (kind: string, status: string, from: string, to: string, operator: string | null) =>
      `${kind} (${status}): from ${from} to ${to}${operator ? `, with ${operator}` : ''}.`,
    contractTitle: 'Your commitment contract',
    contract: (n: number, from: string, review: string) => `Contract no. ${n}, of ${from}, to review on ${review}:`,
    projectTitle: 'Your assessment and your career plan',
    diagnosis: (on: string) => `Assessment of ${on}.`,
    strengths: (text: string) => `   Your strengths: ${text}`,
    needs: (text: string) => `   Your needs: ${text}`,
    pastTrades: (codes: string) => `   Trades already practised (ROME codes): ${codes}`,
    project: (n: number, rome: string, skills: string | null) => `Plan no. ${n}, trade ${rome}${skills ? `: skills to acquire: ${skills}` : ''}.`,
    esf: 'The information collected for the European Social Fund (situation at entry and at exit) is in full in the JSON copy.',
    workTitle: 'Your work contracts, trainings and applications',
    job: (position: string, employer: string, from: string, to: string, hours: number) =>
      `${position} at ${employer}, from ${from} to ${to}, ${hours} h a week.`,
    jobMonth: (period: string, worked: number, training: number, absence: number, comment: string | null) =>
      `   ${period}: ${worked} h worked, ${training} h of training, ${absence} h of absence${comment ? ` — “${comment}”` : ''}.`,
    training: (kind: string, operator: string | null) => `${kind}${operator ? ` with ${operator}` : ''}:`,
    trainingMonth: (period: string, attended: number, planned: number) => `   ${period}: ${attended} h attended out of ${planned} h planned.`,
    trainingEnd: (on: string, certification: string | null) => `   Ended on ${on}${certification ? `, ${certification}` : ''}.`,
    followUp: (months: number, done: string | null, employed: boolean | null, due: string) =>
      `Follow-up ${months} months after your exit: ${done ? `done on ${done}${employed === null ? '' : employed ? ', still in work' : ', no longer in work'}` : `planned on ${due}`}.`,
    candidacy: (offer: string, employer: string | null, on: string, hired: string | null) =>
      `Application “${offer}”${employer ? ` at ${employer}` : ''}, put forward on ${on}${hired ? `, hired on ${hired}` : ''}.`,
    positioning: (action: string, operator: string, from: string, to: string, reason: string) =>
      `Put forward for “${action}” with ${operator}, from ${from} to ${to}: ${reason}`,
    appointmentsTitle: 'Your appointments',
    appointment: (on: string, at: string, mode: string, title: string | null, cancelled: boolean) =>
      `${on} at ${at}, ${mode}${title ? `: ${title}` : ''}${cancelled ? ' (cancelled)' : ''}.`,
    consentsTitle: 'What you agreed to share',
    ended: (on: string) => ` (no longer in force since ${on})`,
    readsTitle: 'Who consulted your file',
    read: (on: string, at: string, sentence: string) => `${on} at ${at}: ${sentence}`,
    requestsTitle: 'Your requests',
    request: (erasure: boolean, on: string, message: string, open: boolean, due: string, answer: string) =>
      `${erasure ? 'Erasure request' : 'Correction request'} of ${on}: “${message}” — ${open ? `answer by ${due} at the latest` : `answer: ${answer}`}`,
  },
} satisfies Record<SpaceLocale, unknown>;

const time = (at: string | Date, locale: SpaceLocale) =>
  locale === 'en'
    ? new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(new Date(at))
    : new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(new Date(at)).replace(':', ' h ');
const dayIn = (locale: SpaceLocale) => (at: string | Date | null) => (at ? spaceDate(at, locale) : '—');
/** Helvetica's encoding has every French letter but not the narrow spaces Intl writes. */
const plain = (text: string) => text.replace(/[\u202F\u00A0]/g, ' ');

/** The machine-readable copy (RGPD art. 15 and 20): her file as her space reads it, with the sentences and what is left out. */
export function myDataJson(file: OwnFile, now: Date, locale: SpaceLocale): Record<string, unknown> {
  return {
    generatedAt: now.toISOString(),
    legalBasis: WORDS[locale].legalBasis,
    excluded: WORDS[locale].excluded,
    ...file,
    consents: consentsInWords(file, locale),
    reads: readsInWords(file, locale),
  };
}

/** The readable copy: an A4 PDF in plain words, section by section. */
export async function myDataPdf(file: OwnFile, now: Date, locale: SpaceLocale): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const w = WORDS[locale];
  const day = dayIn(locale);
  const at = (when: string | Date) => time(when, locale);
  const doc = new PDFDocument({ size: 'A4', margin: 48, lang: locale, info: { Title: w.title, Producer: 'Jalon', Creator: 'Jalon' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) => doc.moveDown(1).font('Helvetica-Bold').fontSize(13).fillColor('#1c2733').text(plain(text)).moveDown(0.3);
  const line = (text: string) => doc.font('Helvetica').fontSize(10).fillColor('#1c2733').text(plain(text)).moveDown(0.2);
  const none = () => line(w.none);
  const p = file.participant;

  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(plain(`${w.title} — ${p.firstName} ${p.lastName}`));
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#5b6673')
    .text(plain(w.made(file.programme, day(now), at(now))));
  heading(w.notIncluded);
  line(w.excluded);

  heading(w.you);
  line(w.born(day(p.birthDate)));
  line(w.contact(p.email ?? '—', p.phone ?? '—'));
  line(w.address([p.addressLine, p.postcode].filter(Boolean).join(' ') || '—'));
  line(w.referent(file.referent ?? '—'));

  heading(w.pathwayTitle);
  for (const pw of file.pathways) line(w.pathway(pw.number, day(pw.referralDate), day(pw.entryDate), day(pw.exitDate)));
  if (file.stages.length === 0) none();
  for (const s of file.stages) {
    line(w.stage(s.kindLabel, w.stageStatus[s.status] ?? s.status, day(s.actualStart ?? s.plannedStart), day(s.actualEnd ?? s.plannedEnd), s.operator));
    if (s.sharedSummary) line(`   ${s.sharedSummary}`);
  }

  heading(w.contractTitle);
  if (file.contracts.length === 0) none();
  for (const c of file.contracts) {
    line(w.contract(c.number, day(c.startsOn), day(c.reviewOn)));
    for (const objective of c.objectives) line(`   • ${objective}`);
  }

  heading(w.projectTitle);
  if (file.diagnoses.length === 0 && file.projects.length === 0) none();
  for (const d of file.diagnoses) {
    line(w.diagnosis(day(d.carriedOutOn)));
    if (d.strengths) line(w.strengths(d.strengths));
    if (d.needs) line(w.needs(d.needs));
    if (d.pastTrades?.length) line(w.pastTrades(d.pastTrades.join(', ')));
  }
  for (const project of file.projects)
    for (const target of project.targets ?? [])
      line(w.project(project.number, target.romeCode, target.skillsToAcquire?.length ? target.skillsToAcquire.join(', ') : null));
  if (file.esfRecords.length > 0) line(w.esf);

  heading(w.workTitle);
  if (!file.employment.length && !file.trainings.length && !file.followUps.length && !file.candidacies.length && !file.positionings.length) none();
  for (const c of file.employment) {
    line(w.job(c.position, c.employer, day(c.startOn), day(c.endedOn ?? c.endOn), c.weeklyHours));
    for (const r of c.reports) line(w.jobMonth(r.period, r.hoursWorked, r.trainingHours, r.absenceHours, r.comment));
  }
  for (const training of file.trainings) {
    line(w.training(training.kindLabel, training.operator));
    for (const a of training.attendance) line(w.trainingMonth(a.period, a.hoursAttended, a.hoursPlanned));
    if (training.result) line(w.trainingEnd(day(training.result.endedOn), training.result.certification));
  }
  for (const f of file.followUps) line(w.followUp(f.monthsAfterExit, f.doneOn ? day(f.doneOn) : null, f.stillEmployed, day(f.dueOn)));
  for (const c of file.candidacies) line(w.candidacy(c.offer, c.employer, day(c.proposedOn), c.hiredOn ? day(c.hiredOn) : null));
  for (const g of file.positionings) line(w.positioning(g.action, g.operator, day(g.startsOn), day(g.endsOn), g.reason));

  heading(w.appointmentsTitle);
  if (file.appointments.length === 0) none();
  for (const a of file.appointments) line(w.appointment(day(a.startsAt), at(a.startsAt), w.mode[a.mode] ?? a.mode, a.title, a.status === 'CANCELLED'));

  heading(w.consentsTitle);
  if (file.consents.length === 0) none();
  for (const c of consentsInWords(file, locale)) line(`${c.sentence}${c.inForce ? '' : w.ended(day(c.endedAt))}`);

  heading(w.readsTitle);
  if (file.reads.length === 0) none();
  for (const r of readsInWords(file, locale)) line(w.read(day(r.at), at(r.at), r.sentence));

  heading(w.requestsTitle);
  if (file.requests.length === 0) none();
  for (const r of file.requests) line(w.request(r.kind === 'ERASURE', day(r.createdAt), r.message, r.status === 'OPEN', day(r.dueOn), r.answer ?? ''));

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
