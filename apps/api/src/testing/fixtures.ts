import { randomUUID } from 'node:crypto';
import { MembershipRole, OrganisationKind, SiaeKind } from '@jalon/domain';
import { toGlobalId } from '../graphql/relay';
import { hashPassword } from '../modules/auth/password-hash';
import { UserCredential } from '../modules/auth/user-credential.entity';
import { Organisation } from '../modules/organisations/organisation.entity';
import { Membership } from '../modules/tenancy/membership.entity';
import { Tenant } from '../modules/tenancy/tenant.entity';
import { User } from '../modules/users/user.entity';
import { seedStageCatalogue } from '../modules/stages/stage-catalogue';
import { GraphqlClient } from './graphql-client';
import type { TestServer } from './test-server';

export const FIXTURE_PASSWORD = 'correct horse battery staple';
let fixtureHash: Promise<string> | undefined;

export interface TenantFixture {
  tenantId: string;
  name: string;
  organisations: Record<'animation' | 'operator' | 'commune' | 'siae' | 'training', { id: string; globalId: string; name: string }>;
  users: Record<'admin' | 'animation' | 'referent' | 'partner' | 'aci' | 'trainer', { email: string; membershipId: string }>;
}

/** A tenant of its own for one test (a unique suffix keeps tests apart on a shared database). */
export async function createTenantFixture(server: TestServer, label = 'Test'): Promise<TenantFixture> {
  const suffix = randomUUID().slice(0, 8);
  fixtureHash ??= hashPassword(FIXTURE_PASSWORD);
  const passwordHash = await fixtureHash;
  return server.asOwner(async (em) => {
    const tenant = em.create(Tenant, { slug: `test-${suffix}`, name: `PLIE ${label} ${suffix}` });
    seedStageCatalogue(em, tenant);
    const org = (name: string, kind: OrganisationKind, extra: Partial<Organisation> = {}) =>
      em.create(Organisation, { tenant, name: `${name} ${suffix}`, kind, ...extra });
    const organisations = {
      animation: org('Animation', OrganisationKind.ANIMATION_TEAM),
      operator: org('Opérateur', OrganisationKind.REFERENT_OPERATOR),
      commune: org('Commune', OrganisationKind.COMMUNE, { inseeCode: '38185' }),
      siae: org('ACI', OrganisationKind.INTEGRATION_COMPANY, { siaeKind: SiaeKind.ACI }),
      training: org('Formation', OrganisationKind.TRAINING_OPERATOR),
    };
    const member = (key: string, organisation: Organisation, role: MembershipRole) => {
      const user = em.create(User, { email: `${key}-${suffix}@test.jalon`, displayName: `${key} ${suffix}` });
      em.create(UserCredential, { user, passwordHash });
      const membership = em.create(Membership, { tenant, user, organisation, role });
      return { email: user.email, membershipId: membership.id };
    };
    const users = {
      admin: member('admin', organisations.animation, MembershipRole.TENANT_ADMIN),
      animation: member('animation', organisations.animation, MembershipRole.ANIMATION_TEAM),
      referent: member('referent', organisations.operator, MembershipRole.REFERENT),
      partner: member('partner', organisations.commune, MembershipRole.PARTNER_AGENT),
      aci: member('aci', organisations.siae, MembershipRole.PARTNER_AGENT),
      trainer: member('trainer', organisations.training, MembershipRole.PARTNER_AGENT),
    };
    await em.flush();
    const describe = (o: Organisation) => ({ id: o.id, globalId: toGlobalId('Organisation', o.id), name: o.name });
    return {
      tenantId: tenant.id,
      name: tenant.name,
      organisations: {
        animation: describe(organisations.animation),
        operator: describe(organisations.operator),
        commune: describe(organisations.commune),
        siae: describe(organisations.siae),
        training: describe(organisations.training),
      },
      users,
    };
  });
}

/** What createAciEmployee made: the person, her pathway, the CDDI stage and its contract. */
export interface AciEmployee {
  participantId: string;
  pathwayId: string;
  stageId: string;
  contract: { id: string; version: number; employerName: string };
}

/**
 * A participant employed by the tenant's integration company, made by her referent through the API:
 * Samir <lastName>, a CDDI stage the company runs and its contract (« Ouvrier maraîcher », 26 h a
 * week, September 2026 to February 2027). No consent: each test grants the ones it is about.
 */
export async function createAciEmployee(referent: GraphqlClient, tenant: TenantFixture, lastName: string): Promise<AciEmployee> {
  const created = await referent.data(
    `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { id currentPathway { id } } }`,
    { details: { firstName: 'Samir', lastName, birthDate: '1987-06-15' } },
  );
  const { stageKinds } = await referent.data<{ stageKinds: Array<{ id: string; code: string }> }>(`{ stageKinds { id code } }`);
  const { addStage } = await referent.data(`mutation($input: AddStageInput!) { addStage(input: $input) { id } }`, {
    input: {
      pathwayId: created.createParticipant.currentPathway.id,
      kindId: stageKinds.find((k) => k.code === 'IAE_CDDI_ACI')!.id,
      operatorId: tenant.organisations.siae.globalId,
      plannedStart: '2026-09-01',
    },
  });
  const { setAssistedContract } = await referent.data(
    `mutation($input: SetAssistedContractInput!) { setAssistedContract(input: $input) { id version employerName } }`,
    {
      input: {
        stageId: addStage.id,
        contractType: 'CDDI',
        startOn: '2026-09-01',
        endOn: '2027-02-28',
        weeklyHours: 26,
        position: 'Ouvrier maraîcher',
        romeCode: 'A1414',
      },
    },
  );
  return {
    participantId: created.createParticipant.id,
    pathwayId: created.createParticipant.currentPathway.id,
    stageId: addStage.id,
    contract: setAssistedContract,
  };
}

/** A client logged in as one of the fixture's users (they all share FIXTURE_PASSWORD). */
export async function loggedIn(server: TestServer, email: string): Promise<GraphqlClient> {
  const client = new GraphqlClient(server.app);
  await client.login(email, FIXTURE_PASSWORD);
  return client;
}
