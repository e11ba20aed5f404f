import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ConsentEffect,
  type ConsentGrantee,
  ConsentPurpose,
  ConsentStatus,
  type ConsentTerms,
  DataClass,
  decide,
  type FieldClass,
  IDENTIFICATION,
  OrganisationKind,
  type PartnerViewer,
  STAGE_KIND_TAXONOMY,
  type StageCategory,
} from '@jalon/domain';
import { applyRlsSettings, beginRequestTransaction } from '@jalon/api/src/access/request-transaction';
import { parseGlobalId, toGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient, nodesOf } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * Tries to break consent-scoped visibility: for generated consents (grantees by organisation and
 * by kind, of this tenant and of another, grants and refusals, every stage scope, periods around
 * the request's instant, revoked and expired ones), every query shape a partner can send must
 * return exactly what the decision in @jalon/domain allows — nothing more, counts included — and
 * a partner's own SQL transaction must not read a row without a consent in force.
 */

const NOW = new Date('2026-11-27T10:00:00Z');
const RUNS = Number(process.env.CONSENT_FUZZ_RUNS ?? 40);

let server: TestServer;
let plie: TenantFixture;
let other: TenantFixture;
let partners: Array<{ client: GraphqlClient; viewer: PartnerViewer; label: string }>;
let otherTenantIds: string[];

interface StageRow {
  id: string;
  kindCode: string;
  category: StageCategory;
  operatorOrganisationId: string | null;
  sharedSummary: string;
}
interface ParticipantRow {
  id: string;
  pathwayId: string;
  firstName: string;
  birthDate: string;
  phone: string;
  stages: StageRow[];
}
let people: ParticipantRow[];
let collectorUserId: string;

async function createPeople(tenant: TenantFixture, count: number): Promise<ParticipantRow[]> {
  const referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
  const kinds = Object.fromEntries((await referent.data(`{ stageKinds { id code } }`)).stageKinds.map((k: { id: string; code: string }) => [k.code, k.id]));
  const rows: ParticipantRow[] = [];
  for (let i = 0; i < count; i++) {
    const created = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id } } }`, {
      input: { details: { firstName: `Personne${i}`, lastName: `Fuzz${i}`, birthDate: `199${i}-02-0${i + 1}`, phone: `060000000${i}` } },
    });
    const pathwayGlobalId = created.createParticipant.currentPathway.id;
    const stages: StageRow[] = [];
    const plan: Array<[string, string | null]> = [
      ['IAE_CDDI_ACI', tenant.organisations.siae.globalId],
      ['TRAINING_QUALIFYING', tenant.organisations.commune.globalId],
      ['JOB_SEARCH', null],
    ];
    for (const [code, operatorId] of plan.slice(0, 1 + (i % 3))) {
      const summary = `Résumé ${code} ${i}`;
      const added = await referent.data(`mutation($input: AddStageInput!) { addStage(input: $input) { id } }`, {
        input: { pathwayId: pathwayGlobalId, kindId: kinds[code], operatorId, plannedStart: '2026-12-01', sharedSummary: summary, privateNotes: 'secret' },
      });
      stages.push({
        id: parseGlobalId(added.addStage.id)!.id,
        kindCode: code,
        category: STAGE_KIND_TAXONOMY.find((kind) => kind.code === code)!.category,
        operatorOrganisationId: operatorId ? parseGlobalId(operatorId)!.id : null,
        sharedSummary: summary,
      });
    }
    await referent.data(`mutation($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) { version } }`, {
      input: {
        pathwayId: pathwayGlobalId,
        strengths: 'Motivée',
        obstacles: [
          { category: 'MOBILITY', note: 'Pas de permis' },
          { category: 'HEALTH', note: 'Suivi médical' },
        ],
      },
    });
    rows.push({
      id: parseGlobalId(created.createParticipant.id)!.id,
      pathwayId: parseGlobalId(pathwayGlobalId)!.id,
      firstName: `Personne${i}`,
      birthDate: `199${i}-02-0${i + 1}`,
      phone: `060000000${i}`,
      stages,
    });
  }
  return rows;
}

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => NOW });
  plie = await createTenantFixture(server, 'Fuzz');
  other = await createTenantFixture(server, 'Ailleurs');
  people = await createPeople(plie, 4);
  otherTenantIds = (await createPeople(other, 1)).map((p) => p.id);
  collectorUserId = (await server.asOwner((em) => em.execute(`select id from app_user where email = ?`, [plie.users.referent.email])))[0]!.id;
  const login = async (email: string) => {
    const client = new GraphqlClient(server.app);
    await client.login(email, FIXTURE_PASSWORD);
    return client;
  };
  partners = [
    {
      client: await login(plie.users.partner.email),
      viewer: { organisationId: plie.organisations.commune.id, organisationKind: OrganisationKind.COMMUNE },
      label: 'commune',
    },
    {
      client: await login(plie.users.aci.email),
      viewer: { organisationId: plie.organisations.siae.id, organisationKind: OrganisationKind.INTEGRATION_COMPANY },
      label: 'integration company',
    },
  ];
}, 120_000);
afterAll(() => server.close());

const OBSERVED_CLASSES = [
  DataClass.PATHWAY_STATUS,
  DataClass.IDENTITY_CONTACT,
  DataClass.STAGE_LIST,
  DataClass.STAGE_DETAILS,
  DataClass.DIAGNOSIS,
  DataClass.HEALTH,
];
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

function consentsArb(): fc.Arbitrary<ConsentTerms[]> {
  const grantee = fc.oneof(
    fc
      .constantFrom(plie.organisations.commune.id, plie.organisations.siae.id, other.organisations.commune.id)
      .map((organisationId): ConsentGrantee => ({ organisationId })),
    fc
      .constantFrom(OrganisationKind.COMMUNE, OrganisationKind.INTEGRATION_COMPANY, OrganisationKind.TRAINING_OPERATOR)
      .map((organisationKind): ConsentGrantee => ({ organisationKind })),
  );
  const allStageIds = people.flatMap((p) => p.stages.map((s) => s.id));
  const consent = fc
    .record({
      participant: fc.constantFrom(...people),
      grantee,
      effect: fc.constantFrom(ConsentEffect.GRANT, ConsentEffect.GRANT, ConsentEffect.REFUSAL),
      // Mostly the classes the queries below observe, so grants and refusals collide often.
      dataClasses: fc.uniqueArray(fc.constantFrom(...OBSERVED_CLASSES, ...OBSERVED_CLASSES, ...Object.values(DataClass)), { minLength: 1, maxLength: 4 }),
      stageScope: fc.oneof(
        fc.constant({ all: true as const }),
        fc.record({ stageKinds: fc.uniqueArray(fc.constantFrom('IAE_CDDI_ACI', 'TRAINING_QUALIFYING', 'JOB_SEARCH'), { minLength: 1 }) }),
        fc.record({ stageIds: fc.uniqueArray(fc.constantFrom(...allStageIds), { minLength: 1, maxLength: 3 }) }),
      ),
      purpose: fc.constantFrom(...Object.values(ConsentPurpose)),
      fromHours: fc.integer({ min: -72, max: 12 }),
      untilHours: fc.option(fc.integer({ min: -24, max: 72 }), { nil: null }),
      status: fc.constantFrom(ConsentStatus.ACTIVE, ConsentStatus.ACTIVE, ConsentStatus.ACTIVE, ConsentStatus.REVOKED, ConsentStatus.EXPIRED),
    })
    .map((c): ConsentTerms => ({
      id: 'generated',
      participantId: c.participant.id,
      grantee: c.grantee,
      effect: c.effect,
      dataClasses: c.dataClasses,
      stageScope: c.stageScope,
      purpose: c.purpose,
      validFrom: hours(c.fromHours),
      validUntil: c.untilHours === null ? null : hours(Math.max(c.untilHours, c.fromHours + 1)),
      status: c.status,
    }));
  return fc.array(consent, { maxLength: 12 });
}

async function replaceConsents(consents: ConsentTerms[]): Promise<void> {
  await server.asOwner(async (em) => {
    await em.execute(`delete from consent where tenant_id = ?`, [plie.tenantId]);
    for (const c of consents) {
      const person = people.find((p) => p.id === c.participantId)!;
      await em.execute(
        `insert into consent (id, created_at, tenant_id, participant_id, pathway_id, grantee_organisation_id, grantee_kind, effect, data_classes, stage_kinds, stage_ids,
           purpose, valid_from, valid_until, status, method, collected_by_id, collected_on, notice_version)
         values (gen_random_uuid(), now(), ?, ?, ?, ?, ?::organisation_kind, ?::consent_effect, ?::text[], ?::text[], ?::uuid[], ?::consent_purpose, ?, ?, ?::consent_status, 'SIGNED_FORM', ?, '2026-11-01', 'fuzz')`,
        [
          plie.tenantId,
          c.participantId,
          person.pathwayId,
          c.grantee.organisationId ?? null,
          c.grantee.organisationKind ?? null,
          c.effect,
          `{${c.dataClasses.join(',')}}`,
          'stageKinds' in c.stageScope ? `{${c.stageScope.stageKinds.join(',')}}` : null,
          'stageIds' in c.stageScope ? `{${c.stageScope.stageIds.join(',')}}` : null,
          c.purpose,
          c.validFrom,
          c.validUntil,
          c.status,
          collectorUserId,
        ],
      );
    }
  });
}

/** What the decision allows this viewer to see of a participant's field class (the oracle). */
function allowed(viewer: PartnerViewer, consents: ConsentTerms[], participantId: string, fieldClass: FieldClass, stage?: StageRow): boolean {
  return decide(viewer, { participantId, fieldClass, stage }, consents, NOW).allowed;
}

const LIST = `query {
  participants(page: { first: 100 }) {
    totalCount
    edges { node { id firstName lastName birthDate phone alerts currentPathway { status exitKind } access { identityContact diagnosis health }
      stages { id kind { code } sharedSummary privateNotes } } }
  }
}`;
const ONE = `fragment Seen on Participant { id firstName birthDate currentPathway { status } stages { ...StageSeen } diagnosis { obstacles { category } } }
fragment StageSeen on Stage { id sharedSummary ... on Stage { privateNotes } }
query($id: ID!) { first: participant(id: $id) { ...Seen } second: participant(id: $id) { ... on Participant { phone } } }`;
const STAGES = `query($id: ID!) { stages(pathwayId: $id) { id sharedSummary privateNotes } }`;
const DIAGNOSIS = `query($id: ID!) { diagnosis(pathwayId: $id) { strengths obstacles { category note } version } }`;

async function checkPartner(partner: (typeof partners)[number], consents: ConsentTerms[]): Promise<void> {
  const { client, viewer } = partner;
  const visible = people.filter((p) => allowed(viewer, consents, p.id, IDENTIFICATION));
  const expectStages = (person: ParticipantRow) =>
    person.stages
      .filter((s) => allowed(viewer, consents, person.id, DataClass.STAGE_LIST, s))
      .map((s) => ({
        id: toGlobalId('Stage', s.id),
        sharedSummary: allowed(viewer, consents, person.id, DataClass.STAGE_DETAILS, s) ? s.sharedSummary : null,
        privateNotes: null,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));

  // The list: exactly the visible people, counted as such, each field as its class allows.
  const list = await client.data(LIST);
  expect(list.participants.totalCount).toBe(visible.length);
  const listed = nodesOf(list.participants);
  expect(listed.map((n: { id: string }) => n.id).sort()).toEqual(visible.map((p) => toGlobalId('Participant', p.id)).sort());
  for (const node of listed) {
    const person = people.find((p) => toGlobalId('Participant', p.id) === node.id)!;
    const contact = allowed(viewer, consents, person.id, DataClass.IDENTITY_CONTACT);
    expect(node.birthDate).toBe(contact ? person.birthDate : null);
    expect(node.access.identityContact).toBe(contact);
    expect(node.alerts).toBeNull();
    expect(node.currentPathway === null).toBe(!allowed(viewer, consents, person.id, DataClass.PATHWAY_STATUS));
    if (node.currentPathway) expect(node.currentPathway.exitKind).toBeNull();
    const stages = node.stages.map(({ id, sharedSummary, privateNotes }: Record<string, unknown>) => ({ id, sharedSummary, privateNotes }));
    expect(stages.sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id))).toEqual(expectStages(person));
  }

  // Direct reads, with fragments and aliases, of every person of this PLIE and of another one.
  for (const id of [...people.map((p) => p.id), ...otherTenantIds]) {
    const person = people.find((p) => p.id === id);
    const one = await client.request(ONE, { id: toGlobalId('Participant', id) });
    if (!person || !visible.includes(person)) {
      expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(one.data ?? null).toBeNull();
      continue;
    }
    expect(one.errors).toBeUndefined();
    expect(one.data!.first.firstName).toBe(person.firstName);
    expect(one.data!.second.phone).toBe(allowed(viewer, consents, id, DataClass.IDENTITY_CONTACT) ? person.phone : null);
    expect(one.data!.first.stages.map((s: { id: string }) => s.id).sort()).toEqual(
      expectStages(person)
        .map((s) => s.id)
        .sort(),
    );
    expect(one.data!.first.diagnosis).toEqual(
      allowed(viewer, consents, id, DataClass.DIAGNOSIS)
        ? { obstacles: [{ category: 'MOBILITY' }, ...(allowed(viewer, consents, id, DataClass.HEALTH) ? [{ category: 'HEALTH' }] : [])] }
        : null,
    );
  }

  // Other paths to the same rows: a pathway's stages and its diagnosis.
  for (const person of people) {
    const stages = await client.request(STAGES, { id: toGlobalId('Pathway', person.pathwayId) });
    const diagnosis = await client.request(DIAGNOSIS, { id: toGlobalId('Pathway', person.pathwayId) });
    if (!visible.includes(person)) {
      expect(stages.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(diagnosis.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      continue;
    }
    expect([...stages.data!.stages].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id))).toEqual(expectStages(person));
    if (!allowed(viewer, consents, person.id, DataClass.DIAGNOSIS)) {
      expect(diagnosis.data!.diagnosis).toBeNull();
      continue;
    }
    const expected = [
      { category: 'MOBILITY', note: 'Pas de permis' },
      ...(allowed(viewer, consents, person.id, DataClass.HEALTH) ? [{ category: 'HEALTH', note: 'Suivi médical' }] : []),
    ];
    expect(diagnosis.data!.diagnosis).toEqual({ strengths: 'Motivée', obstacles: expected, version: null });
  }
}

describe('consent-scoped visibility under attack', () => {
  it('gives every partner, by every query shape, exactly what the consents allow', async () => {
    await fc.assert(
      fc.asyncProperty(consentsArb(), async (consents) => {
        await replaceConsents(consents);
        for (const partner of partners) await checkPartner(partner, consents);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it("keeps a partner's own SQL transaction off rows no consent in force covers (row-level security, whatever the resolvers do)", async () => {
    await fc.assert(
      fc.asyncProperty(consentsArb(), async (consents) => {
        await replaceConsents(consents);
        for (const { viewer } of partners) {
          const em = server.database.orm.em.fork();
          await beginRequestTransaction(em);
          try {
            await applyRlsSettings(em, { tenantId: plie.tenantId, organisationId: viewer.organisationId, staff: false, now: NOW });
            const rows = await em.execute<Array<{ id: string }>>(`select id from participant`);
            const stageRows = await em.execute<Array<{ id: string }>>(`select id from stage`);
            const diagnosisRows = await em.execute<Array<{ n: number }>>(`select count(*)::int as n from diagnosis`);
            const inForce = (participantId: string, effect: ConsentEffect, dataClass?: DataClass) =>
              consents.filter(
                (c) =>
                  c.participantId === participantId &&
                  c.effect === effect &&
                  c.status === ConsentStatus.ACTIVE &&
                  c.validFrom <= NOW &&
                  (c.validUntil === null || NOW < c.validUntil) &&
                  (c.grantee.organisationId === viewer.organisationId || c.grantee.organisationKind === viewer.organisationKind) &&
                  (!dataClass || c.dataClasses.includes(dataClass)),
              );
            const granted = (participantId: string, dataClass?: DataClass) => inForce(participantId, ConsentEffect.GRANT, dataClass).length > 0;
            // A refusal covering every stage takes its classes away in SQL too (a narrower one is left to the API).
            const refusedEverywhere = (participantId: string, dataClass: DataClass) =>
              inForce(participantId, ConsentEffect.REFUSAL, dataClass).some((c) => 'all' in c.stageScope);
            for (const row of rows) expect(granted(row.id)).toBe(true);
            // Never fewer than the API shows: the API narrows what row-level security lets through.
            for (const person of people) if (allowed(viewer, consents, person.id, IDENTIFICATION)) expect(rows.map((r) => r.id)).toContain(person.id);
            for (const row of stageRows) expect(granted(people.find((p) => p.stages.some((s) => s.id === row.id))!.id)).toBe(true);
            expect(diagnosisRows[0]!.n).toBe(people.filter((p) => granted(p.id, DataClass.DIAGNOSIS) && !refusedEverywhere(p.id, DataClass.DIAGNOSIS)).length);
            expect(await em.execute(`select id from journal_entry`)).toEqual([]);
            expect(await em.execute(`select id from participant_change`)).toEqual([]);
            expect(await em.execute(`select seq from access_log`)).toEqual([]);
          } finally {
            await em.rollback();
          }
        }
      }),
      { numRuns: RUNS * 3 },
    );
  }, 600_000);

  it('refuses batched operations outright: one operation per request', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', cookie: partners[0]!.client.cookie! },
      payload: JSON.stringify([{ query: '{ participants { totalCount } }' }, { query: '{ participants { totalCount } }' }]),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('totalCount');
  });
});
