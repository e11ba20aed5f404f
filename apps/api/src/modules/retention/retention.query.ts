import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_RETENTION_POLICY, type RetentionFacts, type RetentionPolicy } from '@jalon/domain';
import { arrayLiteral } from '../../db/array-literal';

/** The tenant's policy as stored (version 0: never set, the defaults apply). */
export interface StoredRetentionPolicy extends RetentionPolicy {
  version: number;
  updatedAt: Date | null;
}

export async function readRetentionPolicy(em: EntityManager): Promise<StoredRetentionPolicy> {
  const [row] = await em.execute<Array<StoredRetentionPolicy>>(
    `select archive_after_months as "archiveAfterMonths", anonymise_after_years as "anonymiseAfterYears", access_log_months as "accessLogMonths",
            version, updated_at as "updatedAt"
       from retention_policy where tenant_id = jalon_tenant_id()`,
  );
  return row ?? { ...DEFAULT_RETENTION_POLICY, version: 0, updatedAt: null };
}

/**
 * Saves the policy if it is still at `version` (0: never saved): false when someone saved it in
 * between (the caller answers CONFLICT). Row-level security: the tenant's administrator only.
 */
export async function saveRetentionPolicy(em: EntityManager, policy: RetentionPolicy, version: number, by: string, at: Date): Promise<boolean> {
  const values = [policy.archiveAfterMonths, policy.anonymiseAfterYears, policy.accessLogMonths, at, by];
  const result =
    version === 0
      ? await em.execute<{ affectedRows: number }>(
          `insert into retention_policy (tenant_id, archive_after_months, anonymise_after_years, access_log_months, updated_at, updated_by_id)
           values (jalon_tenant_id(), ?, ?, ?, ?, ?) on conflict (tenant_id) do nothing`,
          values,
          'run',
        )
      : await em.execute<{ affectedRows: number }>(
          `update retention_policy set archive_after_months = ?, anonymise_after_years = ?, access_log_months = ?, updated_at = ?, updated_by_id = ?, version = version + 1
            where tenant_id = jalon_tenant_id() and version = ?`,
          [...values, version],
          'run',
        );
  return result.affectedRows > 0;
}

/** One file the rules look at, with its name (the dry run lists it for the animation team). */
export interface RetentionCandidate extends RetentionFacts {
  participantId: string;
  name: string;
  birthDate: string;
  entryDates: string[];
}

/**
 * The files the run of `today` may act on, with the facts the rules (packages/domain retention.ts)
 * decide on: every archived file not yet anonymised, and the closed files (every pathway closed)
 * whose last closing is old enough to be near the archive date (the rules decide to the day). A
 * pathway's closing day: its recorded day, else its exit (pathways closed before it was recorded),
 * else its referral (closed without entering). With `onlyParticipantId`: that file, whatever its state (an erasure).
 */
export function retentionCandidates(em: EntityManager, today: string, archiveAfterMonths: number, onlyParticipantId?: string): Promise<RetentionCandidate[]> {
  return em.execute<RetentionCandidate[]>(
    `select p.id as "participantId", p.first_name || ' ' || p.last_name as name, to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate",
            to_char(p.archived_on, 'YYYY-MM-DD') as "archivedOn", to_char(p.anonymised_on, 'YYYY-MM-DD') as "anonymisedOn",
            case when bool_and(pw.status = 'CLOSED') then to_char(max(coalesce(pw.closed_on, pw.exit_date, pw.referral_date)), 'YYYY-MM-DD') end as "lastClosedOn",
            coalesce(array_agg(distinct to_char(o.last_payment_on, 'YYYY-MM-DD')) filter (where o.id is not null), '{}') as "operationsLastPaymentOn",
            coalesce(array_agg(to_char(pw.entry_date, 'YYYY-MM-DD')) filter (where pw.entry_date is not null), '{}') as "entryDates"
       from participant p join pathway pw on pw.participant_id = p.id
       left join esf_record r on r.pathway_id = pw.id left join esf_operation o on o.id = r.operation_id
      where p.tenant_id = jalon_tenant_id() ${onlyParticipantId ? 'and p.id = ?' : 'and p.anonymised_on is null'}
      group by p.id
     having p.archived_on is not null ${
       onlyParticipantId
         ? 'or true'
         : `or (bool_and(pw.status = 'CLOSED')
            and max(coalesce(pw.closed_on, pw.exit_date, pw.referral_date)) <= (?::date - make_interval(months => ?))::date + 3)`
     }
      order by p.last_name, p.first_name, p.id`,
    onlyParticipantId ? [onlyParticipantId] : [today, archiveAfterMonths],
  );
}

