import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { arrayLiteral } from './array-literal';

/** Her own file, as jalon_participant_file() returns it (null when the request has no participant). */
export async function readOwnFile(em: EntityManager): Promise<unknown> {
  const [row] = await em.execute<Array<{ file: unknown }>>('select jalon_participant_file() as file');
  return row?.file ?? null;
}

/** Her withdrawal of one of her consents in force: its id, or null when it is not one (rls/functions/jalon_participant_withdraw_consent.sql). */
export async function withdrawOwnConsent(em: EntityManager, consentId: string, now: Date): Promise<string | null> {
  const [row] = await em.execute<Array<{ id: string | null }>>('select jalon_participant_withdraw_consent(?, ?) as id', [consentId, now]);
  return row?.id ?? null;
}

export interface RightsRequestRow {
  id: string;
  version: number;
  participant_id: string;
  first_name: string | null;
  last_name: string | null;
  kind: string;
  message: string;
  created_at: Date;
  due_on: string;
  status: string;
  answer: string | null;
  answered_at: Date | null;
}

/**
 * Her request, unless the same one (kind and text) is still open: a retried submission gives the
 * first back. The insert passes row-level security as her own (rls/tables/rights_request.sql).
 */
export async function insertOwnRightsRequest(
  em: EntityManager,
  request: { participantId: string; tenantId: string; kind: string; message: string; now: Date; dueOn: string },
): Promise<string> {
  const [open] = await em.execute<Array<{ id: string }>>(
    `select id from rights_request where participant_id = ? and kind = ? and message = ? and status = 'OPEN'`,
    [request.participantId, request.kind, request.message],
  );
  if (open) return open.id;
  // The id is made here: the embedded database answers an insert … returning with no rows.
  const id = randomUUID();
  await em.execute(`insert into rights_request (id, created_at, tenant_id, participant_id, kind, message, due_on) values (?, ?, ?, ?, ?, ?, ?)`, [
    id,
    request.now,
    request.tenantId,
    request.participantId,
    request.kind,
    request.message,
    request.dueOn,
  ]);
  return id;
}

/** Where a row of the to-do list sorts: open before answered, then by deadline and arrival (and id). */
export interface RightsRequestSortKey {
  answered: boolean;
  dueOn: string;
  /** The arrival as PostgreSQL writes it in UTC, to the microsecond, so that a page starts exactly after the last row. */
  createdAt: string;
}

/**
 * A page of the tenant's requests for the animation team (their names read through staff
 * row-level security), open ones first by deadline, after a row's sort key and id when given.
 */
export async function listRightsRequests(
  em: EntityManager,
  status: string | null,
  after: { key: RightsRequestSortKey; id: string } | null,
  limit: number,
): Promise<Array<RightsRequestRow & { sort_created_at: string }>> {
  return em.execute(
    `select r.id, r.version, r.participant_id, p.first_name, p.last_name, r.kind, r.message, r.created_at, r.due_on::text as due_on, r.status, r.answer, r.answered_at,
            to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as sort_created_at
       from rights_request r left join participant p on p.id = r.participant_id
      where r.tenant_id = jalon_tenant_id() and (?::text is null or r.status = ?)
        ${after ? `and (r.status = 'ANSWERED', r.due_on, r.created_at, r.id) > (?::boolean, ?::date, (?::timestamp at time zone 'UTC'), ?::uuid)` : ''}
      order by r.status = 'ANSWERED', r.due_on, r.created_at, r.id
      limit ?`,
    [status, status, ...(after ? [after.key.answered, after.key.dueOn, after.key.createdAt, after.id] : []), limit],
  );
}

export async function countRightsRequests(em: EntityManager, status: string | null): Promise<number> {
  const [row] = await em.execute<Array<{ total: number }>>(
    `select count(*)::int as total from rights_request r where r.tenant_id = jalon_tenant_id() and (?::text is null or r.status = ?)`,
    [status, status],
  );
  return row?.total ?? 0;
}

/** Closes a request with its answer, at the version read (null: changed meanwhile, or not found). */
export async function answerRightsRequestRow(
  em: EntityManager,
  answer: { id: string; version: number; text: string; userId: string; now: Date },
): Promise<boolean> {
  const result = await em.execute<{ affectedRows: number }>(
    `update rights_request set status = 'ANSWERED', answer = ?, answered_at = ?, answered_by_id = ?, version = version + 1
      where id = ? and version = ? and status = 'OPEN'`,
    [answer.text, answer.now, answer.userId, answer.id, answer.version],
    'run',
  );
  return result.affectedRows === 1;
}

export async function findRightsRequest(em: EntityManager, id: string): Promise<RightsRequestRow | null> {
  const [row] = await em.execute<RightsRequestRow[]>(
    `select r.id, r.version, r.participant_id, p.first_name, p.last_name, r.kind, r.message, r.created_at, r.due_on::text as due_on, r.status, r.answer, r.answered_at
       from rights_request r left join participant p on p.id = r.participant_id where r.id = ?`,
    [id],
  );
  return row ?? null;
}

/** The active organisations of these kinds in the tenant the transaction is set to. */
export async function activeOrganisationsOfKinds(em: EntityManager, kinds: readonly string[]): Promise<string[]> {
  const rows = await em.execute<Array<{ id: string }>>(
    `select id from organisation where tenant_id = jalon_tenant_id() and active and kind::text = any(?::text[])`,
    [arrayLiteral(kinds)],
  );
  return rows.map((row) => row.id);
}
