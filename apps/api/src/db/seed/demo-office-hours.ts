import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, isoWeekday, parisWallTime } from '@jalon/domain';
import { dayInFrance } from '../../graphql/date-input';
import { searchKeyOf } from '../../modules/participants/participant.validation';
import { insertRows } from './insert-rows';

/**
 * Nadia's office hours (« permanences »), in the afternoons her generated agenda leaves free:
 * Tuesdays at Échirolles' CCAS, in the Glycines priority district, and Thursdays in Grenoble. Residents Sophie (the CCAS of Échirolles)
 * is referring were booked on the last three Tuesdays (five came, one did not) and one is booked
 * next Tuesday; one Tuesday ahead is cancelled. Dates follow today, so Sophie always sees a week
 * of free slots. Seeded after the population, in its transaction, as the owner.
 */
const TENANT = 'grenoble-alpes';
const REFERENT = 'nadia@grenoble.demo';
const BOOKER = 'sophie@grenoble.demo';

const RESIDENTS = [
  { firstName: 'Malika', lastName: 'Haddad', birthDate: '1987-04-12', email: 'malika.haddad@example.org' },
  { firstName: 'Jordan', lastName: 'Perret', birthDate: '1998-09-30', email: null },
  { firstName: 'Awa', lastName: 'Diallo', birthDate: '1979-01-22', email: 'awa.diallo@example.org' },
  { firstName: 'Cédric', lastName: 'Lambert', birthDate: '1991-07-05', email: null },
];

/** The next day on or after `day` falling on an ISO weekday. */
export function nextWeekday(day: string, weekday: number): string {
  return addDays(day, (weekday - isoWeekday(day) + 7) % 7);
}

async function one(em: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const [row] = await em.execute<Array<{ id: string }>>(sql, params);
  if (!row) throw new Error(`Demo office hours: nothing for ${sql} ${JSON.stringify(params)}`);
  return row.id;
}

