import type { EntityManager } from '@mikro-orm/postgresql';

export interface OpenedParticipantSession {
  id: string;
  participantId: string;
  tenantId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

/** Switches the transaction to the application role and opens a participant's session (rls/functions/jalon_open_participant_session.sql). */
export async function openParticipantSession(em: EntityManager, tokenHash: string, now: Date): Promise<OpenedParticipantSession | null> {
  const [row] = await em.execute<
    Array<{ session_id: string; participant_id: string; tenant_id: string; expires_at: Date; last_seen_at: Date; revoked_at: Date | null }>
  >('select * from jalon_open_participant_session(?, ?)', [tokenHash, now]);
  if (!row) return null;
  return {
    id: row.session_id,
    participantId: row.participant_id,
    tenantId: row.tenant_id,
    expiresAt: new Date(row.expires_at),
    lastSeenAt: new Date(row.last_seen_at),
    revokedAt: row.revoked_at && new Date(row.revoked_at),
  };
}

export async function touchParticipantSession(em: EntityManager, sessionId: string, at: Date): Promise<void> {
  await em.execute('update participant_session set last_seen_at = ? where id = ?', [at, sessionId]);
}

export async function endParticipantSession(em: EntityManager, sessionId: string, at: Date): Promise<void> {
  await em.execute('update participant_session set revoked_at = ? where id = ? and revoked_at is null', [at, sessionId]);
}

/** Spends a code (by its hash) and opens a session: her id, or null for no usable code (rls/functions/jalon_redeem_participant_code.sql). */
export async function redeemAccessCode(
  em: EntityManager,
  codeHash: string,
  delivery: 'PRINTED' | 'EMAIL',
  tokenHash: string,
  now: Date,
  expiresAt: Date,
): Promise<string | null> {
  const [row] = await em.execute<Array<{ participant_id: string | null }>>('select jalon_redeem_participant_code(?, ?, ?, ?, ?) as participant_id', [
    codeHash,
    delivery,
    tokenHash,
    now,
    expiresAt,
  ]);
  return row?.participant_id ?? null;
}

/** Failed code sign-ins from an IP address since `since` (counted in login_attempt under CODE_ATTEMPT_KEY). */
export async function codeFailuresFromIp(em: EntityManager, key: string, ip: string, since: Date): Promise<number> {
  const [row] = await em.execute<Array<{ n: string }>>('select count(*) as n from login_attempt where email = ? and ip = ? and not succeeded and at > ?', [
    key,
    ip,
    since,
  ]);
  return Number(row?.n ?? 0);
}

/** A referent's view of the person's access: live sessions, the last sign-in, the code still usable. */
export async function participantAccessState(
  em: EntityManager,
  participantId: string,
  now: Date,
  idleSince: Date,
): Promise<{ liveSessions: number; lastSignInAt: Date | null; codeExpiresAt: Date | null }> {
  const [row] = await em.execute<Array<{ live: string; last_sign_in: Date | null; code_expires: Date | null }>>(
    `select (select count(*) from participant_session s where s.participant_id = ? and s.revoked_at is null and s.expires_at > ? and s.last_seen_at > ?) as live,
            (select max(s.created_at) from participant_session s where s.participant_id = ?) as last_sign_in,
            (select max(c.expires_at) from participant_access_code c where c.participant_id = ? and c.used_at is null and c.revoked_at is null and c.expires_at > ?) as code_expires`,
    [participantId, now, idleSince, participantId, participantId, now],
  );
  return {
    liveSessions: Number(row?.live ?? 0),
    lastSignInAt: row?.last_sign_in ? new Date(row.last_sign_in) : null,
    codeExpiresAt: row?.code_expires ? new Date(row.code_expires) : null,
  };
}

/** Ends every session of the person and every code not yet used (from the next request on). */
export async function revokeParticipantAccess(em: EntityManager, participantId: string, now: Date): Promise<void> {
  await em.execute('update participant_session set revoked_at = ? where participant_id = ? and revoked_at is null', [now, participantId]);
  await em.execute('update participant_access_code set revoked_at = ? where participant_id = ? and used_at is null and revoked_at is null', [
    now,
    participantId,
  ]);
}

/** A new code for the person, replacing any not yet used (only the latest one handed over works). */
export async function insertAccessCode(
  em: EntityManager,
  code: { tenantId: string; participantId: string; codeHash: string; delivery: 'PRINTED' | 'EMAIL'; createdById: string; now: Date; expiresAt: Date },
): Promise<void> {
  await em.execute('update participant_access_code set revoked_at = ? where participant_id = ? and used_at is null and revoked_at is null', [
    code.now,
    code.participantId,
  ]);
  await em.execute(
    `insert into participant_access_code (id, created_at, tenant_id, participant_id, code_hash, delivery, created_by_id, expires_at)
     values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?)`,
    [code.now, code.tenantId, code.participantId, code.codeHash, code.delivery, code.createdById, code.expiresAt],
  );
}