/** A uuid list as one bound parameter (an array parameter would be spread as a list of values). */

/** Moves files to the intermediate archive (the retention job's or an erasure's transaction). */
export async function archiveFiles(em: EntityManager, participantIds: string[], today: string): Promise<void> {
  if (participantIds.length === 0) return;
  await em.execute(
    `update participant set archived_on = ?, updated_at = now() where tenant_id = jalon_tenant_id() and archived_on is null and id = any(?::uuid[])`,
    [today, arrayLiteral(participantIds)],
  );
  // An archived file is out of her own space too: her sessions end and her unused codes die (a code
  // issued later is refused by db/rls/functions/jalon_redeem_participant_code.sql).
  await em.execute(`update participant_session set revoked_at = now() where participant_id = any(?::uuid[]) and revoked_at is null`, [
    arrayLiteral(participantIds),
  ]);
  await em.execute(`update participant_access_code set revoked_at = now() where participant_id = any(?::uuid[]) and used_at is null and revoked_at is null`, [
    arrayLiteral(participantIds),
  ]);
}

/** Anonymises archived files (db/rls/functions/jalon_anonymise_participants.sql); returns how many. */
export async function anonymiseFiles(em: EntityManager, people: Array<{ id: string; birthDate: string }>, today: string): Promise<number> {
  if (people.length === 0) return 0;
  const [row] = await em.execute<Array<{ done: number }>>('select jalon_anonymise_participants(?::jsonb, ?) as done', [JSON.stringify(people), today]);
  return Number(row?.done ?? 0);
}

/** How many access-log entries are older than the cutoff (the dry run). */
export async function countAccessLogBefore(em: EntityManager, cutoff: Date): Promise<number> {
  const [row] = await em.execute<Array<{ total: string }>>('select count(*)::text as total from access_log where tenant_id = jalon_tenant_id() and at < ?', [
    cutoff,
  ]);
  return Number(row?.total ?? 0);
}

/** Deletes the entries older than the cutoff, anchoring the chain (db/rls/functions/jalon_purge_access_log.sql). */
export async function purgeAccessLog(em: EntityManager, cutoff: Date): Promise<{ deleted: number; anchorSeq: string | null }> {
  const [row] = await em.execute<Array<{ deleted: number; anchor_seq: string | null }>>('select * from jalon_purge_access_log(?)', [cutoff]);
  return { deleted: Number(row?.deleted ?? 0), anchorSeq: row?.anchor_seq ?? null };
}

export type RetentionRunKind = 'DAILY' | 'ERASURE';

export interface NewRetentionRun {
  id: string;
  kind: RetentionRunKind;
  at: Date;
  day: string;
  byId: string | null;
  reason: string | null;
  archivedIds: string[];
  anonymisedIds: string[];
  accessLogDeleted: number;
  accessLogAnchorSeq: string | null;
}

export async function insertRetentionRun(em: EntityManager, run: NewRetentionRun): Promise<void> {
  await em.execute(
    `insert into retention_run (id, tenant_id, kind, at, day, by_id, reason, archived_ids, anonymised_ids, access_log_deleted, access_log_anchor_seq)
     values (?, jalon_tenant_id(), ?, ?, ?, ?, ?, ?::uuid[], ?::uuid[], ?, ?)`,
    [
      run.id,
      run.kind,
      run.at,
      run.day,
      run.byId,
      run.reason,
      arrayLiteral(run.archivedIds),
      arrayLiteral(run.anonymisedIds),
      run.accessLogDeleted,
      run.accessLogAnchorSeq,
    ],
  );
}

/** Whether the daily run of this day is already recorded (another instance did it). */
export async function dailyRunDone(em: EntityManager, day: string): Promise<boolean> {
  const [row] = await em.execute<Array<{ done: boolean }>>(
    `select exists (select 1 from retention_run where tenant_id = jalon_tenant_id() and kind = 'DAILY' and day = ?) as done`,
    [day],
  );
  return Boolean(row?.done);
}

/** Takes the tenant's retention lock for the transaction, or answers false at once when another run holds it. */
export async function tryRetentionLock(em: EntityManager): Promise<boolean> {
  const [row] = await em.execute<Array<{ locked: boolean }>>(
    `select pg_try_advisory_xact_lock(hashtextextended('retention:' || jalon_tenant_id()::text, 0)) as locked`,
  );
  return Boolean(row?.locked);
}

