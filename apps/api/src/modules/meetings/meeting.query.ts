import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import type { MeetingKind, MeetingStatus, OrganisationKind, PathwayStatus, ReferralDecision, ReferralStatus } from '@jalon/domain';
import { boundRows } from '../../db/bound-statement';
import type { OwnSubmissionRow } from '../../db/referral-submission.query';
import { Meeting } from './meeting.entity';

/** An organisation as a meeting shows it. */
export interface MeetingOrganisationFields {
  id: string;
  name: string;
  kind: OrganisationKind;
}

/** What the view of an action reads: the entity, or a row of the agenda's statement. */
export interface AgendaActionFields {
  id: string;
  description: string;
  dueOn: string;
  ownerOrganisation: MeetingOrganisationFields;
}

/** What the view of a document reads: the entity, or a row of the agenda's statement. */
export interface MeetingDocumentFields {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: Date;
}

/**
 * An item of the agenda the viewer may read, as the statement gives it. `participant` and
 * `referral` carry the item's ids even when the viewer may not read the person's file or the
 * referral itself (their other fields are then null): a partner reads its own submission instead.
 */
export interface AgendaItemRow {
  id: string;
  version: number;
  question: string;
  /** When the item was put on the agenda. */
  createdAt: Date;
  participant: { id: string; firstName: string | null; lastName: string | null; currentStatus: PathwayStatus | null } | null;
  referral: { id: string; firstName: string | null; lastName: string | null; status: ReferralStatus | null } | null;
  proposedById: string;
  decision: ReferralDecision | null;
  decisionReason: string | null;
  redirectedTo: string | null;
  /** The user of the membership the commission assigned, for her name. */
  assignedReferentUserId: string | null;
  minutes: string | null;
  actions: AgendaActionFields[];
}

export interface AgendaDocumentRow extends MeetingDocumentFields {
  /** Null: a document of the meeting as a whole. */
  itemId: string | null;
}

export interface AgendaRows {
  /** Every item's place, withheld ones included, in agenda order. */
  places: Array<{ id: string; position: number }>;
  /** The items the viewer may read (row-level security leaves out a partner's withheld ones). */
  items: AgendaItemRow[];
  /** The documents the viewer may read, oldest first. */
  documents: AgendaDocumentRow[];
  /** The names of the items' proposers and assigned referents, as the viewer may be shown them. */
  names: Map<string, string>;
  /** The submitting organisation's own submissions of the referrals on the agenda (none without one). */
  submissions: OwnSubmissionRow[];
}

type AgendaRowsAsRead = {
  places: AgendaRows['places'];
  items: Array<Omit<AgendaItemRow, 'createdAt'> & { createdAt: string }>;
  documents: Array<Omit<AgendaDocumentRow, 'uploadedAt'> & { uploadedAt: string }>;
  names: Record<string, string> | null;
  submissions: Array<Omit<OwnSubmissionRow, 'createdAt'> & { createdAt: string }>;
};

/**
 * A meeting's agenda as SQL parts, for the meeting in the CTE `agenda_meeting` and the submitting
 * organisation in `agenda_submitter`: every item's place (jalon_meeting_agenda, which reads no
 * content), the items the viewer may read with their person, referral and actions, the documents,
 * and the submitter's own submissions of the items' referrals (a partner's, which MeetingAudience
 * reads; none for staff). Row-level security applies to every table read: what the viewer may not
 * read is absent or null, never shown. What an audience sees of the items is decided by
 * MeetingAudience.
 */
