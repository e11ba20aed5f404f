import type { EntityManager } from '@mikro-orm/postgresql';
import { firstDayOf, lastDayOf, NotificationKind } from '@jalon/domain';

/** The tenants with a contract running in `period` ('YYYY-MM') whose report for it is missing (jalon_tenants_with_unreported_contracts, across tenants). */
export async function tenantsWithUnreportedContracts(em: EntityManager, period: string): Promise<string[]> {
  const rows = await em.execute<Array<{ id: string }>>('select jalon_tenants_with_unreported_contracts(?, ?::date, ?::date) as id', [
    period,
    firstDayOf(period),
    lastDayOf(period),
  ]);
  return rows.map((row) => row.id);
}

/** A report reminder to an employer, as its notification row. */
export interface ReportReminder {
  at: Date;
  tenantId: string;
  organisationId: string;
  participantId: string;
  participantLabel: string;
  period: string;
  /** The contract and month: the same reminder is never sent twice. */
  dedupeKey: string;
}

/** Inserts the reminder unless one with its key was already sent; whether it was inserted. */
export async function insertReportReminder(em: EntityManager, reminder: ReportReminder): Promise<boolean> {
  const result = await em.execute<{ affectedRows: number }>(
    `insert into notification (id, created_at, tenant_id, version, organisation_id, kind, participant_id, participant_label, period, dedupe_key)
     values (gen_random_uuid(), ?, ?, 1, ?, ?, ?, ?, ?, ?) on conflict (organisation_id, dedupe_key) where dedupe_key is not null do nothing`,
    [
      reminder.at,
      reminder.tenantId,
      reminder.organisationId,
      NotificationKind.REPORT_DUE,
      reminder.participantId,
      reminder.participantLabel,
      reminder.period,
      reminder.dedupeKey,
    ],
    'run',
  );
  return result.affectedRows > 0;
}
