import type { EntityManager } from '@mikro-orm/postgresql';
import { SMALLEST_PUBLISHED_COUNT } from '@jalon/domain';

/** What already fills a referent's agenda around her office hours (jalon_office_hours_busy: times only, whoever may read the agenda or not). */
export async function busyTimes(em: EntityManager, officeHoursId: string, from: Date, to: Date): Promise<Array<{ startsAt: Date; endsAt: Date }>> {
  const rows = await em.execute<Array<{ starts_at: Date | string; ends_at: Date | string }>>('select * from jalon_office_hours_busy(?, ?, ?)', [
    officeHoursId,
    from,
    to,
  ]);
  return rows.map((r) => ({ startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) }));
}

/** Bookings of a commune's office hours between two instants, counted in SQL over every booking; counts under the smallest published come back null. */
export async function officeHoursFigureRows(em: EntityManager, communeCode: string, from: Date, to: Date): Promise<Record<string, number | null>> {
  const rows = await em.execute<Array<{ metric: string; people: number | null }>>('select * from jalon_office_hours_figures(?, ?, ?, ?)', [
    communeCode,
    from,
    to,
    SMALLEST_PUBLISHED_COUNT,
  ]);
  return Object.fromEntries(rows.map((r) => [r.metric, r.people]));
}

/** The tenant and commune organisation a calendar link opens, or null when it is unknown or revoked (jalon_office_hours_calendar_link). */
export async function calendarLinkOwner(em: EntityManager, tokenHash: string): Promise<{ tenantId: string; organisationId: string } | null> {
  const [row] = await em.execute<Array<{ tenant_id: string; organisation_id: string }>>('select * from jalon_office_hours_calendar_link(?)', [tokenHash]);
  return row ? { tenantId: row.tenant_id, organisationId: row.organisation_id } : null;
}

/** The tenants with an office-hours booking starting between two instants whose resident has not been reminded (across tenants). */
export async function tenantsWithDueReminders(em: EntityManager, from: Date, to: Date): Promise<string[]> {
  const rows = await em.execute<Array<{ id: string }>>('select jalon_tenants_with_due_reminders(?, ?) as id', [from, to]);
  return rows.map((r) => r.id);
}