/** Waits for the tenant's retention lock (an erasure waits for a run under way, then acts alone). */
export async function waitRetentionLock(em: EntityManager): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtextextended('retention:' || jalon_tenant_id()::text, 0))`);
}

/** The tenants whose daily run of this day is not recorded yet (db/rls/functions/jalon_tenants_due_retention.sql). */
export async function tenantsDueRetention(em: EntityManager, day: string): Promise<string[]> {
  const rows = await em.execute<Array<{ tenant_id: string }>>('select tenant_id from jalon_tenants_due_retention(?)', [day]);
  return rows.map((row) => row.tenant_id);
}

export interface RetentionRunRow {
  id: string;
  kind: RetentionRunKind;
  at: Date;
  day: string;
  byName: string | null;
  reason: string | null;
  archived: Array<{ id: string; name: string }>;
  anonymised: Array<{ id: string; name: string }>;
  accessLogDeleted: number;
}

/** The runs, latest first, after the cursor's (at, id), with the files each moved (the animation team reads archived files). */
export function retentionRuns(em: EntityManager, after: { key: string; id: string } | null, limit: number, onlyId?: string): Promise<RetentionRunRow[]> {
  return em.execute<RetentionRunRow[]>(
    `select r.id, r.kind, r.at, to_char(r.day, 'YYYY-MM-DD') as day, u.display_name as "byName", r.reason, r.access_log_deleted as "accessLogDeleted",
            coalesce((select json_agg(json_build_object('id', p.id, 'name', p.first_name || ' ' || p.last_name) order by p.last_name) from participant p where p.id = any(r.archived_ids)), '[]') as archived,
            coalesce((select json_agg(json_build_object('id', p.id, 'name', p.first_name || ' ' || p.last_name) order by p.last_name) from participant p where p.id = any(r.anonymised_ids)), '[]') as anonymised
       from retention_run r left join app_user u on u.id = r.by_id
      where r.tenant_id = jalon_tenant_id() ${after ? 'and (r.at, r.id) < (?::timestamptz, ?::uuid)' : ''} ${onlyId ? 'and r.id = ?' : ''}
      order by r.at desc, r.id desc limit ?`,
    [...(after ? [after.key, after.id] : []), ...(onlyId ? [onlyId] : []), limit],
  );
}

export interface ArchivedFileRow {
  id: string;
  name: string;
  birthYear: number;
  archivedOn: string;
  anonymisedOn: string | null;
  lastClosedOn: string | null;
}

/** The archived files, last archived first, after the cursor's (archived_on, id); search on the name key. */
export function archivedFiles(em: EntityManager, search: string, after: { key: string; id: string } | null, limit: number): Promise<ArchivedFileRow[]> {
  return em.execute<ArchivedFileRow[]>(
    `select p.id, p.first_name || ' ' || p.last_name as name, extract(year from p.birth_date)::int as "birthYear",
            to_char(p.archived_on, 'YYYY-MM-DD') as "archivedOn", to_char(p.anonymised_on, 'YYYY-MM-DD') as "anonymisedOn",
            (select to_char(max(coalesce(pw.closed_on, pw.exit_date, pw.referral_date)), 'YYYY-MM-DD') from pathway pw where pw.participant_id = p.id) as "lastClosedOn"
       from participant p
      where p.tenant_id = jalon_tenant_id() and p.archived_on is not null ${search ? 'and p.search_key like ?' : ''}
            ${after ? 'and (p.archived_on, p.id) < (?::date, ?::uuid)' : ''}
      order by p.archived_on desc, p.id desc limit ?`,
    [...(search ? [search] : []), ...(after ? [after.key, after.id] : []), limit],
  );
}

export async function countArchivedFiles(em: EntityManager, search: string): Promise<number> {
  const [row] = await em.execute<Array<{ total: string }>>(
    `select count(*)::text as total from participant p where p.tenant_id = jalon_tenant_id() and p.archived_on is not null ${search ? 'and p.search_key like ?' : ''}`,
    search ? [search] : [],
  );
  return Number(row?.total ?? 0);
}

export async function countRetentionRuns(em: EntityManager): Promise<number> {
  const [row] = await em.execute<Array<{ total: string }>>('select count(*)::text as total from retention_run where tenant_id = jalon_tenant_id()');
  return Number(row?.total ?? 0);
}

/** Whether a file of the tenant is in the intermediate archive (anonymised or not). */
export async function isArchived(em: EntityManager, participantId: string): Promise<boolean> {
  const [row] = await em.execute<Array<{ archived: boolean }>>(
    'select archived_on is not null as archived from participant where tenant_id = jalon_tenant_id() and id = ?',
    [participantId],
  );
  return Boolean(row?.archived);
}
