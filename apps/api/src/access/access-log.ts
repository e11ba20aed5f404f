import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context/request-context';

/** One row of the access log, as hashed: every field a reviewer relies on is covered. */
export interface AccessLogEntry {
  tenantId: string;
  at: Date;
  userId: string;
  organisationId: string;
  participantId: string;
  dataClasses: string[];
  purposes: string[];
  requestId: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The digest of an entry's own content: every field a reviewer relies on. */
function entryDigest(entry: AccessLogEntry): string {
  return sha256(
    JSON.stringify([
      entry.tenantId,
      entry.at.toISOString(),
      entry.userId,
      entry.organisationId,
      entry.participantId,
      [...entry.dataClasses].sort(),
      [...entry.purposes].sort(),
      entry.requestId,
    ]),
  );
}

/**
 * Each entry's hash covers the previous one's, so altering or removing any entry breaks every
 * later link. The insert below computes the same in SQL: sha256(previous hash ‖ entry digest).
 */
export function chainHash(previousHash: string, entry: AccessLogEntry): string {
  return sha256(previousHash + entryDigest(entry));
}

/** An array parameter as PostgreSQL's literal (the query builder would spread a JS array into a list); values are enum names. */
function pgArray(values: string[]): string {
  return `{${values.join(',')}}`;
}

/**
 * Records the partner's reads of this request in one statement, whatever the number of
 * participants read: the chain's head is read under a per-tenant lock (jalon_access_log_head), and
 * a recursive query chains the new entries' hashes in PostgreSQL, so no second round trip waits
 * on the lock. The insert runs as the application role, under the access log's insert policy.
 */
export async function recordPartnerReads(em: EntityManager, ctx: RequestContext): Promise<void> {
  const membership = ctx.actor?.membership;
  if (!membership || ctx.consent.reads.size === 0) return;
  const entries = [...ctx.consent.reads].map(([participantId, read]) => {
    const entry: AccessLogEntry = {
      tenantId: membership.tenantId,
      at: ctx.now,
      userId: ctx.actor!.userId,
      organisationId: membership.organisationId,
      participantId,
      dataClasses: [...read.classes].sort(),
      purposes: [...read.purposes].sort(),
      requestId: ctx.requestId,
    };
    return { participantId, dataClasses: pgArray(entry.dataClasses), purposes: pgArray(entry.purposes), digest: entryDigest(entry) };
  });
  await em.execute(
    `with recursive entry as (select n, e from jsonb_array_elements(?::jsonb) with ordinality as t(e, n)),
      chain as (select 0::bigint as n, null::text as previous, jalon_access_log_head() as hash, null::jsonb as e
        union all
        select c.n + 1, c.hash, encode(sha256(convert_to(c.hash || (x.e->>'digest'), 'UTF8')), 'hex'), x.e from chain c join entry x on x.n = c.n + 1)
    insert into access_log (tenant_id, at, user_id, organisation_id, participant_id, data_classes, purposes, request_id, previous_hash, hash)
      select ?::uuid, ?::timestamptz, ?::uuid, ?::uuid, (e->>'participantId')::uuid, (e->>'dataClasses')::text[], (e->>'purposes')::text[], ?, previous, hash
        from chain where n > 0 order by n`,
    [JSON.stringify(entries), membership.tenantId, ctx.now, ctx.actor!.userId, membership.organisationId, ctx.requestId],
  );
}

export interface ChainCheck {
  tenantId: string;
  entries: number;
  /** The first entry whose hash or link does not match, if any. */
  brokenAtSeq: string | null;
}

/** Walks every tenant's chain (run as the tables' owner, past row-level security). */
export async function verifyAccessLog(em: EntityManager): Promise<ChainCheck[]> {
  const rows = await em.execute<
    Array<{
      seq: string;
      tenant_id: string;
      at: Date;
      user_id: string;
      organisation_id: string;
      participant_id: string;
      data_classes: string[];
      purposes: string[];
      request_id: string;
      previous_hash: string;
      hash: string;
    }>
  >('select * from access_log order by tenant_id, seq');
  const checks = new Map<string, ChainCheck & { previous: string }>();
  for (const row of rows) {
    const check = checks.get(row.tenant_id) ?? { tenantId: row.tenant_id, entries: 0, brokenAtSeq: null, previous: '' };
    checks.set(row.tenant_id, check);
    check.entries++;
    if (check.brokenAtSeq) continue;
    const entry: AccessLogEntry = {
      tenantId: row.tenant_id,
      at: new Date(row.at),
      userId: row.user_id,
      organisationId: row.organisation_id,
      participantId: row.participant_id,
      dataClasses: row.data_classes,
      purposes: row.purposes,
      requestId: row.request_id,
    };
    if (row.previous_hash !== check.previous || chainHash(check.previous, entry) !== row.hash) check.brokenAtSeq = String(row.seq);
    check.previous = row.hash;
  }
  return [...checks.values()].map(({ previous: _previous, ...check }) => check);
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
            l.data_classes, l.purposes, l.request_id
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
