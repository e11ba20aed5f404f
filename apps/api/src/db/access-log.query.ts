import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from './bound-statement';
import { sqlLiteral } from './end-transaction';

/** One participant's new entry: what was read, and the digest of the entry's content (access/access-log.ts). */
export interface NewAccessLogEntry {
  participantId: string;
  dataClasses: string[];
  purposes: string[];
  /** Why an archived file was opened (the animation team); absent for a partner's read. */
  reason?: string;
  digest: string;
}

/** What every entry of one request shares. */
export interface AccessLogRequest {
  tenantId: string;
  at: Date;
  userId: string;
  organisationId: string;
  requestId: string;
}

const APPEND = 'select jalon_append_access_log(?, ?, ?, ?, ?, ?::jsonb)';

/**
 * Appends a request's entries in one statement: jalon_append_access_log (db/rls/functions) reads the
 * chain's head under a per-tenant lock and chains the new entries' hashes in PostgreSQL. As the
 * application role, with the request's tenant, organisation and user, under the access log's insert
 * policy. In a transaction (an archived file's read), the lock lasts until it ends.
 */
export async function insertAccessLogEntries(em: EntityManager, entries: NewAccessLogEntry[], request: AccessLogRequest): Promise<void> {
  await boundRows(em, APPEND, appendValues(entries, request));
}

/**
 * The same append as text, for a partner's reads: sent in the same round trip as the end of the
 * request's transaction, after it (db/end-transaction.ts, context/request-scope.ts), so the lock
 * lasts this statement only and requests of one PLIE do not queue behind each other's COMMIT.
 */
export function accessLogAppendText(entries: NewAccessLogEntry[], request: AccessLogRequest): string {
  const [tenantId, organisationId, userId, at, requestId, json] = appendValues(entries, request);
  return `select jalon_append_access_log(${sqlLiteral(tenantId)}, ${sqlLiteral(organisationId)}, ${sqlLiteral(userId)}, ${sqlLiteral(at)}, ${sqlLiteral(requestId)}, ${sqlLiteral(json)}::jsonb)`;
}

function appendValues(entries: NewAccessLogEntry[], request: AccessLogRequest): [string, string, string, Date, string, string] {
  return [request.tenantId, request.organisationId, request.userId, request.at, request.requestId, JSON.stringify(entries)];
}

/** An entry as stored, with its place in the chain. */
export interface StoredAccessLogRow {
  seq: string;
  tenant_id: string;
  at: Date;
  user_id: string;
  organisation_id: string;
  participant_id: string;
  data_classes: string[];
  purposes: string[];
  request_id: string;
  reason: string | null;
  previous_hash: string;
  hash: string;
}

/** Every tenant's entries in chain order (run as the tables' owner, past row-level security). */
export function everyAccessLogRow(em: EntityManager): Promise<StoredAccessLogRow[]> {
  return em.execute<StoredAccessLogRow[]>('select * from access_log order by tenant_id, seq');
}

/** Where each tenant's chain starts once its oldest entries are deleted (run as the owner). */
export function accessLogAnchors(em: EntityManager): Promise<Array<{ tenant_id: string; hash: string }>> {
  return em.execute('select tenant_id, hash from access_log_anchor');
}

/** The archived files a user opened, with a reason, since an instant (access/archive-access.ts). */
export async function archivedFilesOpenedBy(em: EntityManager, userId: string, since: Date): Promise<string[]> {
  const rows = await em.execute<Array<{ participant_id: string }>>(
    `select distinct participant_id from access_log where tenant_id = jalon_tenant_id() and user_id = ? and reason is not null and at >= ?`,
    [userId, since],
  );
  return rows.map((row) => row.participant_id);
}

export interface AccessLogRow {
  seq: string;
  at: Date;
  user_name: string;
  organisation_name: string;
  participant_id: string;
  participant_name: string;
  data_classes: string[];
  purposes: string[];
  reason: string | null;
  request_id: string;
}

/** Which entries a reader asks for: one participant and/or one partner organisation. */
export interface AccessLogFilter {
  participantId?: string | null;
  organisationId?: string | null;
}

function whereOf(filter: AccessLogFilter): { where: string; params: unknown[] } {
  const conditions = ['l.tenant_id = jalon_tenant_id()'];
  const params: unknown[] = [];
  if (filter.participantId) {
    conditions.push('l.participant_id = ?');
    params.push(filter.participantId);
  }
  if (filter.organisationId) {
    conditions.push('l.organisation_id = ?');
    params.push(filter.organisationId);
  }
  return { where: conditions.join(' and '), params };
}

/**
 * "Who saw what", newest first, after the entry numbered `afterSeq`. Staff only (row-level
 * security too); the caller checks the participant is readable.
 */
export function readAccessLog(em: EntityManager, filter: AccessLogFilter, afterSeq: string | null, limit: number): Promise<AccessLogRow[]> {
  const { where, params } = whereOf(filter);
  return em.execute<AccessLogRow[]>(
    `select l.seq::text as seq, l.at, u.display_name as user_name, o.name as organisation_name, l.participant_id, p.first_name || ' ' || p.last_name as participant_name,
            l.data_classes, l.purposes, l.reason, l.request_id
       from access_log l join app_user u on u.id = l.user_id join organisation o on o.id = l.organisation_id join participant p on p.id = l.participant_id
      where ${where}${afterSeq ? ' and l.seq < ?' : ''} order by l.seq desc limit ?`,
    [...params, ...(afterSeq ? [afterSeq] : []), limit],
  );
}

export async function countAccessLog(em: EntityManager, filter: AccessLogFilter): Promise<number> {
  const { where, params } = whereOf(filter);
  const [row] = await em.execute<Array<{ total: string }>>(`select count(*)::text as total from access_log l where ${where}`, params);
  return Number(row?.total ?? 0);
}
