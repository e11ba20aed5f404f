import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DataClass, normaliseAccessCode } from '@jalon/domain';
import { chainHash, type AccessLogEntry } from '../../access/access-log';
import { hashSecretToken } from '../../access/secret-token';
import { arrayLiteral } from '../array-literal';

/**
 * Fatima Kaci (Nadia's participant in Grenoble) in her own space: a printed code documented in the
 * README (single use, like any code: once spent, Nadia issues a new one from Fatima's identity tab),
 * a coming appointment to add to her phone, and the partners' reads of her file that her consents
 * allowed (the employer running her CDDI, the CCAS that referred her). Seeded after the population,
 * in its transaction, as the owner; ids made here.
 */
export const DEMO_PARTICIPANT_CODE = 'CAFE-4769';

interface Row {
  participant_id: string;
  tenant_id: string;
  referent_id: string;
  nadia_user_id: string;
}

export async function seedDemoParticipantSpace(em: EntityManager, now = new Date()): Promise<void> {
  const [fatima] = await em.execute<Row[]>(
    `select p.id as participant_id, p.tenant_id, p.referent_id, m.user_id as nadia_user_id
       from participant p join tenant t on t.id = p.tenant_id join membership m on m.id = p.referent_id
      where t.slug = 'grenoble-alpes' and p.first_name = 'Fatima' and p.last_name = 'Kaci'`,
  );
  if (!fatima) return;
  const code = normaliseAccessCode(DEMO_PARTICIPANT_CODE)!;
  await em.execute(
    `insert into participant_access_code (id, created_at, tenant_id, participant_id, code_hash, delivery, created_by_id, expires_at) values (?, ?, ?, ?, ?, 'PRINTED', ?, ?)`,
    [randomUUID(), now, fatima.tenant_id, fatima.participant_id, hashSecretToken(code), fatima.nadia_user_id, new Date(now.getTime() + 365 * 86_400_000)],
  );

  // Next Tuesday morning at the office, at the first 45 minutes Nadia's agenda has free.
  const tuesday = new Date(now);
  tuesday.setUTCDate(tuesday.getUTCDate() + ((9 - tuesday.getUTCDay()) % 7 || 7));
  tuesday.setUTCHours(8, 0, 0, 0);
  const [free] = await em.execute<Array<{ start: Date }>>(
    `select slot as start from generate_series(?::timestamptz, ?::timestamptz + interval '3 hours', interval '15 minutes') slot
      where not exists (select 1 from appointment a where a.referent_id = ? and a.status <> 'CANCELLED'
                          and a.starts_at < slot + interval '45 minutes' and slot < a.ends_at)
      order by slot limit 1`,
    [tuesday, tuesday, fatima.referent_id],
  );
  const start = new Date(free?.start ?? tuesday);
  const appointmentId = randomUUID();
  await em.execute(
    `insert into appointment (id, created_at, tenant_id, referent_id, kind, title, starts_at, ends_at, mode, place, status)
     values (?, ?, ?, ?, 'INDIVIDUAL', 'Point sur le CDDI et la préqualification', ?, ?, 'IN_PERSON', 'OFFICE', 'PLANNED')`,
    [appointmentId, now, fatima.tenant_id, fatima.referent_id, start, new Date(start.getTime() + 45 * 60_000)],
  );
  await em.execute(`insert into appointment_attendee (id, created_at, tenant_id, appointment_id, participant_id) values (?, ?, ?, ?, ?)`, [
    randomUUID(),
    now,
    fatima.tenant_id,
    appointmentId,
    fatima.participant_id,
  ]);

  // The reads her consents allowed, chained onto the tenant's access log as the API chains them.
  const readers = await em.execute<Array<{ user_id: string; organisation_id: string; email: string }>>(
    `select m.user_id, m.organisation_id, u.email from membership m join app_user u on u.id = m.user_id
      where m.tenant_id = ? and u.email in ('karim@grenoble.demo', 'sophie@grenoble.demo') order by u.email`,
    [fatima.tenant_id],
  );
  const reads = readers.flatMap((r, i) =>
    [3, 10 + i * 5].map((daysAgo) => ({
      tenantId: fatima.tenant_id,
      at: new Date(now.getTime() - daysAgo * 86_400_000 - (i + 1) * 3_600_000),
      userId: r.user_id,
      organisationId: r.organisation_id,
      participantId: fatima.participant_id,
      dataClasses:
        r.email === 'karim@grenoble.demo' ? ['IDENTIFICATION', DataClass.STAGE_LIST, DataClass.STAGE_DETAILS] : ['IDENTIFICATION', DataClass.PATHWAY_STATUS],
      purposes: [r.email === 'karim@grenoble.demo' ? 'CONTRACT_REPORTING' : 'REFERRAL_FOLLOW_UP'],
      requestId: `demo-${randomUUID()}`,
    })),
  ) satisfies AccessLogEntry[];
  reads.sort((a, b) => a.at.getTime() - b.at.getTime());
  const [head] = await em.execute<Array<{ hash: string }>>(`select hash from access_log where tenant_id = ? order by seq desc limit 1`, [fatima.tenant_id]);
  let previous = head?.hash ?? '';
  for (const read of reads) {
    const hash = chainHash(previous, read);
    await em.execute(
      `insert into access_log (tenant_id, at, user_id, organisation_id, participant_id, data_classes, purposes, request_id, previous_hash, hash)
       values (?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?)`,
      [
        read.tenantId,
        read.at,
        read.userId,
        read.organisationId,
        read.participantId,
        arrayLiteral(read.dataClasses),
        arrayLiteral(read.purposes),
        read.requestId,
        previous,
        hash,
      ],
    );
    previous = hash;
  }
}
