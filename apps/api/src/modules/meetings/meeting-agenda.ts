import { MeetingStatus } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { type AgendaFacts, MeetingAudience } from '../../access/meeting-access';
import type { Organisation } from '../organisations/organisation.entity';
import { userNames } from '../../db/user-names.query';
import { errors } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/relay';
import { AgendaItem, type Meeting, type MeetingDocument } from './meeting.entity';
import { agendaPlaces, documentsOf, findMeeting, findMeetingDocument, itemsOf } from './meeting.service';
import { AgendaItemType, AgendaSharingType, MeetingOrganisationType } from './meeting.type';

export function factsOf(item: AgendaItem): AgendaFacts {
  return { participantId: item.participant?.id ?? null, referralId: item.referral?.id ?? null, addedAt: item.createdAt };
}

/** The people a meeting names (its organiser and invitees): their names come from userNames(). */
export function peopleOf(meeting: Meeting): string[] {
  return [meeting.organiser.id, ...meeting.invitees.getItems().map((invitee) => invitee.user.id)];
}

export interface AgendaView {
  items: AgendaItemType[];
  /** The documents of the meeting as a whole (those of an item are on the item). */
  documents: MeetingDocument[];
  /** The items as read from the database, for the shown ones. */
  shown: AgendaItem[];
}

/**
 * The agenda as one audience sees it: the request's viewer, or (staff) one invited organisation,
 * for its copy of the minutes. Every item keeps its place; those the audience may not see are
 * withheld, with their documents. Decisions, minutes and actions show to staff, and to partners
 * once the minutes are published.
 */
export async function agendaFor(ctx: RequestContext, meeting: Meeting, recipient: Organisation | null = null): Promise<AgendaView> {
  // One after the other: the request's queries share one connection (its transaction).
  const rows = await itemsOf(ctx, meeting);
  const places = await agendaPlaces(ctx, meeting);
  const documents = await documentsOf(ctx, meeting);
  const facts = rows.map(factsOf);
  const audience = recipient ? await MeetingAudience.forOrganisation(ctx, recipient, facts) : await MeetingAudience.ofRequest(ctx, facts);
  const outcomes = audience.viewer === null || meeting.status === MeetingStatus.MINUTES_PUBLISHED;
  const names = await userNames(
    ctx,
    rows.flatMap((row) => [row.proposedBy.id, ...(row.assignedReferent ? [row.assignedReferent.user.id] : [])]),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const shown: AgendaItem[] = [];
  const items = places.map((place, index) => {
    const row = byId.get(place.id);
    if (!row || !audience.shows(factsOf(row))) return AgendaItemType.withheldAt(place.id, index + 1);
    shown.push(row);
    return AgendaItemType.from(
      row,
      index + 1,
      documents.filter((d) => d.item?.id === row.id),
      outcomes,
      audience.ownSubmission(factsOf(row)),
      names,
    );
  });
  return { items, documents: documents.filter((d) => !d.item), shown };
}

/** For staff preparing the agenda: per item, whether each invited partner organisation will see it. */
export async function sharingByItem(ctx: RequestContext, meeting: Meeting, items: AgendaItem[]): Promise<Map<string, AgendaSharingType[]>> {
  const byItem = new Map<string, AgendaSharingType[]>(items.map((item) => [item.id, []]));
  const facts = items.map(factsOf);
  for (const { organisation } of meeting.invitations.getItems()) {
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
