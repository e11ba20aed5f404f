import type { EntityManager } from '@mikro-orm/postgresql';
import { TENANT_FILTER } from '../db/orm-options';
import { APP_ROLE } from './app-role';

/** The settings the row-level security policies read (see the migrations). */
export interface RlsSettings {
  tenantId?: string | null;
  userId?: string | null;
  organisationId?: string | null;
  authEmail?: string | null;
  authIp?: string | null;
  sessionToken?: string | null;
  invitationToken?: string | null;
  /** The request acts for a staff organisation (animation team or referent operator), not a partner. */
  staff?: boolean | null;
  /** The participant of a participant's own session (access/participant-session.ts). */
  participantId?: string | null;
  /** The request's clock, so consent validity reads the same instant in SQL and in the API. */
  now?: Date | null;
  /** The retention job: it reads archived files and alone may purge the access log (db/rls/functions/jalon_reads_archives.sql). */
  retentionJob?: boolean | null;
}

const SETTING_NAMES: Record<keyof RlsSettings, string> = {
  tenantId: 'jalon.tenant_id',
  userId: 'jalon.user_id',
  organisationId: 'jalon.organisation_id',
  authEmail: 'jalon.auth_email',
  authIp: 'jalon.auth_ip',
  sessionToken: 'jalon.session_token',
  invitationToken: 'jalon.invitation_token',
  staff: 'jalon.staff',
  participantId: 'jalon.participant_id',
  now: 'jalon.now',
  retentionJob: 'jalon.retention_job',
};

/**
 * Opens the request's transaction as the application role. Every query of the request runs in it,
 * so the RLS settings (transaction-local) hold for exactly this request and no other.
 */
export async function beginRequestTransaction(em: EntityManager): Promise<void> {
  await em.begin();
  await em.execute(`set local role ${APP_ROLE}`);
}

/**
 * Ends a transaction that failed, releasing its connection to the pool. When the failure is the
 * connection itself (a database restart), the rollback fails too: the first error is the one to
 * answer, and an unreleased transaction would keep its connection out of the pool for good.
 */
export async function rollbackAfter(em: EntityManager): Promise<void> {
  await em.rollback().catch(() => undefined);
}

/** Sets RLS settings for the rest of the transaction, and scopes the ORM's tenant filter alike. */
export async function applyRlsSettings(em: EntityManager, settings: RlsSettings): Promise<void> {
  const entries = Object.entries(settings) as Array<[keyof RlsSettings, string | boolean | Date | null | undefined]>;
  if (entries.length === 0) return;
  const sql = entries.map(() => 'set_config(?, ?, true)').join(', ');
  await em.execute(
    `select ${sql}`,
    entries.flatMap(([key, value]) => [
      SETTING_NAMES[key],
      value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value),
    ]),
  );
  if ('tenantId' in settings) filterByTenant(em, settings.tenantId ?? null);
}

/** Scopes the ORM's tenant filter to the request's tenant (row-level security holds it there anyway). */
export function filterByTenant(em: EntityManager, tenantId: string | null): void {
  em.setFilterParams(TENANT_FILTER, { tenantId: tenantId ?? undefined });
}

/** Runs `work` in a transaction of its own with the given settings (writes that outlive a failed request). */
export async function inScopedTransaction<T>(em: EntityManager, settings: RlsSettings, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const fork = em.fork({ clear: true });
  try {
    await beginRequestTransaction(fork);
    await applyRlsSettings(fork, settings);
    const result = await work(fork);
    await fork.commit();
    return result;
  } catch (error) {
    await rollbackAfter(fork);
    throw error;
  }
}
