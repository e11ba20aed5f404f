import { embeddedOrm, openEmbeddedDatabase } from '../embedded-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { DEMO_PASSWORD, demoTenants, seedDemoData } from './demo-data';
import { dayInFrance } from '../../graphql/date-input';
import { DEMO_PARTICIPANT_CODE } from './demo-participant-space';
import { extractText } from 'unpdf';

/**
 * Every demo login opens on real work: the counts its home page and main list show, asked through
 * the API as that login (so under its rights and consents), on the demo the server seeds.
 */
type Home = 'referent' | 'animation' | 'partner' | 'commune';

/** Each demo login (email in its PLIE) and the home page it lands on. */
const HOMES: Record<string, Home> = {
  'admin@grenoble.demo grenoble-alpes': 'animation',
  'marc@grenoble.demo grenoble-alpes': 'animation',
  'nadia@grenoble.demo grenoble-alpes': 'referent',
  'julien@grenoble.demo grenoble-alpes': 'referent',
  'lea@grenoble.demo grenoble-alpes': 'referent',
  'amina@grenoble.demo grenoble-alpes': 'referent',
  'thomas@grenoble.demo grenoble-alpes': 'referent',
  'hugo@grenoble.demo grenoble-alpes': 'referent',
  'samira@grenoble.demo grenoble-alpes': 'referent',
  'antoine@grenoble.demo grenoble-alpes': 'referent',
  'chloe@grenoble.demo grenoble-alpes': 'referent',
  'mehdi@grenoble.demo grenoble-alpes': 'referent',
  'sophie@grenoble.demo grenoble-alpes': 'commune',
  'lucas@grenoble.demo grenoble-alpes': 'commune',
  'karim@grenoble.demo grenoble-alpes': 'partner',
  'elodie@grenoble.demo grenoble-alpes': 'partner',
  'claire@formation.demo grenoble-alpes': 'partner',
  'admin@clermont.demo clermont-auvergne': 'animation',
  'isabelle@clermont.demo clermont-auvergne': 'animation',
  'yasmine@clermont.demo clermont-auvergne': 'referent',
  'pierre@clermont.demo clermont-auvergne': 'referent',
  'fatou@clermont.demo clermont-auvergne': 'referent',
  'agnes@clermont.demo clermont-auvergne': 'commune',
  'olivier@clermont.demo clermont-auvergne': 'partner',
  'claire@formation.demo clermont-auvergne': 'partner',
};

const QUERIES: Record<Home, string> = {
  referent: `query($from: DateTime!, $to: DateTime!) {
    caseload: participants(filter: { mine: true }, page: { first: 1 }) { totalCount }
    noRecentAppointment: participants(filter: { mine: true, alert: NO_RECENT_APPOINTMENT }, page: { first: 1 }) { totalCount }
    agenda(from: $from, to: $to) { id }
  }`,
  animation: `{
    referrals(filter: { statuses: [NEW, UNDER_REVIEW] }, page: { first: 1 }) { totalCount }
    participants(page: { first: 1 }) { totalCount }
  }`,
  partner: `{ participants(page: { first: 1 }) { totalCount } }`,
  commune: `{
    participants(page: { first: 1 }) { totalCount }
    referrals(filter: { statuses: [NEW, UNDER_REVIEW, POSTPONED] }, page: { first: 1 }) { totalCount }
    communeFigures { byStatus { status people } }
  }`,
};

/** What each home must show: a caseload of about 70, the PLIE's files, people shared, published figures. */
function expectWork(home: Home, data: Record<string, any>, who: string): void {
  if (home === 'referent') {
    expect(data.caseload.totalCount, who).toBeGreaterThanOrEqual(40);
    expect(data.caseload.totalCount, who).toBeLessThanOrEqual(110);
    expect(data.noRecentAppointment.totalCount, who).toBeGreaterThan(0);
    expect(data.agenda.length, who).toBeGreaterThanOrEqual(3);
  } else if (home === 'animation') {
    expect(data.referrals.totalCount, who).toBeGreaterThan(0);
    expect(data.participants.totalCount, who).toBeGreaterThanOrEqual(150);
  } else {
    expect(data.participants.totalCount, who).toBeGreaterThan(5);
    if (home === 'commune') {
      expect(data.referrals.totalCount, who).toBeGreaterThan(0);
      // Figures, not only « moins de 5 »: the active residents are published.
      expect(data.communeFigures.byStatus.find((s: { status: string }) => s.status === 'ACTIVE')?.people, who).toBeGreaterThanOrEqual(5);
    }
  }
}

