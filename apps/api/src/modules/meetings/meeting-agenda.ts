import { MeetingStatus } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { type AgendaFacts, MeetingAudience, submitterOf } from '../../access/meeting-access';
import type { Organisation } from '../organisations/organisation.entity';
import { errors } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/relay';
import { AgendaItem, type MeetingDocument } from './meeting.entity';
import { agendaRowsOf, type AgendaItemRow, type AgendaRows, type MeetingDocumentFields, type MeetingFields } from './meeting.query';
import { findMeeting, findMeetingDocument } from './meeting.service';
import { AgendaItemType, AgendaSharingType, MeetingOrganisationType } from './meeting.type';

/** What the rule needs to know of an item, whether read as a row or as an entity. */
export function factsOf(item: AgendaItemRow | AgendaItem): AgendaFacts {
  return { participantId: item.participant?.id ?? null, referralId: item.referral?.id ?? null, addedAt: item.createdAt };
}

/** The people a meeting names (its organiser and invitees): their names come from userNames(). */
export function peopleOf(meeting: Pick<MeetingFields, 'organiser' | 'invitees'>): string[] {
  return [meeting.organiser.id, ...meeting.invitees.map((invitee) => invitee.user.id)];
}

export interface AgendaView {
  items: AgendaItemType[];
  /** The documents of the meeting as a whole (those of an item are on the item). */
  documents: MeetingDocumentFields[];
  /** The items as read from the database, for the shown ones. */
  shown: AgendaItemRow[];
}

/**
 * The agenda as one audience sees it: the request's viewer, or (staff) one invited organisation,
 * for its copy of the minutes. Every item keeps its place; those the audience may not see are
 * withheld, with their documents. Decisions, minutes and actions show to staff, and to partners
 * once the minutes are published. The agenda is read as plain rows in one statement
 * (agendaRowsOf), or comes `read` with the meeting for the request's viewer (readMeeting); what
 * the audience sees is decided by MeetingAudience, as for any other read.
 */
export async function agendaFor(
  ctx: RequestContext,
  meeting: Pick<MeetingFields, 'id' | 'status'>,
  recipient: Organisation | null = null,
  read: AgendaRows | null = null,
): Promise<AgendaView> {
  const {
    places,
    items: rows,
    documents,
    names,
    submissions,
  } = read && !recipient ? read : await agendaRowsOf(ctx.em, meeting.id, recipient ? null : submitterOf(ctx));
  const facts = rows.map(factsOf);
  const audience = recipient ? await MeetingAudience.forOrganisation(ctx, recipient, facts) : await MeetingAudience.ofRequest(ctx, facts, submissions);
  const outcomes = audience.viewer === null || meeting.status === MeetingStatus.MINUTES_PUBLISHED;
  const byId = new Map(rows.map((row, index) => [row.id, { row, facts: facts[index]! }]));
  const shown: AgendaItemRow[] = [];
  const items = places.map((place, index) => {
    const read = byId.get(place.id);
    if (!read || !audience.shows(read.facts)) return AgendaItemType.withheldAt(place.id, index + 1);
    shown.push(read.row);
    return AgendaItemType.from(
      read.row,
      index + 1,
      documents.filter((d) => d.itemId === read.row.id),
      outcomes,
      audience.ownSubmission(read.facts),
      names,
    );
  });
  return { items, documents: documents.filter((d) => !d.itemId), shown };
}

/**
 * For staff preparing the agenda: per item, whether each invited partner organisation will see it,
 * by the organisations' names as the meeting lists them (the invitations have no order of their own).
 */
export async function sharingByItem(
  ctx: RequestContext,
  meeting: Pick<MeetingFields, 'invitations'>,
  items: AgendaItemRow[],
): Promise<Map<string, AgendaSharingType[]>> {
  const byItem = new Map<string, AgendaSharingType[]>(items.map((item) => [item.id, []]));
  const facts = items.map(factsOf);
  const organisations = meeting.invitations.map((invitation) => invitation.organisation).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  for (const organisation of organisations) {
    const audience = await MeetingAudience.forOrganisation(ctx, organisation, facts);
    for (const item of items)
      byItem
        .get(item.id)!
        .push(Object.assign(new AgendaSharingType(), { organisation: MeetingOrganisationType.from(organisation), sharing: audience.sharing(factsOf(item)) }));
  }
  return byItem;
}

/** A document back, with its bytes: for staff, or an invited partner when the document's item is shown to it. */
export async function readMeetingDocument(ctx: RequestContext, globalId: string): Promise<MeetingDocument> {
  const document = await findMeetingDocument(ctx, globalId);
  await findMeeting(ctx, toGlobalId('Meeting', document.meeting.id), 'id');
  if (document.item) {
    const item = await ctx.em.findOneOrFail(AgendaItem, { id: document.item.id });
    if (!(await MeetingAudience.ofRequest(ctx, [factsOf(item)])).shows(factsOf(item))) throw errors.notFound(ctx, 'id');
  }
  return document;
}
