import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConsentPurpose, DataClass, IDENTIFICATION, NEVER_SHARED } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { accessLogAnchors, accessLogAppendText, everyAccessLogRow, insertAccessLogEntries } from '../db/access-log.query';

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
  /** Why the animation team opened an archived file (access/archive-access.ts); absent for a partner's read. */
  reason?: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Every class and purpose in the order an entry lists them, so that a request's entries are made in order without a sort each. */
const CLASS_ORDER: readonly string[] = [...Object.values(DataClass), IDENTIFICATION, NEVER_SHARED].sort();
const PURPOSE_ORDER: readonly string[] = Object.values(ConsentPurpose).sort();

/** The members in `order`'s order (sorted, should a member ever be missing from it). */
function inOrderOf(members: ReadonlySet<string>, order: readonly string[]): string[] {
  const list: string[] = [];
  for (let i = 0; i < order.length; i++) if (members.has(order[i]!)) list.push(order[i]!);
  return list.length === members.size ? list : [...members].sort();
}

/** The list in order: itself when it already is (a request's entries are made sorted), else a sorted copy. */
const inOrder = (list: string[]) => (list.every((value, i) => i === 0 || list[i - 1]! <= value) ? list : [...list].sort());

/** The digest of an entry's own content: every field a reviewer relies on. */
function entryDigest(entry: AccessLogEntry): string {
  return sha256(
    JSON.stringify([
      entry.tenantId,
      entry.at.toISOString(),
      entry.userId,
      entry.organisationId,
      entry.participantId,
      inOrder(entry.dataClasses),
      inOrder(entry.purposes),
      entry.requestId,
      // Only entries with a reason hash it, so the entries written before it existed still verify.
      ...(entry.reason ? [entry.reason] : []),
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
 * The statement that records the partner's reads of this request, whatever the number of
 * participants read (null: nothing to record): each entry's digest is computed here, and the
 * statement chains them in PostgreSQL under the log's lock (db/access-log.query.ts). It is sent
 * once the request's transaction is over (context/request-scope.ts), so the lock is released as
 * soon as it ends.
 */
export function partnerReadsAppend(ctx: RequestContext): string | null {
  const membership = ctx.actor?.membership;
  if (!membership || ctx.consent.reads.size === 0) return null;
  const entries = [...ctx.consent.reads].map(([participantId, read]) => {
    const entry: AccessLogEntry = {
      tenantId: membership.tenantId,
      at: ctx.now,
      userId: ctx.actor!.userId,
      organisationId: membership.organisationId,
      participantId,
      dataClasses: inOrderOf(read.classes, CLASS_ORDER),
      purposes: inOrderOf(read.purposes, PURPOSE_ORDER),
      requestId: ctx.requestId,
    };
    return { participantId, dataClasses: entry.dataClasses, purposes: entry.purposes, digest: entryDigest(entry) };
  });
  return accessLogAppendText(entries, {
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

/**
 * Walks every tenant's chain (run as the tables' owner, past row-level security). Once the oldest
 * entries are deleted (their retention is over), a tenant's chain starts from its anchor: the hash
 * of the last entry deleted (db/rls/functions/jalon_purge_access_log.sql).
 */
export async function verifyAccessLog(em: EntityManager): Promise<ChainCheck[]> {
  const rows = await everyAccessLogRow(em);
  const anchors = new Map((await accessLogAnchors(em)).map((anchor) => [anchor.tenant_id, anchor.hash]));
  const checks = new Map<string, ChainCheck & { previous: string }>();
  for (const row of rows) {
    const check = checks.get(row.tenant_id) ?? { tenantId: row.tenant_id, entries: 0, brokenAtSeq: null, previous: anchors.get(row.tenant_id) ?? '' };
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
      reason: row.reason,
    };
    if (row.previous_hash !== check.previous || chainHash(check.previous, entry) !== row.hash) check.brokenAtSeq = String(row.seq);
    check.previous = row.hash;
  }
  return [...checks.values()].map(({ previous: _previous, ...check }) => check);
}

/**
 * Records one read of an archived file by the animation team, with the reason given, in the
 * request's own transaction: the read and its record stand or fall together.
 */
export async function recordArchivedFileRead(em: EntityManager, ctx: RequestContext, participantId: string, reason: string): Promise<void> {
  const membership = ctx.actor!.membership!;
  const entry: AccessLogEntry = {
    tenantId: membership.tenantId,
    at: ctx.now,
    userId: ctx.actor!.userId,
    organisationId: membership.organisationId,
    participantId,
    dataClasses: [...ARCHIVED_FILE_CLASSES].sort(),
    purposes: [ARCHIVE_CONSULTATION],
    requestId: ctx.requestId,
    reason,
  };
  await insertAccessLogEntries(em, [{ participantId, dataClasses: entry.dataClasses, purposes: entry.purposes, reason, digest: entryDigest(entry) }], {
    tenantId: entry.tenantId,
    at: entry.at,
    userId: entry.userId,
    organisationId: entry.organisationId,
    requestId: entry.requestId,
  });
}

/** The purpose an archived file's read is logged under. */
export const ARCHIVE_CONSULTATION = 'ARCHIVE_CONSULTATION';
/** Opening an archived file opens the whole file. */
const ARCHIVED_FILE_CLASSES: string[] = Object.values(DataClass);