/** A fresh in-memory database, migrated and seeded with the demo; returns a query function. */
async function seededDatabase(): Promise<{ rows: <T>(sql: string) => Promise<T[]>; close: () => Promise<void>; seedMs: number }> {
  const pglite = await openEmbeddedDatabase('memory://');
  const orm = await embeddedOrm(pglite);
  await orm.getMigrator().up();
  const started = Date.now();
  expect(await seedDemoData(orm.em.fork())).toBe(true);
  const seedMs = Date.now() - started;
  return {
    rows: async <T>(sql: string) => (await pglite.query<T>(sql)).rows,
    close: async () => {
      await orm.close();
      await pglite.close();
    },
    seedMs,
  };
}

/** The people of both PLIEs, named story and generated population, in a stable order. */
const DIGEST = `select md5(string_agg(concat_ws(' ', first_name, last_name, birth_date, commune_code, current_status), ',' order by search_key, birth_date, first_name)) as digest from participant`;

describe('the demo population', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 240_000);
  afterAll(async () => {
    await server?.close();
  });

  it('lists every demo login here, with the home it lands on', () => {
    const logins = demoTenants(dayInFrance(new Date())).flatMap((t) => t.users.map((u) => `${u.email} ${t.slug}`));
    expect(Object.keys(HOMES).sort()).toEqual(logins.sort());
  });

  it('gives every demo login work on its home page', { timeout: 120_000 }, async () => {
    const from = new Date();
    from.setHours(0, 0, 0, 0);
    const to = new Date(from.getTime() + 7 * 86_400_000);
    for (const [login, home] of Object.entries(HOMES)) {
      const [email, slug] = login.split(' ') as [string, string];
      const client = new GraphqlClient(server.app);
      await client.login(email, DEMO_PASSWORD);
      const { me } = await client.data('{ me { activeMembership { tenant { slug } } memberships { id tenant { slug } } } }');
      if (me.activeMembership.tenant.slug !== slug) {
        const membership = me.memberships.find((m: { tenant: { slug: string } }) => m.tenant.slug === slug);
        await client.data('mutation($id: ID!) { switchMembership(membershipId: $id) { activeMembership { id } } }', { id: membership.id });
      }
      expectWork(home, await client.data(QUERIES[home], home === 'referent' ? { from: from.toISOString(), to: to.toISOString() } : {}), login);
    }
  });

  it("opens Fatima Kaci's own space with the README's code, with an appointment, her plan and partner reads to see", async () => {
    const signIn = await server.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: 'mutation($code: String!) { signInWithParticipantCode(code: $code) }', variables: { code: DEMO_PARTICIPANT_CODE } }),
    });
    const session = signIn.cookies.find((c) => c.name === 'jalon_participant_session');
    expect(session?.value).toBeTruthy();
    const answer = await server.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', cookie: `jalon_participant_session=${session!.value}` },
      payload: JSON.stringify({
        query: '{ mySpace { firstName nextAppointments { title } stages { sharedSummary } consents { withdrawable } reads { organisation } } }',
      }),
    });
    const { mySpace } = JSON.parse(answer.body).data;
    expect(mySpace.firstName).toBe('Fatima');
    expect(mySpace.nextAppointments.map((a: { title: string }) => a.title)).toContain('Point sur le CDDI et la préqualification');
    expect(mySpace.stages.map((s: { sharedSummary: string }) => s.sharedSummary)).toContain('Ouvrière maraîchère, 26 h par semaine');
    expect(mySpace.consents.some((c: { withdrawable: boolean }) => c.withdrawable)).toBe(true);
    expect(new Set(mySpace.reads.map((r: { organisation: string }) => r.organisation))).toEqual(new Set(['Jardins du Drac (ACI)', "CCAS d'Échirolles"]));
    // Her copy, read back: her project and the partners' reads, never the referent's private note on her stage.
    const pdf = await server.app.inject({ method: 'GET', url: '/my-space/my-data.pdf', headers: { cookie: `jalon_participant_session=${session!.value}` } });
    const { text } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    expect(text).toContain('Projet n° 1');
    expect(text).toContain('Jardins du Drac (ACI) a consulté');
    expect(text).not.toContain('Dette de loyer');
  });

  it('partners read reports and attendance, and the PLIE holds every kind of record', async () => {
    const [counts] = await server.asOwner((em) =>
      em.execute<Array<Record<string, number>>>(`
        select (select count(*)::int from contract_report r join organisation o on o.id = r.author_organisation_id where o.siae_kind = 'ACI') as aci,
               (select count(*)::int from contract_report r join organisation o on o.id = r.author_organisation_id where o.siae_kind = 'ETTI') as etti,
               (select count(*)::int from training_attendance a join tenant t on t.id = a.tenant_id where t.slug = 'clermont-auvergne') as "clermontTraining",
               (select count(distinct exit_kind)::int from pathway) as "exitKinds",
               (select count(*)::int from pathway where number = 2) as "reEntries",
               (select count(*)::int from consent where effect = 'REFUSAL') as refusals,
               (select count(*)::int from consent where status = 'REVOKED') as withdrawals,
               (select count(*)::int from diagnosis) as diagnoses,
               (select count(*)::int from journal_entry) as journal,
               (select count(*)::int from appointment where kind = 'COLLECTIVE') as collective,
               (select count(*)::int from appointment_attendee where attendance = 'ABSENT') as missed,
               (select count(*)::int from follow_up_check_in where done_on is not null) as "checkIns",
               (select count(*)::int from esf_record where disability = 'REFUSED') as "refusedToAnswer",
               (select count(*)::int from esf_record where education_level is null) as "esfIncomplete",
               (select count(*)::int from esf_export_line where outcome = 'REJECTED') as "esfRejected"`),
    );
    expect(counts).toMatchObject({ exitKinds: 9 });
    for (const [what, n] of Object.entries(counts!)) expect(n, what).toBeGreaterThan(5);
  });

  it('shows the business-relations officer a social clause on pace, with people placed, and a late one', async () => {
    const marc = new GraphqlClient(server.app);
    await marc.login('marc@grenoble.demo', DEMO_PASSWORD);
    const { socialClauses } = await marc.data(
      `{ socialClauses { edges { node { contractName company { name } progress { hoursDone peoplePlaced status } placements { participantName hoursDone } } } } }`,
    );
    const clauses = socialClauses.edges.map((e: { node: unknown }) => e.node);
    expect(clauses).toHaveLength(2);
    const onPace = clauses.find((c: { contractName: string }) => c.contractName === 'Nettoyage des bâtiments municipaux');
    // 8 months of 60 hours, a training of 140 hours, and Kevin's 84 + 105 + 105 hours through the ETTI.
    expect(onPace).toMatchObject({ company: { name: 'Propreté des Alpes (démo)' }, progress: { hoursDone: 914, peoplePlaced: 3 } });
    expect(onPace.placements.map((p: { participantName: string | null }) => p.participantName)).toContain('Kevin Roussel');
    // 210 of 600 hours with the year nearly over.
    expect(clauses.find((c: { contractName: string }) => c.contractName === 'Collecte et tri des encombrants').progress).toMatchObject({
      hoursDone: 210,
      status: 'LATE',
    });
  });

  it('never books a referent twice at once', async () => {
    const [agenda] = await server.asOwner((em) =>
      em.execute<Array<Record<string, number>>>(`
        select (select count(*)::int from appointment a join appointment b on b.referent_id = a.referent_id and a.id < b.id
                 and a.starts_at < b.ends_at and b.starts_at < a.ends_at and a.status <> 'CANCELLED' and b.status <> 'CANCELLED') as overlaps,
               (select count(*)::int from appointment where status = 'PLANNED') as planned`),
    );
    expect(agenda).toMatchObject({ overlaps: 0 });
    expect(agenda!.planned).toBeGreaterThan(100);
  });

  it('is the same on every start, and quick to generate', { timeout: 240_000 }, async () => {
    const [first, second] = [await seededDatabase(), await seededDatabase()];
    console.log(`demo seed: ${first.seedMs} ms, then ${second.seedMs} ms`);
    try {
      const [a] = await first.rows<{ digest: string }>(DIGEST);
      const [b] = await second.rows<{ digest: string }>(DIGEST);
      expect(a!.digest).toBe(b!.digest);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