export async function seedDemoOfficeHours(em: EntityManager, now = new Date()): Promise<void> {
  const tenantId = await one(em, `select id from tenant where slug = ?`, [TENANT]);
  const referentId = await one(em, `select m.id from membership m join app_user u on u.id = m.user_id where m.tenant_id = ? and u.email = ?`, [
    tenantId,
    REFERENT,
  ]);
  const sophie = await em.execute<Array<{ user_id: string; organisation_id: string }>>(
    `select m.user_id, m.organisation_id from membership m join app_user u on u.id = m.user_id where m.tenant_id = ? and u.email = ?`,
    [tenantId, BOOKER],
  );
  const { user_id: sophieId, organisation_id: ccasId } = sophie[0]!;
  const today = dayInFrance(now);
  const tuesday = nextWeekday(today, 2);
  const firstTuesday = addDays(tuesday, -7 * 8);
  const stamp = new Date(now.getTime() - 60 * 86_400_000).toISOString();

  const echirolles = { id: randomUUID(), communeCode: '38151', priorityDistrictCode: 'QN03890Z' };
  const grenoble = { id: randomUUID(), communeCode: '38185', priorityDistrictCode: null };
  await insertRows(
    em,
    'office_hours_assignment',
    [echirolles, grenoble].map((a) => ({
      id: a.id,
      created_at: stamp,
      tenant_id: tenantId,
      referent_id: referentId,
      commune_code: a.communeCode,
      priority_district_code: a.priorityDistrictCode,
    })),
  );
  const tuesdays = { id: randomUUID(), address: "CCAS d'Échirolles, salle 2 — quartier des Glycines (démo)" };
  const thursdays = { id: randomUUID(), address: 'Maison des habitants du Torrent, 10 rue fictive, Grenoble (démo)' };
  await insertRows(em, 'office_hours', [
    {
      id: tuesdays.id,
      created_at: stamp,
      updated_at: stamp,
      tenant_id: tenantId,
      assignment_id: echirolles.id,
      referent_id: referentId,
      commune_code: '38151',
      weekday: 2,
      start_minute: 810,
      end_minute: 960,
      slot_minutes: 30,
      address: tuesdays.address,
      valid_from: firstTuesday,
    },
    {
      id: thursdays.id,
      created_at: stamp,
      updated_at: stamp,
      tenant_id: tenantId,
      assignment_id: grenoble.id,
      referent_id: referentId,
      commune_code: '38185',
      weekday: 4,
      start_minute: 810,
      end_minute: 960,
      slot_minutes: 45,
      address: thursdays.address,
      valid_from: firstTuesday,
    },
  ]);
  await insertRows(em, 'office_hours_closure', [
    {
      id: randomUUID(),
      created_at: stamp,
      tenant_id: tenantId,
      office_hours_id: tuesdays.id,
      day: addDays(tuesday, 14),
      reason: 'CANCELLED',
      note: 'Nadia en formation',
    },
  ]);

  // The residents Sophie is referring: each referral and the CCAS's submission of it.
  const referrals = RESIDENTS.map((r) => ({ ...r, id: randomUUID(), searchKey: searchKeyOf(r.lastName, r.firstName) }));
  const person = (r: (typeof referrals)[number]) => ({
    first_name: r.firstName,
    last_name: r.lastName,
    search_key: r.searchKey,
    birth_date: r.birthDate,
    email: r.email,
    commune_code: '38151',
    priority_district_code: 'QN03890Z',
    status: 'NEW',
  });
  const received = addDays(firstTuesday, 7 * 4);
  await insertRows(
    em,
    'referral',
    referrals.map((r) => ({
      id: r.id,
      created_at: stamp,
      tenant_id: tenantId,
      ...person(r),
      referring_organisation_id: ccasId,
      received_at: `${received}T08:30:00Z`,
    })),
  );
  await insertRows(
    em,
    'referral_submission',
    referrals.map((r) => ({
      id: randomUUID(),
      created_at: stamp,
      tenant_id: tenantId,
      ...person(r),
      referral_id: r.id,
      organisation_id: ccasId,
      author_id: sophieId,
      submitted_at: `${received}T08:30:00Z`,
      situation: 'Sans emploi, accompagnée par le CCAS ; souhaite rencontrer un référent PLIE à la permanence du quartier.',
      reason: 'Premier rendez-vous à la permanence des Glycines.',
      agreement_method: 'SIGNED_FORM',
      agreed_on: received,
    })),
  );

  // Bookings: [weeks from next Tuesday, hour, minute, resident, attendance].
  const bookings: Array<[number, number, number, number, 'PRESENT' | 'ABSENT' | 'EXPECTED']> = [
    [-3, 13, 30, 0, 'PRESENT'],
    [-3, 14, 0, 1, 'ABSENT'],
    [-2, 13, 30, 2, 'PRESENT'],
    [-2, 14, 30, 3, 'PRESENT'],
    [-1, 13, 30, 0, 'PRESENT'],
    [-1, 15, 0, 2, 'PRESENT'],
    [0, 14, 0, 3, 'EXPECTED'],
  ];
  // Each at the first half-hour from the one wished that Nadia's generated agenda leaves free.
  const taken: Array<{ startsAt: Date; endsAt: Date }> = [];
  const rows = [];
  for (const [week, hour, minute, resident, attendance] of bookings) {
    const day = addDays(tuesday, 7 * week);
    const r = referrals[resident]!;
    let startsAt: Date | null = null;
    for (let m = hour * 60 + minute; m + 30 <= 960 && !startsAt; m += 30) {
      const from = parisWallTime(day, m);
      const to = new Date(from.getTime() + 30 * 60_000);
      const [busy] = await em.execute<Array<{ n: number }>>(
        `select count(*)::int as n from appointment where referent_id = ? and status <> 'CANCELLED' and starts_at < ? and ends_at > ?`,
        [referentId, to.toISOString(), from.toISOString()],
      );
      if (busy!.n === 0 && !taken.some((t) => t.startsAt < to && t.endsAt > from)) startsAt = from;
    }
    if (!startsAt) continue;
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    taken.push({ startsAt, endsAt });
    const past = startsAt < now;
    rows.push({
      id: randomUUID(),
      created_at: stamp,
      tenant_id: tenantId,
      referent_id: referentId,
      kind: 'INDIVIDUAL',
      title: `Permanence — Échirolles : ${r.firstName} ${r.lastName.charAt(0)}.`,
      starts_at: startsAt.toISOString(),
      ends_at: endsAt.toISOString(),
      mode: 'IN_PERSON',
      place: 'LOCAL_OFFICE_HOURS',
      commune_code: '38151',
      status: past ? 'HELD' : 'PLANNED',
      office_hours_id: tuesdays.id,
      referral_id: r.id,
      referral_attendance: past ? attendance : 'EXPECTED',
      booked_by_organisation_id: ccasId,
      agreement_method: 'SIGNED_FORM',
      agreed_on: received,
      reminder_sent_at: past ? startsAt.toISOString() : null,
    });
  }
  await insertRows(em, 'appointment', rows);
}
