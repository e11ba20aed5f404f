import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gender, MembershipRole, OrganisationKind, PathwayStatus } from '@jalon/domain';
import type { RlsSettings } from '@jalon/api/src/access/request-transaction';
import { toGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, loggedIn, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import type { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { sqlAsRequest } from '@jalon/api/src/testing/request-transaction-sql';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';
import { runRetentionInTenant } from '@jalon/api/src/modules/retention/retention-run';
import { Organisation } from '@jalon/api/src/modules/organisations/organisation.entity';
import { Participant } from '@jalon/api/src/modules/participants/participant.entity';
import { Pathway } from '@jalon/api/src/modules/participants/pathway.entity';
import { Membership } from '@jalon/api/src/modules/tenancy/membership.entity';
import { Tenant } from '@jalon/api/src/modules/tenancy/tenant.entity';
import { User } from '@jalon/api/src/modules/users/user.entity';

/**
 * A referent's report counts the files archived since (issue 18) through a security definer
 * function (db/rls/functions/jalon_activity_figures.sql): it must give her counts of her own scope
 * and nothing else. Asked directly in SQL as her request would: another referent's or operator's
 * figures beyond her rights, the whole PLIE, another PLIE's referent, a forged or a partner's
 * session, the unchecked counting function itself are refused; the archived rows stay hidden.
 */
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let referent: GraphqlClient;
const ids = { archived: '', open: '', colleague: '', otherOperatorReferent: '', otherOperator: '' };

const PERIOD = `'2019-01-01'::date, '2019-12-31'::date, '2018-01-01'::date, '2018-12-31'::date`;
const figures = (referentId: string | null, organisationId: string | null = null, commune: string | null = null) =>
  `select period, figure, key, label, value from jalon_activity_figures(${referentId ? `'${referentId}'` : 'null'}::uuid, ${
    organisationId ? `'${organisationId}'` : 'null'
  }::uuid, ${commune ? `'${commune}'` : 'null'}, ${PERIOD}, 'fr')`;
type FigureRow = { period: string; figure: string; key: string; label: string | null; value: number };
const count = (rows: FigureRow[], figure: string, key: string) => rows.find((r) => r.period === 'current' && r.figure === figure && r.key === key)?.value ?? 0;

/** The settings of a request acting through this membership, as the API sets them. */
async function sessionOf(membershipId: string): Promise<RlsSettings> {
  const [row] = await server.asOwner((em) =>
    em.execute<Array<{ tenant_id: string; user_id: string; organisation_id: string; staff: boolean }>>(
      `select m.tenant_id, m.user_id, m.organisation_id, o.kind in ('ANIMATION_TEAM', 'REFERENT_OPERATOR') as staff from membership m join organisation o on o.id = m.organisation_id where m.id = ?`,
      [membershipId],
    ),
  );
  return { tenantId: row!.tenant_id, userId: row!.user_id, organisationId: row!.organisation_id, staff: row!.staff };
}

const refused = (settings: RlsSettings, sql: string) => expect(sqlAsRequest(server, settings, sql)).rejects.toMatchObject({ code: '42501' });

async function buildPlie(em: Parameters<Parameters<TestServer['asOwner']>[0]>[0]) {
  const t = em.getReference(Tenant, tenant.tenantId);
  const operator = em.getReference(Organisation, tenant.organisations.operator.id);
  const otherOperator = em.create(Organisation, { tenant: t, name: 'Autre opérateur', kind: OrganisationKind.REFERENT_OPERATOR });
  const member = (key: string, organisation: Organisation) =>
    em.create(Membership, {
      tenant: t,
      user: em.create(User, { email: `${key}-${tenant.tenantId.slice(0, 8)}@test.jalon`, displayName: `Référente ${key}` }),
      organisation,
      role: MembershipRole.REFERENT,
    });
  const colleague = member('collegue', operator);
  const distant = member('distante', otherOperator);
  const person = (firstName: string, referentOf: Membership, closed: boolean) => {
    const participant = em.create(Participant, {
      tenant: t,
      firstName,
      lastName: 'Archivable',
      searchKey: `archivable ${firstName}`.toLowerCase(),
      birthDate: '1984-04-04',
      gender: Gender.WOMAN,
      referent: referentOf,
      currentStatus: closed ? PathwayStatus.CLOSED : PathwayStatus.ACTIVE,
    });
    em.create(Pathway, {
      tenant: t,
      participant,
      number: 1,
      status: closed ? PathwayStatus.CLOSED : PathwayStatus.ACTIVE,
      referralDate: '2019-01-10',
      entryDate: '2019-02-01',
      exitDate: closed ? '2019-11-15' : null,
      exitKind: closed ? 'REORIENTATION' : null,
      closedOn: closed ? '2019-11-30' : null,
    } as never);
    return participant.id;
  };
  const mine = em.getReference(Membership, tenant.users.referent.membershipId);
  ids.archived = person('Aline', mine, true);
  ids.open = person('Bruno', mine, false);
  person('Chloé', colleague, true);
  person('Denise', distant, true);
  await em.flush();
  Object.assign(ids, { colleague: colleague.id, otherOperatorReferent: distant.id, otherOperator: otherOperator.id });
}

async function setColleaguesCanRead(allowed: boolean): Promise<void> {
  await server.asOwner((em) => em.nativeUpdate(Tenant, { id: tenant.tenantId }, { colleaguesCanRead: allowed }));
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Bilan archivé');
  other = await createTenantFixture(server, 'Bilan ailleurs');
  await server.asOwner(buildPlie);
  referent = await loggedIn(server, tenant.users.referent.email);
  expect(await runRetentionInTenant(server.database.orm, tenant.tenantId, new Date())).toMatchObject({ ran: true, archived: 3 });
});
afterAll(() => server.close());

describe('a referent’s figures of archived files', () => {
  it('counts her archived file in her report, and gives her no row of it', async () => {
    const mine = await sessionOf(tenant.users.referent.membershipId);
    const rows = await sqlAsRequest<FigureRow>(server, mine, figures(tenant.users.referent.membershipId));
    expect([count(rows, 'people', 'followed'), count(rows, 'people', 'entries'), count(rows, 'people', 'exits')]).toEqual([2, 2, 1]);
    // Counts only: no name, no id of a person in what it returns.
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`Aline|Bruno|${ids.archived}|${ids.open}`));
    expect(await sqlAsRequest(server, mine, `select first_name from participant where id = '${ids.archived}'`)).toEqual([]);
    expect(await sqlAsRequest(server, mine, `select count(*)::int as n from participant where first_name = 'Aline'`)).toEqual([{ n: 0 }]);
    const FILE = `query($id: ID!) { a: node(id: $id) { ...F } b: participant(id: $id) { ...F } } fragment F on Participant { firstName birthDate }`;
    const response = await referent.request(FILE, { id: toGlobalId('Participant', ids.archived) });
    expect(JSON.stringify(response.data ?? {})).not.toContain('Aline');
  });

  it('refuses her the figures of a colleague (unless the PLIE allows it), of another operator, of the whole PLIE or of a commune', async () => {
    const mine = await sessionOf(tenant.users.referent.membershipId);
    await setColleaguesCanRead(false);
    try {
      await refused(mine, figures(ids.colleague));
      await refused(mine, figures(null, tenant.organisations.operator.id));
    } finally {
      await setColleaguesCanRead(true);
    }
    const colleague = await sqlAsRequest<FigureRow>(server, mine, figures(ids.colleague));
    expect(count(colleague, 'people', 'entries')).toBe(1);
    await refused(mine, figures(ids.otherOperatorReferent));
    await refused(mine, figures(null, ids.otherOperator));
    await refused(mine, figures(null));
    await refused(mine, figures(null, null, '38185'));
    // Two scopes at once: hers and another operator's.
    await refused(mine, figures(tenant.users.referent.membershipId, ids.otherOperator));
    // Through the API, with aliases and a fragment, the same refusals.
    const REPORT = `query($scope: ReportScopeInput) { a: activityReport(scope: $scope) { ...R } } fragment R on ActivityReport { tables { key } }`;
    const asked = await referent.request(REPORT, { scope: { referentId: toGlobalId('Membership', ids.otherOperatorReferent) } });
    expect(asked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses another PLIE’s referents, a session acting through no membership, a partner, and the counts without their check', async () => {
    const otherAnimation = await sessionOf(other.users.animation.membershipId);
    await refused(otherAnimation, figures(tenant.users.referent.membershipId));
    await refused(otherAnimation, figures(null, tenant.organisations.operator.id));
    const animation = await sessionOf(tenant.users.animation.membershipId);
    const asked = await sqlAsRequest<FigureRow>(server, animation, figures(tenant.users.referent.membershipId));
    expect(count(asked, 'people', 'followed')).toBe(2);
    await refused(animation, figures(other.users.referent.membershipId));
    // Forged settings: staff of the tenant without an acting membership, or the referent's user in another organisation.
    await refused({ tenantId: tenant.tenantId, staff: true }, figures(tenant.users.referent.membershipId));
    const mine = await sessionOf(tenant.users.referent.membershipId);
    await refused({ ...mine, organisationId: tenant.organisations.animation.id }, figures(null));
    await refused(await sessionOf(tenant.users.partner.membershipId), figures(null));
    await refused(mine, `select * from jalon_activity_figures_of(array['${tenant.tenantId}']::uuid[], null, null, null, ${PERIOD}, 'fr')`);
  });
});
