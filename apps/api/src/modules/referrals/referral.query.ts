import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import type { PathwayStatus } from '@jalon/domain';
import { boundRows } from '../../db/bound-statement';
import type { Cursor } from '../../graphql/pagination';
import { Referral } from './referral.entity';
import type { AttachmentFields, ReferralFields, SubmissionFields } from './referral.type';
import { arrayLiteral } from '../../db/array-literal';

/**
 * The open referral of the person with this search key and birth date, if any (jalon_open_referral):
 * it may be another partner's, which the caller cannot read, so it is asked by name and birth date only.
 */
export async function openReferralOf(em: EntityManager, searchKey: string, birthDate: string): Promise<string | null> {
  const [row] = await em.execute<Array<{ id: string | null }>>('select jalon_open_referral(?, ?::date) as id', [searchKey, birthDate]);
  return row?.id ?? null;
}

/** Where the pathway each of these accepted referrals opened stands, by referral id (jalon_referral_pathway_statuses). */
export async function pathwayStatusesOfReferrals(em: EntityManager, referralIds: readonly string[]): Promise<Map<string, PathwayStatus>> {
  const rows = await em.execute<Array<{ referral_id: string; status: PathwayStatus }>>('select * from jalon_referral_pathway_statuses(?::uuid[])', [
    arrayLiteral(referralIds),
  ]);
  return new Map(rows.map((row) => [row.referral_id, row.status]));
}

/** A referral of the inbox, with what its page shows of it: its submissions, attachments and where its pathway stands. */
export type InboxRow = ReferralFields & {
  participant: { id: string } | null;
  pathwayStatus: PathwayStatus | null;
  submissions: SubmissionFields[];
  attachments: AttachmentFields[];
};

/** A row as the statement gives it: timestamps as JSON strings. */
type InboxRowAsRead = Omit<InboxRow, 'receivedAt' | 'decidedAt' | 'submissions' | 'attachments'> & {
  receivedAt: string;
  decidedAt: string | null;
  submissions: Array<Omit<SubmissionFields, 'submittedAt'> & { submittedAt: string }>;
  attachments: Array<Omit<AttachmentFields, 'uploadedAt'> & { uploadedAt: string }>;
};

/**
 * A page of the staff's referrals inbox (newest first), its total, each referral's submissions
 * and attachments, where the pathway of an accepted one stands, and the submissions' authors'
 * names, in one SQL statement: PostgreSQL builds the JSON, so a page of 50 costs one round trip
 * and no entity in MikroORM's unit of work (issue 15: the unit of work's registering and
 * snapshots were most of the inbox's CPU). `where` is the list's ORM condition (its filters);
 * row-level security applies to every table read, and the pathway statuses and names come from
 * the same functions the entity path uses (jalon_referral_pathway_statuses, jalon_user_names),
 * each called once for the page (`statuses` is materialized: inlined, its function ran per row).
 */
export async function inboxPage(
  em: EntityManager,
  where: QBFilterQuery<Referral>,
  after: Cursor | null,
  limit: number,
): Promise<{ rows: InboxRow[]; totalCount: number; names: Map<string, string> }> {
  const matching = em.createQueryBuilder(Referral, 'r').select(['r.id', 'r.receivedAt']).where(where).getKnexQuery().toSQL();
  const [result] = await boundRows<{ total: number; nodes: InboxRowAsRead[]; names: Record<string, string> | null }>(
    em,
    `with matching as (${matching.sql}),
      page as (select id, received_at from matching ${after ? 'where (received_at, id) < (?::timestamptz, ?::uuid)' : ''} order by received_at desc, id desc limit ?),
      statuses as materialized (select * from jalon_referral_pathway_statuses(array(select r.id from page join referral r on r.id = page.id where r.status = 'ACCEPTED'))),
      authors as (select * from jalon_user_names(array(select distinct s.author_id from referral_submission s where s.referral_id in (select id from page))))
    select (select count(*) from matching)::int as total,
      coalesce((select json_agg(json_build_object('id', r.id, 'firstName', r.first_name, 'lastName', r.last_name, 'birthDate', r.birth_date,
          'gender', r.gender, 'phone', r.phone, 'email', r.email, 'addressLine', r.address_line, 'postcode', r.postcode, 'communeCode', r.commune_code,
          'priorityDistrictCode', r.priority_district_code, 'status', r.status, 'receivedAt', r.received_at, 'decidedAt', r.decided_at,
          'decisionReason', r.decision_reason, 'redirectedTo', r.redirected_to, 'version', r.version,
          'participant', case when r.participant_id is null then null else json_build_object('id', r.participant_id) end,
          'pathwayStatus', (select st.status from statuses st where st.referral_id = r.id),
          'submissions', coalesce((select json_agg(json_build_object('id', s.id, 'organisation', json_build_object('name', so.name),
              'author', json_build_object('id', s.author_id), 'submittedAt', s.submitted_at, 'situation', s.situation, 'reason', s.reason,
              'expectations', s.expectations, 'agreementMethod', s.agreement_method, 'agreedOn', s.agreed_on, 'witness', s.witness)
            order by s.submitted_at, s.id)
            from referral_submission s join organisation so on so.id = s.organisation_id where s.referral_id = r.id), '[]'),
          'attachments', coalesce((select json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'contentType', a.content_type,
              'sizeBytes', a.size_bytes, 'uploadedAt', a.uploaded_at, 'organisation', json_build_object('name', ao.name)) order by a.uploaded_at, a.id)
            from referral_attachment a join organisation ao on ao.id = a.organisation_id where a.referral_id = r.id), '[]'))
          order by page.received_at desc, page.id desc)
        from page join referral r on r.id = page.id), '[]') as nodes,
      (select json_object_agg(a.id, a.display_name) from authors a) as names`,
    [...matching.bindings, ...(after ? [after.key, after.id] : []), limit],
  );
  const rows = result!.nodes.map((row) =>
    Object.assign(row, {
      receivedAt: new Date(row.receivedAt),
      decidedAt: row.decidedAt === null ? null : new Date(row.decidedAt),
      submissions: row.submissions.map((submission) => Object.assign(submission, { submittedAt: new Date(submission.submittedAt) })),
      attachments: row.attachments.map((attachment) => Object.assign(attachment, { uploadedAt: new Date(attachment.uploadedAt) })),
    }),
  );
  return { rows, totalCount: result!.total, names: new Map(Object.entries(result!.names ?? {})) };
}
