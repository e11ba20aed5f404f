import { dateInWords, MeetingStatus } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { maySeeWholeMeeting } from '../../access/meeting-access';
import { activeMembership } from '../../access/tenant-scope';
import { userNames } from '../../db/user-names.query';
import { errors } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import { translate, type MessageKey } from '../../i18n/messages';
import { renderPdf } from '../documents/pdf';
import type { Organisation } from '../organisations/organisation.entity';
import { agendaFor, peopleOf } from './meeting-agenda';
import { meetingFieldsOf } from './meeting.query';
import { findMeeting } from './meeting.service';

/**
 * The meeting on paper: its agenda, and once published its minutes. A partner gets its
 * organisation's copy; staff get the internal copy, or the copy of one invited organisation (to
 * send it), redacted by the same rule as the screen (agendaFor, access/meeting-access.ts).
 */
export async function meetingPdf(
  ctx: RequestContext,
  meetingGlobalId: string,
  recipientGlobalId: string | undefined,
): Promise<{ fileName: string; pdf: Buffer }> {
  const meeting = await findMeeting(ctx, meetingGlobalId, 'id');
  const partner = !maySeeWholeMeeting(ctx);
  let recipient: Organisation | null = null;
  if (recipientGlobalId && !partner) {
    const id = parseGlobalId(recipientGlobalId, 'Organisation')?.id;
    recipient = meeting.invitations.getItems().find((invitation) => invitation.organisation.id === id)?.organisation ?? null;
    if (!recipient) throw errors.badInput(ctx, 'organisation', 'error.meetingOrganisationInvalid');
  }
  const copyFor = partner ? meeting.invitations.getItems().find((i) => i.organisation.id === activeMembership(ctx).organisationId)!.organisation : recipient;
  const agenda = await agendaFor(ctx, meeting, recipient);
  const names = await userNames(ctx, peopleOf(meetingFieldsOf(meeting)));

  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(ctx.locale, key, params);
  const locale = ctx.locale === 'fr' ? 'fr-FR' : 'en-GB';
  const when = (at: Date) => dateInWords(locale, at, { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });
  const day = (at: Date) => dateInWords(locale, at, { timeZone: 'Europe/Paris', dateStyle: 'long' });
  const published = meeting.status === MeetingStatus.MINUTES_PUBLISHED;
  const title = t(published ? 'minutesPdf.minutesTitle' : 'minutesPdf.agendaTitle', { title: meeting.title });

  const pdf = await renderPdf(title, (doc) => {
    doc.font('Helvetica-Bold').fontSize(16).text(title);
    doc
      .moveDown(0.3)
      .font('Helvetica')
      .fontSize(10.5)
      .text(t(`meetingKind.${meeting.kind}` as MessageKey));
    doc.text(t('minutesPdf.when', { when: when(meeting.startsAt) }));
    if (meeting.place) doc.text(t('minutesPdf.place', { place: meeting.place }));
    if (meeting.videoLink) doc.text(t('minutesPdf.videoLink', { link: meeting.videoLink }));
    doc.text(t('minutesPdf.organiser', { name: names.get(meeting.organiser.id) ?? '' }));
    const invited = meeting.invitations.getItems().map((i) => i.organisation.name);
    if (invited.length) doc.text(t('minutesPdf.invited', { names: invited.sort((a, b) => a.localeCompare(b, 'fr')).join(', ') }));
    const people = meeting.invitees.getItems().map((i) => `${names.get(i.user.id) ?? ''} (${i.organisation.name})`);
    if (people.length) doc.text(t('minutesPdf.invitees', { names: people.sort((a, b) => a.localeCompare(b, 'fr')).join(', ') }));
    doc
      .moveDown(0.6)
      .font('Helvetica-Oblique')
      .fontSize(9.5)
      .text(copyFor ? t('minutesPdf.recipient', { organisation: copyFor.name }) : t('minutesPdf.internal'));

    doc.moveDown(1).font('Helvetica-Bold').fontSize(12.5).text(t('minutesPdf.agenda'));
    if (agenda.items.length === 0) doc.moveDown(0.3).font('Helvetica-Oblique').fontSize(10.5).text(t('minutesPdf.noItems'));
    for (const item of agenda.items) {
      doc.moveDown(0.7);
      if (item.withheld) {
        doc
          .font('Helvetica-Oblique')
          .fontSize(10.5)
          .text(`${item.position}. ${t('minutesPdf.withheld')}`);
        continue;
      }
      const heading = item.participantName ? `${item.position}. ${item.participantName} — ${item.question}` : `${item.position}. ${item.question}`;
      doc.font('Helvetica-Bold').fontSize(10.5).text(heading);
      doc.font('Helvetica').fontSize(10);
      const line = (text: string) => doc.text(text, { indent: 14 });
      if (item.proposedByName) line(t('minutesPdf.proposedBy', { name: item.proposedByName }));
      if (item.pathwayStatus) line(t('minutesPdf.status', { status: t(`pathwayStatus.${item.pathwayStatus}` as MessageKey) }));
      if (item.decision) line(t('minutesPdf.decision', { decision: t(`referralDecision.${item.decision}` as MessageKey) }));
      if (item.assignedReferentName) line(t('minutesPdf.referent', { name: item.assignedReferentName }));
      if (item.decisionReason) line(t('minutesPdf.reason', { reason: item.decisionReason }));
      if (item.redirectedTo) line(t('minutesPdf.redirectedTo', { place: item.redirectedTo }));
      if (item.minutes) line(t('minutesPdf.itemMinutes', { minutes: item.minutes }));
      if (item.actions.length) line(t('minutesPdf.actions'));
      for (const action of item.actions)
        doc.text(
          `• ${t('minutesPdf.action', { description: action.description, owner: action.owner.name, dueOn: day(new Date(`${action.dueOn}T12:00:00Z`)) })}`,
          { indent: 28 },
        );
    }
    if (meeting.minutes && (published || !copyFor)) {
      doc.moveDown(1).font('Helvetica-Bold').fontSize(12.5).text(t('minutesPdf.generalMinutes'));
      doc.moveDown(0.3).font('Helvetica').fontSize(10.5).text(meeting.minutes, { align: 'justify' });
    }
    if (published && meeting.minutesPublishedAt)
      doc
        .moveDown(1)
        .font('Helvetica-Oblique')
        .fontSize(9.5)
        .text(t('minutesPdf.publishedAt', { date: day(meeting.minutesPublishedAt) }));
  });
  const stem = published ? 'compte-rendu' : 'ordre-du-jour';
  return { fileName: `${stem}-${meeting.startsAt.toISOString().slice(0, 10)}.pdf`, pdf };
}
