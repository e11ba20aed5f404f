import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context/request-context';
import { everyAccessLogRow, insertAccessLogEntries } from '../db/access-log.query';

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

/**
 * Records the partner's reads of this request in one statement, whatever the number of
 * participants read: each entry's digest is computed here, and the statement chains them in
 * PostgreSQL under the log's lock (db/access-log.query.ts). `em` is outside any transaction: the
 * statement is one of its own, so the lock is released as soon as it ends.
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
    return { participantId, dataClasses: entry.dataClasses, purposes: entry.purposes, digest: entryDigest(entry) };
  });
  await insertAccessLogEntries(em, entries, {
    tenantId: membership.tenantId,
    at: ctx.now,
    userId: ctx.actor!.userId,
    organisationId: membership.organisationId,
    requestId: ctx.requestId,
  });
}

export interface ChainCheck {
  tenantId: string;
  entries: number;
  /** The first entry whose hash or link does not match, if any. */
  brokenAtSeq: string | null;
}

/** Walks every tenant's chain (run as the tables' owner, past row-level security). */
export async function verifyAccessLog(em: EntityManager): Promise<ChainCheck[]> {
  const rows = await everyAccessLogRow(em);
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