const AGENDA_ITEMS = `items as (select * from agenda_item where meeting_id in (select id from agenda_meeting))`;
/** The users whose names the agenda shows: the items' proposers and assigned referents. */
const AGENDA_PEOPLE = `select proposed_by_id from items union select m.user_id from items i join membership m on m.id = i.assigned_referent_id`;
const AGENDA_COLUMNS = `coalesce((select json_agg(json_build_object('id', p.id, 'position', p.position) order by p.position, p.id)
      from agenda_meeting a cross join lateral jalon_meeting_agenda(a.id) p), '[]') as places,
    coalesce((select json_agg(json_build_object('id', i.id, 'version', i.version, 'question', i.question, 'createdAt', i.created_at,
        'participant', case when i.participant_id is null then null else json_build_object('id', i.participant_id,
          'firstName', pa.first_name, 'lastName', pa.last_name, 'currentStatus', pa.current_status) end,
        'referral', case when i.referral_id is null then null else json_build_object('id', i.referral_id,
          'firstName', r.first_name, 'lastName', r.last_name, 'status', r.status) end,
        'proposedById', i.proposed_by_id, 'decision', i.decision, 'decisionReason', i.decision_reason, 'redirectedTo', i.redirected_to,
        'assignedReferentUserId', ar.user_id, 'minutes', i.minutes,
        'actions', coalesce((select json_agg(json_build_object('id', a.id, 'description', a.description, 'dueOn', a.due_on,
            'ownerOrganisation', json_build_object('id', o.id, 'name', o.name, 'kind', o.kind)) order by a.created_at, a.id)
          from agenda_action a join organisation o on o.id = a.owner_organisation_id where a.item_id = i.id), '[]')))
      from items i
        left join participant pa on pa.id = i.participant_id
        left join referral r on r.id = i.referral_id
        left join membership ar on ar.id = i.assigned_referent_id), '[]') as items,
    coalesce((select json_agg(json_build_object('id', d.id, 'itemId', d.item_id, 'fileName', d.file_name, 'contentType', d.content_type,
        'sizeBytes', d.size_bytes, 'uploadedAt', d.uploaded_at) order by d.uploaded_at, d.id)
      from meeting_document d where d.meeting_id in (select id from agenda_meeting)), '[]') as documents,
    coalesce((select json_agg(json_build_object('referralId', s.referral_id, 'createdAt', s.created_at, 'firstName', s.first_name,
        'lastName', s.last_name, 'status', s.status))
      from referral_submission s where s.referral_id in (select referral_id from items) and s.organisation_id = (select id from agenda_submitter)), '[]') as submissions`;

type AgendaColumnsAsRead = Omit<AgendaRowsAsRead, 'names'>;

function agendaRowsFrom(read: AgendaColumnsAsRead, names: Map<string, string>): AgendaRows {
  return {
    places: read.places,
    items: read.items.map((item) => Object.assign(item, { createdAt: new Date(item.createdAt) })),
    documents: read.documents.map((document) => Object.assign(document, { uploadedAt: new Date(document.uploadedAt) })),
    names,
    submissions: read.submissions.map((submission) => Object.assign(submission, { createdAt: new Date(submission.createdAt) })),
  };
}

/**
 * A meeting's agenda in one SQL statement, as plain rows (AGENDA_COLUMNS), with the names of the
 * items' proposers and assigned referents (jalon_user_names, as userNames() reads them); `submitter`
 * is a partner's organisation, null for staff. PostgreSQL builds the JSON, so the agenda costs one
 * round trip and no entity in MikroORM's unit of work (issue 15: hydrating and registering them was
 * most of the agenda's CPU). The `meeting` query reads it with the meeting instead (meetingRowOf).
 */
export async function agendaRowsOf(em: EntityManager, meetingId: string, submitter: string | null): Promise<AgendaRows> {
  const [result] = await boundRows<AgendaRowsAsRead>(
    em,
    `with agenda_meeting as (select ?::uuid as id), agenda_submitter as (select ?::uuid as id), ${AGENDA_ITEMS},
      people as (select * from jalon_user_names(array(${AGENDA_PEOPLE})))
    select ${AGENDA_COLUMNS}, (select json_object_agg(p.id, p.display_name) from people p) as names`,
    [meetingId, submitter],
  );
  return agendaRowsFrom(result!, new Map(Object.entries(result!.names ?? {})));
}

/** What the view of a meeting reads: a row of meetingRowOf, or the entity (meetingFieldsOf). */
export interface MeetingFields {
  id: string;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  videoLink: string | null;
  status: MeetingStatus;
  version: number;
  minutes: string | null;
  minutesPublishedAt: Date | null;
  organiser: { id: string };
  invitations: Array<{ organisation: MeetingOrganisationFields }>;
  invitees: Array<{ user: { id: string }; organisation: MeetingOrganisationFields }>;
}

type MeetingRowAsRead = Omit<MeetingFields, 'startsAt' | 'endsAt' | 'minutesPublishedAt'> & {
  startsAt: string;
  endsAt: string;
  minutesPublishedAt: string | null;
};

/**
 * The meeting `where` names (its id and the viewer's readableMeetings condition), with the
 * organisations and people invited and their names (the organiser's and the invitees', from
 * jalon_user_names as userNames() reads them), in one SQL statement and no entity; null when the
 * viewer may not read it. Row-level security applies to every table read. With `agendaFor`, the
 * same statement reads the meeting's agenda as agendaRowsOf does, for the meeting found only, and
 * the names of both in one call: the `meeting` query asking for its agenda then costs one round
 * trip, and the meeting's check and the names are not read twice (issue 15).
 */
export async function meetingRowOf(
  em: EntityManager,
  where: QBFilterQuery<Meeting>,
  agendaFor?: { submitter: string | null },
): Promise<{ meeting: MeetingFields; names: Map<string, string>; agenda: AgendaRows | null } | null> {
  const found = em.createQueryBuilder(Meeting, 'm').select('m.id').where(where).getKnexQuery().toSQL();
  const agenda = agendaFor
    ? {
        ctes: `agenda_meeting as (select id from found), agenda_submitter as (select ?::uuid as id), ${AGENDA_ITEMS},`,
        people: ` union ${AGENDA_PEOPLE}`,
        columns: `, ${AGENDA_COLUMNS}`,
      }
    : { ctes: '', people: '', columns: '' };
  const [result] = await boundRows<{ meeting: MeetingRowAsRead; names: Record<string, string> | null } & Partial<AgendaColumnsAsRead>>(
    em,
    `with found as (${found.sql}),
      invitees as (select i.meeting_id, i.user_id, o.id as organisation_id, o.name, o.kind
        from meeting_invitee i join organisation o on o.id = i.organisation_id where i.meeting_id in (select id from found)),
      ${agenda.ctes}
      people as (select * from jalon_user_names(array(select m.organiser_id from meeting m where m.id in (select id from found)
        union select user_id from invitees${agenda.people})))
    select json_build_object('id', m.id, 'kind', m.kind, 'title', m.title, 'startsAt', m.starts_at, 'endsAt', m.ends_at, 'place', m.place,
        'videoLink', m.video_link, 'status', m.status, 'version', m.version, 'minutes', m.minutes, 'minutesPublishedAt', m.minutes_published_at,
        'organiser', json_build_object('id', m.organiser_id),
        'invitations', coalesce((select json_agg(json_build_object('organisation', json_build_object('id', o.id, 'name', o.name, 'kind', o.kind)))
          from meeting_invitation i join organisation o on o.id = i.organisation_id where i.meeting_id = m.id), '[]'),
        'invitees', coalesce((select json_agg(json_build_object('user', json_build_object('id', i.user_id),
            'organisation', json_build_object('id', i.organisation_id, 'name', i.name, 'kind', i.kind)))
          from invitees i where i.meeting_id = m.id), '[]')) as meeting,
      (select json_object_agg(p.id, p.display_name) from people p) as names${agenda.columns}
    from meeting m where m.id in (select id from found)`,
    agendaFor ? [...found.bindings, agendaFor.submitter] : [...found.bindings],
  );
  if (!result) return null;
  const meeting = Object.assign(result.meeting, {
    startsAt: new Date(result.meeting.startsAt),
    endsAt: new Date(result.meeting.endsAt),
    minutesPublishedAt: result.meeting.minutesPublishedAt === null ? null : new Date(result.meeting.minutesPublishedAt),
  });
  const names = new Map(Object.entries(result.names ?? {}));
  return { meeting, names, agenda: agendaFor ? agendaRowsFrom(result as AgendaColumnsAsRead, names) : null };
}

/** The same fields from the entity (the list and the mutations read entities). */
export function meetingFieldsOf(meeting: Meeting): MeetingFields {
  return {
    id: meeting.id,
    kind: meeting.kind,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    place: meeting.place ?? null,
    videoLink: meeting.videoLink ?? null,
    status: meeting.status,
    version: meeting.version,
    minutes: meeting.minutes ?? null,
    minutesPublishedAt: meeting.minutesPublishedAt ?? null,
    organiser: meeting.organiser,
    invitations: meeting.invitations.getItems(),
    invitees: meeting.invitees.getItems(),
  };
}
