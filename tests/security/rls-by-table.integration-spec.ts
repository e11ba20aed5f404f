import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConsentEffect,
  ConsentPurpose,
  ConsentStatus,
  type ConsentTerms,
  DataClass,
  decide,
  type FieldClass,
  IDENTIFICATION,
  OrganisationKind,
  type PartnerViewer,
  SiaeKind,
  SPECIAL_CATEGORY_CLASSES,
  type StageCategory,
  type StageFacts,
} from '@jalon/domain';
import { APP_ROLE } from '@jalon/api/src/access/app-role';
import { applyRlsSettings, beginRequestTransaction } from '@jalon/api/src/access/request-transaction';
import { parseGlobalId, toGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * Row-level security read table by table, as each kind of partner, directly in SQL: for every
 * table of the public schema (listed from pg_catalog, so a new table is covered the day it is
 * created), under each set of consents, a partner's own transaction (the application role, its
 * request's settings) reads exactly the rows the API's rule lets it see: participant data only
 * under a consent in force, as packages/domain decides it; its own organisation's rows; the
 * tenant's reference data. A table that holds tenant data without row-level security enabled and
 * forced, or that no rule below describes, fails the test.
 */

const NOW = new Date('2026-11-27T10:00:00Z');
type Row = Record<string, unknown> & { tenant_id?: string };

let server: TestServer;
let plie: TenantFixture;
let ettiId: string;
let collectorUserId: string;
let partners: Array<{ label: string; viewer: PartnerViewer; userId: string | null }>;
/** The facts the API's rule needs about the rows: each stage (kind, category, operator) and its participant. */
let stages: Map<string, { facts: StageFacts; participantId: string }>;
let contractStage: Map<string, string>;
/** The programme: each action's operator, each session's action, each positioning as the stage it would be (or is). */
let actionOperator: Map<string, string>;
let sessionAction: Map<string, string>;
let positionings: Map<string, StageFacts>;
/** The partner organisation that each offer's company is, if any. */
let offerCompanyOrganisation: Map<string, string | null>;
/** The people of the test: Amina has a stage with each partner; Bruno has an integration contract and never any consent. */
let amina: { id: string; pathwayId: string; stageIds: Record<'aci' | 'etti' | 'training' | 'jobSearch', string> };

const uuid = (globalId: string) => parseGlobalId(globalId)!.id;
const client = async (email: string) => {
  const c = new GraphqlClient(server.app);
  await c.login(email, FIXTURE_PASSWORD);
  return c;
};

async function createData(): Promise<void> {
  const referent = await client(plie.users.referent.email);
  const kinds = Object.fromEntries((await referent.data(`{ stageKinds { id code } }`)).stageKinds.map((k: { id: string; code: string }) => [k.code, k.id]));
  const person = async (lastName: string) => {
    const created = await referent.data(
      `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { id currentPathway { id } } }`,
      { details: { firstName: 'Table', lastName, birthDate: '1991-05-06', phone: '0611223344' } },
    );
    return { id: created.createParticipant.id as string, pathwayId: created.createParticipant.currentPathway.id as string };
  };
  const stage = async (pathwayId: string, kind: string, operatorId: string | null) =>
    (
      await referent.data(`mutation($input: AddStageInput!) { addStage(input: $input) { id } }`, {
        input: { pathwayId, kindId: kinds[kind], operatorId, plannedStart: '2026-09-01', sharedSummary: `Résumé ${kind}`, privateNotes: 'note privée' },
      })
    ).addStage.id as string;
  const contract = async (stageId: string) => {
    const { setAssistedContract } = await referent.data(`mutation($input: SetAssistedContractInput!) { setAssistedContract(input: $input) { id version } }`, {
      input: { stageId, contractType: 'CDDI', startOn: '2026-09-01', endOn: '2027-02-28', weeklyHours: 26, position: 'Agent' },
    });
    await referent.data(`mutation($input: RenewContractInput!) { renewAssistedContract(input: $input) { id } }`, {
      input: { contractId: setAssistedContract.id, version: setAssistedContract.version, newEndOn: '2027-04-30' },
    });
    await referent.data(`mutation($input: FileContractReportsInput!) { fileContractReports(input: $input) { id } }`, {
      input: { period: '2026-10', reports: [{ contractId: setAssistedContract.id, hoursWorked: 100, trainingHours: 0, absenceHours: 0 }] },
    });
  };

  const a = await person('Amina');
  const stageIds = {
    aci: await stage(a.pathwayId, 'IAE_CDDI_ACI', plie.organisations.siae.globalId),
    etti: await stage(a.pathwayId, 'IAE_ETTI', toGlobalId('Organisation', ettiId)),
    training: await stage(a.pathwayId, 'TRAINING_QUALIFYING', plie.organisations.training.globalId),
    jobSearch: await stage(a.pathwayId, 'JOB_SEARCH', null),
    // Of the programme action's kind and operator, but not the stage its positioning became.
    language: await stage(a.pathwayId, 'TRAINING_LANGUAGE', plie.organisations.training.globalId),
  };
  await contract(stageIds.aci);
  await contract(stageIds.etti);
  await referent.data(`mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { id } }`, {
    input: { period: '2026-10', entries: [{ stageId: stageIds.training, hoursPlanned: 100, hoursAttended: 90 }] },
  });
  await referent.data(`mutation($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) { version } }`, {
    input: { pathwayId: a.pathwayId, strengths: 'Motivée', obstacles: [{ category: 'MOBILITY', note: 'Pas de permis' }] },
  });
  const { createCompany } = await referent.data(`mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`, {
    input: { siret: '44332211000018', name: 'Entreprise suivie', kind: 'CLASSIC', contacts: [{ name: 'Contact' }] },
  });
  await referent.data(`mutation($input: RecordCompanyEventInput!) { recordCompanyEvent(input: $input) { id } }`, {
    input: { companyId: createCompany.id, kind: 'VISIT', happenedOn: '2026-10-01', summary: 'Visite' },
  });
  // A social clause of that company, with Amina placed on it and her hours (she has consents in some scenarios: none opens these).
  const { createSocialClause } = await referent.data(`mutation($input: CreateSocialClauseInput!) { createSocialClause(input: $input) { id } }`, {
    input: { companyId: createCompany.id, buyer: 'Ville', contractName: 'Marché', startsOn: '2026-09-01', endsOn: '2027-08-31', hoursOwed: 400 },
  });
  const { placeOnSocialClause } = await referent.data(`mutation($input: PlaceOnSocialClauseInput!) { placeOnSocialClause(input: $input) { id } }`, {
    input: { clauseId: createSocialClause.id, participantId: a.id, kind: 'DIRECT_HIRE', startsOn: '2026-09-01' },
  });
  await referent.data(`mutation($input: RecordClauseHoursInput!) { recordClauseHours(input: $input) { id } }`, {
    input: { placementId: placeOnSocialClause.id, fromOn: '2026-09-01', toOn: '2026-09-05', hours: 30 },
  });
  await referent.data(`mutation($input: RecordProfessionalProjectInput!) { recordProfessionalProject(input: $input) { number } }`, {
    input: { pathwayId: a.pathwayId, amends: 0, targets: [{ romeCode: 'K2204', status: 'TO_EXPLORE', skillsAcquired: ['Ponctualité'], skillsToAcquire: [] }] },
  });
  amina = {
    id: parseGlobalId(a.id)!.id,
    pathwayId: parseGlobalId(a.pathwayId)!.id,
    stageIds: { aci: uuid(stageIds.aci), etti: uuid(stageIds.etti), training: uuid(stageIds.training), jobSearch: uuid(stageIds.jobSearch) },
  };

  const b = await person('Bruno');
  await contract(await stage(b.pathwayId, 'IAE_CDDI_ACI', plie.organisations.siae.globalId));

  // The ACI is also a company the PLIE follows: an offer of its own and one of another company, each with Amina's and Bruno's candidacies.
  await server.asOwner((em) => em.execute(`update organisation set siret = '73282932000074' where id = ?`, [plie.organisations.siae.id]));
  const aciCompany = await referent.data(`mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`, {
    input: { siret: '73282932000074', name: 'ACI suivie', kind: 'INTEGRATION', contacts: [] },
  });
  await server.asOwner(async (em) => {
    for (const companyId of [uuid(aciCompany.createCompany.id), uuid(createCompany.id)]) {
      const [offer] = await em.execute<Array<{ id: string }>>(
        `insert into job_offer (id, created_at, updated_at, tenant_id, company_id, title, rome_code, commune_code, contract_type, duration_months, weekly_hours, positions, source, author_id)
         select gen_random_uuid(), now(), now(), ?, ?, 'Offre', 'K2204', '38151', 'CDDI', 6, 26, 2, 'COMPANY', id from app_user where email = ? returning id`,
        [plie.tenantId, companyId, plie.users.referent.email],
      );
      for (const person of [a, b])
        await em.execute(
          `insert into candidacy (id, created_at, updated_at, tenant_id, offer_id, participant_id, pathway_id, summary, proposed_by_id)
           select gen_random_uuid(), now(), now(), ?, ?, ?, ?, 'Présentation', id from app_user where email = ?`,
          [plie.tenantId, offer!.id, uuid(person.id), uuid(person.pathwayId), plie.users.referent.email],
        );
    }
  });

  // A FLE action of the programme run by the training operator, Amina and Bruno positioned on its session (Amina accepted, her stage with it).
  await server.asOwner(async (em) => {
    const [action] = await em.execute<Array<{ id: string }>>(
      `insert into programme_action (id, created_at, updated_at, tenant_id, title, operator_id, kind_id, funding, target_public, status, author_id)
       select gen_random_uuid(), now(), now(), ?, 'FLE', ?, k.id, 'PLIE', 'Allophones', 'OPEN', u.id from stage_kind k, app_user u
        where k.tenant_id = ? and k.code = 'TRAINING_LANGUAGE' and u.email = ? returning id`,
      [plie.tenantId, plie.organisations.training.id, plie.tenantId, plie.users.animation.email],
    );
    const [session] = await em.execute<Array<{ id: string }>>(
      `insert into programme_session (id, created_at, tenant_id, action_id, starts_on, ends_on, commune_code, places) values (gen_random_uuid(), now(), ?, ?, '2027-01-11', '2027-03-26', '38151', 8) returning id`,
      [plie.tenantId, action!.id],
    );
    for (const [person, status, stageId] of [
      [a, 'ACCEPTED', stageIds.training],
      [b, 'PROPOSED', null],
    ] as const)
      await em.execute(
        `insert into positioning (id, created_at, updated_at, tenant_id, session_id, participant_id, pathway_id, reason, status, stage_id, proposed_by_id)
         select gen_random_uuid(), now(), now(), ?, ?, ?, ?, 'Besoin du français écrit', ?::positioning_status, ?, id from app_user where email = ?`,
        [plie.tenantId, session!.id, uuid(person.id), uuid(person.pathwayId), status, stageId ? uuid(stageId) : null, plie.users.referent.email],
      );
    await em.execute(
      `insert into programme_need (id, created_at, tenant_id, kind_id, commune_code, people, period, quarter, participant_id, author_id)
       select gen_random_uuid(), now(), ?, k.id, '38151', 1, '2027-01', '2027-Q1', ?, u.id from stage_kind k, app_user u where k.tenant_id = ? and k.code = 'TRAINING_LANGUAGE' and u.email = ?`,
      [plie.tenantId, uuid(a.id), plie.tenantId, plie.users.referent.email],
    );
  });

  // The PLIE's administrator invites people to two partner organisations.
  const admin = await client(plie.users.admin.email);
  for (const [email, organisationId] of [
    ['nouvelle.aci@test.jalon', plie.organisations.siae.globalId],
    ['nouveau.formateur@test.jalon', plie.organisations.training.globalId],
  ])
    await admin.data(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { __typename } }`, {
      input: { email, displayName: 'Nouvelle personne', organisationId, role: 'PARTNER_AGENT' },
    });

  // Every partner has logged in: its session rows exist, and those of its colleagues and of staff.
  for (const email of [plie.users.partner.email, plie.users.aci.email, plie.users.trainer.email, plie.users.admin.email]) await client(email);
}

/** The facts the rule needs, read as the owner once the data exists. */
async function loadFacts(): Promise<void> {
  await server.asOwner(async (em) => {
    const rows = await em.execute<Array<{ id: string; code: string; category: StageCategory; operator_id: string | null; participant_id: string }>>(
      `select s.id, k.code, k.category, s.operator_id, p.participant_id from stage s join stage_kind k on k.id = s.kind_id join pathway p on p.id = s.pathway_id`,
    );
    stages = new Map(
      rows.map((r) => [
        r.id,
        { facts: { id: r.id, kindCode: r.code, category: r.category, operatorOrganisationId: r.operator_id }, participantId: r.participant_id },
      ]),
    );
    offerCompanyOrganisation = new Map(
      (
        await em.execute<Array<{ id: string; organisation_id: string | null }>>(
          `select o.id, c.organisation_id from job_offer o join company c on c.id = o.company_id`,
        )
      ).map((r) => [r.id, r.organisation_id]),
    );
    actionOperator = new Map(
      (await em.execute<Array<{ id: string; operator_id: string }>>(`select id, operator_id from programme_action`)).map((r) => [r.id, r.operator_id]),
    );
    sessionAction = new Map(
      (await em.execute<Array<{ id: string; action_id: string }>>(`select id, action_id from programme_session`)).map((r) => [r.id, r.action_id]),
    );
    positionings = new Map(
      (
        await em.execute<Array<{ id: string; stage_id: string | null; code: string; category: StageCategory; operator_id: string }>>(
          `select p.id, p.stage_id, k.code, k.category, a.operator_id from positioning p join programme_session s on s.id = p.session_id
             join programme_action a on a.id = s.action_id join stage_kind k on k.id = a.kind_id`,
        )
      ).map((r) => [r.id, { id: r.stage_id ?? r.id, kindCode: r.code, category: r.category, operatorOrganisationId: r.operator_id }]),
    );
    contractStage = new Map(
      (await em.execute<Array<{ id: string; stage_id: string }>>(`select id, stage_id from assisted_contract`)).map((r) => [r.id, r.stage_id]),
    );
  });
}

/** Office hours in the commune's town (Grenoble) and in another, a booking by the commune, its calendar link. */
async function createOfficeHours(): Promise<void> {
  const animation = await client(plie.users.animation.email);
  const referent = await client(plie.users.referent.email);
  const commune = await client(plie.users.partner.email);
  const { referents } = await animation.data(`{ referents { id } }`);
  const ids: string[] = [];
  for (const communeCode of ['38185', '38151']) {
    const { assignOfficeHoursReferent } = await animation.data(`mutation($input: AssignReferentInput!) { assignOfficeHoursReferent(input: $input) { id } }`, {
      input: { referentId: referents[0].id, communeCode },
    });
    const { publishOfficeHours } = await referent.data(`mutation($input: PublishOfficeHoursInput!) { publishOfficeHours(input: $input) { id } }`, {
      input: {
        assignmentId: assignOfficeHoursReferent.id,
        weekday: 1,
        startMinute: 540,
        endMinute: 720,
        slotMinutes: 30,
        address: `Mairie ${communeCode}`,
        validFrom: '2026-11-27',
      },
    });
    await referent.data(`mutation($input: CloseOfficeHoursDayInput!) { closeOfficeHoursDay(input: $input) { id } }`, {
      input: { officeHoursId: publishOfficeHours.id, day: '2026-12-07', reason: 'CANCELLED' },
    });
    ids.push(publishOfficeHours.id);
  }
  const { submitReferral } = await commune.data(`mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, {
    input: {
      details: { firstName: 'Table', lastName: 'Permanence', birthDate: '1990-01-01' },
      situation: 'Situation',
      reason: 'Raison',
      agreementMethod: 'SIGNED_FORM',
      agreedOn: '2026-11-26',
    },
  });
  await commune.data(`mutation($input: BookOfficeHoursSlotInput!) { bookOfficeHoursSlot(input: $input) { id } }`, {
    input: { officeHoursId: ids[0], startsAt: '2026-11-30T08:00:00Z', referralId: submitReferral.id, agreementMethod: 'SIGNED_FORM', agreedOn: '2026-11-26' },
  });
  await commune.data(`mutation { createOfficeHoursCalendarLink { url } }`);
}

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => NOW });
  plie = await createTenantFixture(server, 'Tables');
  await createTenantFixture(server, 'Voisin');
  ettiId = await server.asOwner(async (em) => {
    const [row] = await em.execute<Array<{ id: string }>>(
      `insert into organisation (id, created_at, tenant_id, name, kind, siae_kind) values (gen_random_uuid(), now(), ?, 'ETTI Tables', 'INTEGRATION_COMPANY', ?::siae_kind) returning id`,
      [plie.tenantId, SiaeKind.ETTI],
    );
    return row!.id;
  });
  await createData();
  await createOfficeHours();
  await loadFacts();
  const userIds = await server.asOwner(async (em) =>
    Object.fromEntries((await em.execute<Array<{ id: string; email: string }>>(`select id, email from app_user`)).map((r) => [r.email, r.id])),
  );
  collectorUserId = userIds[plie.users.referent.email]!;
  partners = [
    {
      label: 'commune',
      viewer: { organisationId: plie.organisations.commune.id, organisationKind: OrganisationKind.COMMUNE },
      userId: userIds[plie.users.partner.email]!,
    },
    {
      label: 'integration company (ACI)',
      viewer: { organisationId: plie.organisations.siae.id, organisationKind: OrganisationKind.INTEGRATION_COMPANY },
      userId: userIds[plie.users.aci.email]!,
    },
    { label: 'integration temping agency (ETTI)', viewer: { organisationId: ettiId, organisationKind: OrganisationKind.INTEGRATION_COMPANY }, userId: null },
    {
      label: 'training operator',
      viewer: { organisationId: plie.organisations.training.id, organisationKind: OrganisationKind.TRAINING_OPERATOR },
      userId: userIds[plie.users.trainer.email]!,
    },
  ];
}, 120_000);
afterAll(() => server.close());

const GRANTABLE = Object.values(DataClass).filter((dataClass) => !SPECIAL_CATEGORY_CLASSES.includes(dataClass));

/** The sets of consents each partner is tried under, all about Amina. */
function scenarios(viewer: PartnerViewer): Array<{ label: string; consents: ConsentTerms[] }> {
  const operated =
    Object.values(amina.stageIds).find((id) => stages.get(id)!.facts.operatorOrganisationId === viewer.organisationId) ?? amina.stageIds.jobSearch;
  const terms = (overrides: Partial<ConsentTerms>): ConsentTerms => ({
    id: 'scenario',
    participantId: amina.id,
    grantee: { organisationId: viewer.organisationId },
    effect: ConsentEffect.GRANT,
    dataClasses: [DataClass.PATHWAY_STATUS],
    stageScope: { all: true },
    purpose: ConsentPurpose.REFERRAL_FOLLOW_UP,
    validFrom: new Date(NOW.getTime() - 86_400_000),
    validUntil: null,
    status: ConsentStatus.ACTIVE,
    ...overrides,
  });
  const refusal = (dataClasses: DataClass[]) => terms({ grantee: { organisationKind: viewer.organisationKind }, effect: ConsentEffect.REFUSAL, dataClasses });
  return [
    { label: 'no consent', consents: [] },
    { label: 'a refusal of everything to its kind', consents: [refusal(GRANTABLE)] },
    { label: 'a withdrawn grant of everything', consents: [terms({ dataClasses: GRANTABLE, status: ConsentStatus.REVOKED })] },
    { label: 'a grant not yet in force', consents: [terms({ dataClasses: GRANTABLE, validFrom: new Date(NOW.getTime() + 86_400_000) })] },
    { label: 'the pathway status for meetings', consents: [terms({ purpose: ConsentPurpose.COORDINATION_MEETINGS })] },
    { label: 'the stage list', consents: [terms({ dataClasses: [DataClass.STAGE_LIST] })] },
    // Narrowed grants: the stage's policy reads whole pathways only for grants of every stage.
    { label: 'the stage list of one stage', consents: [terms({ dataClasses: [DataClass.STAGE_LIST], stageScope: { stageIds: [amina.stageIds.training] } })] },
    {
      label: 'the stage list of two kinds',
      consents: [terms({ dataClasses: [DataClass.STAGE_LIST], stageScope: { stageKinds: ['IAE_CDDI_ACI', 'JOB_SEARCH'] } })],
    },
    {
      label: 'the details of its stage',
      consents: [terms({ dataClasses: [DataClass.STAGE_DETAILS], stageScope: { stageIds: [operated] }, purpose: ConsentPurpose.COORDINATION_MEETINGS })],
    },
    // Refused on every stage, the details show its operator nothing, not even its stage in the list.
    { label: 'the details, refused to its kind', consents: [terms({ dataClasses: [DataClass.STAGE_DETAILS] }), refusal([DataClass.STAGE_DETAILS])] },
    {
      label: 'the reports classes for their purposes',
      consents: [
        terms({ dataClasses: [DataClass.CONTRACT_REPORTS], purpose: ConsentPurpose.CONTRACT_REPORTING }),
        terms({ dataClasses: [DataClass.TRAINING_REPORTS], purpose: ConsentPurpose.TRAINING_FOLLOW_UP }),
      ],
    },
    {
      label: 'the reports classes for meetings',
      consents: [terms({ dataClasses: [DataClass.CONTRACT_REPORTS, DataClass.TRAINING_REPORTS], purpose: ConsentPurpose.COORDINATION_MEETINGS })],
    },
    { label: 'its candidacies for job applications', consents: [terms({ dataClasses: [DataClass.JOB_APPLICATION], purpose: ConsentPurpose.JOB_APPLICATION })] },
    { label: 'everything to its kind', consents: [terms({ grantee: { organisationKind: viewer.organisationKind }, dataClasses: GRANTABLE })] },
    {
      label: 'a special category granted to its kind',
      consents: [terms({ grantee: { organisationKind: viewer.organisationKind }, dataClasses: [DataClass.HEALTH] })],
    },
    { label: 'everything to it, everything refused to its kind', consents: [terms({ dataClasses: GRANTABLE }), refusal(GRANTABLE)] },
    {
      label: 'everything to it, the details and the diagnosis refused to its kind',
      consents: [
        terms({ dataClasses: GRANTABLE, purpose: ConsentPurpose.CONTRACT_REPORTING }),
        terms({ dataClasses: [DataClass.TRAINING_REPORTS], purpose: ConsentPurpose.TRAINING_FOLLOW_UP }),
        refusal([DataClass.STAGE_DETAILS, DataClass.DIAGNOSIS]),
      ],
    },
  ];
}

async function replaceConsents(consents: ConsentTerms[]): Promise<void> {
  await server.asOwner(async (em) => {
    await em.execute(`delete from consent where tenant_id = ?`, [plie.tenantId]);
    for (const c of consents)
      await em.execute(
        `insert into consent (id, created_at, tenant_id, participant_id, pathway_id, grantee_organisation_id, grantee_kind, effect, data_classes, stage_kinds, stage_ids,
           purpose, valid_from, valid_until, status, method, collected_by_id, collected_on, notice_version)
         values (gen_random_uuid(), now(), ?, ?, ?, ?, ?::organisation_kind, ?::consent_effect, ?::text[], ?::text[], ?::uuid[], ?::consent_purpose, ?, ?, ?::consent_status, 'SIGNED_FORM', ?, '2026-11-01', 'rls')`,
        [
          plie.tenantId,
          c.participantId,
          amina.pathwayId,
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
  });
}

/** What the API's rule lets `viewer` see of each table's row, under `consents`. */
function rulesFor(viewer: PartnerViewer, userId: string | null, consents: ConsentTerms[]): Record<string, (row: Row) => boolean> {
  const inTenant = (row: Row) => row.tenant_id === plie.tenantId;
  const sees = (participantId: unknown, fieldClass: FieldClass, stageId?: unknown) => {
    const stage = typeof stageId === 'string' ? stages.get(stageId)?.facts : undefined;
    return decide(viewer, { participantId: String(participantId), fieldClass, stage }, consents, NOW).allowed;
  };
  const participantOf = (stageId: unknown) => stages.get(String(stageId))?.participantId;
  const onStage = (fieldClass: DataClass) => (row: Row) => inTenant(row) && sees(participantOf(row.stage_id), fieldClass, row.stage_id);
  const onContract = (fieldClass: DataClass) => (row: Row) => onStage(fieldClass)({ ...row, stage_id: contractStage.get(String(row.contract_id)) });
  const ownOrganisation = (row: Row) => inTenant(row) && row.organisation_id === viewer.organisationId;
  const authored = (row: Row) => inTenant(row) && row.author_organisation_id === viewer.organisationId;
  const nothing = () => false;
  // Whose memberships a partner reads: its organisation's, the staff's (it is shown their names) and those of the people invited to its meetings.
  const membershipSeen = (row: Row) =>
    row.user_id === userId ||
    (inTenant(row) &&
      (row.organisation_id === viewer.organisationId ||
        staffOrganisations.has(String(row.organisation_id)) ||
        invitees.some((i) => i.user_id === row.user_id && i.organisation_id === viewer.organisationId)));
  return {
    // The tenant, and the reference data every member uses.
    tenant: (row) => row.id === plie.tenantId,
    organisation: inTenant,
    stage_kind: inTenant,
    priority_district: inTenant,
    // Accounts: one's own only (these partners are agents; an administrator's colleagues and the names
    // a partner is shown, through jalon_user_names(), are in partner-account-rows.integration-spec.ts).
    app_user: (row) => row.id === userId,
    // Password hashes: one's own only (account-credentials.integration-spec.ts).
    user_credential: (row) => userId !== null && row.user_id === userId,
    membership: membershipSeen,
    // Sessions: one's own only. Login attempts: only while logging in (none in a request).
    session: (row) => userId !== null && row.user_id === userId,
    login_attempt: nothing,
    // What a partner's administrator manages: its own organisation's invitations.
    invitation: ownOrganisation,
    // Request bookkeeping: the keys of its own create mutations.
    idempotency_key: (row) => inTenant(row) && userId !== null && row.user_id === userId,
    // Participant data, under a consent in force only.
    participant: (row) => inTenant(row) && sees(row.id, IDENTIFICATION),
    pathway: (row) => inTenant(row) && sees(row.participant_id, IDENTIFICATION),
    stage: (row) => inTenant(row) && sees(participantOf(row.id), DataClass.STAGE_LIST, row.id),
    assisted_contract: (row) => onContract(DataClass.STAGE_DETAILS)({ ...row, contract_id: row.id }),
    assisted_contract_renewal: onContract(DataClass.STAGE_DETAILS),
    contract_report: (row) => authored(row) || onContract(DataClass.CONTRACT_REPORTS)(row),
    training_attendance: (row) => authored(row) || onStage(DataClass.TRAINING_REPORTS)(row),
    training_result: (row) => authored(row) || onStage(DataClass.TRAINING_REPORTS)(row),
    diagnosis: (row) => inTenant(row) && sees(pathwayParticipant.get(String(row.pathway_id)), DataClass.DIAGNOSIS),
    follow_up_check_in: (row) => inTenant(row) && sees(pathwayParticipant.get(String(row.pathway_id)), DataClass.EXIT_FOLLOW_UP),
    // The appointments it booked in office hours, and the office hours of its own commune (days off included).
    appointment: (row) => inTenant(row) && row.booked_by_organisation_id === viewer.organisationId,
    appointment_attendee: nothing,
    office_hours: (row) => inTenant(row) && communeOf.get(viewer.organisationId) === row.commune_code && viewer.organisationKind === OrganisationKind.COMMUNE,
    office_hours_closure: (row) =>
      inTenant(row) &&
      communeOf.get(viewer.organisationId) === officeHoursCommune.get(String(row.office_hours_id)) &&
      viewer.organisationKind === OrganisationKind.COMMUNE,
    office_hours_assignment: nothing,
    office_hours_calendar_link: ownOrganisation,
    // The consents that name it (the API reads them to decide), and its own notifications.
    consent: (row) => inTenant(row) && (row.grantee_organisation_id === viewer.organisationId || row.grantee_kind === viewer.organisationKind),
    notification: ownOrganisation,
    // Staff only: the referents' own records, histories and logs.
    journal_entry: nothing,
    participant_change: nothing,
    commitment_contract: nothing,
    professional_project: nothing,
    // The PLIE's business relations: staff only, whichever partner is one of its companies.
    company: nothing,
    company_event: nothing,
    // A partner employer's own offers, and the candidacies on them the person shares with it.
    job_offer: (row) => inTenant(row) && offerCompanyOrganisation.get(String(row.id)) === viewer.organisationId,
    candidacy: (row) =>
      inTenant(row) && offerCompanyOrganisation.get(String(row.offer_id)) === viewer.organisationId && sees(row.participant_id, DataClass.JOB_APPLICATION),
    // The actions it runs and their sessions; a positioning on them as the stage it would be, under the operator rule.
    programme_action: (row) => inTenant(row) && row.operator_id === viewer.organisationId,
    programme_session: (row) => inTenant(row) && actionOperator.get(String(sessionAction.get(String(row.id)))) === viewer.organisationId,
    positioning: (row) => {
      const stage = positionings.get(String(row.id))!;
      return (
        inTenant(row) &&
        stage.operatorOrganisationId === viewer.organisationId &&
        decide(viewer, { participantId: String(row.participant_id), fieldClass: DataClass.STAGE_DETAILS, stage }, consents, NOW).allowed
      );
    },
    // Referents' needs for the programme: staff only.
    programme_need: nothing,
    // The matching's reference data (trades, communes), the same for everyone.
    trade_link: () => true,
    commune_area: () => true,
    reference_data_state: () => true,
    // Social clauses name the people placed: staff only, whatever consent a partner holds.
    social_clause: nothing,
    clause_placement: nothing,
    clause_hours: nothing,
    // Imports from another tool: the animation team's files, mappings and keys, staff only.
    import_file: nothing,
    import_mapping: nothing,
    import_key: nothing,
    // The count of the tenant's consent changes, no one's data: the session's opening reads it to know whether the API's consents are current.
    consent_version: inTenant,
    consent_event: nothing,
    consent_evidence: nothing,
    access_log: nothing,
    // The files' life cycle: the policy, the runs and the access log's anchor are the staff's.
    retention_policy: nothing,
    retention_run: nothing,
    access_log_anchor: nothing,
    // ESF+ data rests on a legal obligation, never on consent: no partner reads any of it, whatever it was granted.
    esf_operation: nothing,
    esf_record: nothing,
    esf_operation_change: nothing,
    esf_export: nothing,
    esf_export_line: nothing,
    // What a partner submitted itself (the commune's referral of the person it booked office hours for), and the meetings it is invited to (none here).
    referral: (row) => inTenant(row) && row.referring_organisation_id === viewer.organisationId,
    referral_submission: ownOrganisation,
    referral_attachment: nothing,
    meeting: nothing,
    meeting_invitation: nothing,
    meeting_invitee: nothing,
    agenda_item: nothing,
    agenda_action: nothing,
    meeting_document: nothing,
    // A participant's own space: her codes, sessions and requests are staff's and hers, no partner's.
    participant_access_code: nothing,
    participant_session: nothing,
    rights_request: nothing,
  };
}
let staffOrganisations: Set<string>;
/** Each organisation's commune (INSEE code), and each office hours' commune. */
let communeOf: Map<string, string | null>;
let officeHoursCommune: Map<string, string>;
/** Who is invited to which meeting, with each organisation invited to it. */
let invitees: Array<{ user_id: string; organisation_id: string }>;
let pathwayParticipant: Map<string, string>;

async function publicTables(): Promise<Array<{ table: string; tenantData: boolean; enabled: boolean; forced: boolean }>> {
  return server.asOwner(async (em) =>
    (
      await em.execute<Array<{ table: string; tenant_data: boolean; enabled: boolean; forced: boolean }>>(
        `select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
                exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname in ('tenant_id', 'user_id') and not a.attisdropped) as tenant_data
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f') and c.relname <> 'mikro_orm_migrations'
            -- A table the application role may not read at all shows a partner nothing (the row-level security spec lists them).
            and has_table_privilege('${APP_ROLE}', c.oid, 'select') order by 1`,
      )
    ).map((r) => ({ table: r.table, tenantData: r.tenant_data, enabled: r.enabled, forced: r.forced })),
  );
}

const keyOf = (row: Row) => String(row.id ?? row.seq ?? row.tenant_id);

describe('row-level security, table by table, for each kind of partner', () => {
  it('holds no tenant data in a table without row-level security enabled and forced', async () => {
    for (const { table, tenantData, enabled, forced } of await publicTables())
      if (tenantData) expect({ table, enabled, forced }).toEqual({ table, enabled: true, forced: true });
  });

  it("lets a partner's own transaction read, in every table, exactly the rows the API's rule allows", async () => {
    const tables = (await publicTables()).map((t) => t.table);
    await server.asOwner(async (em) => {
      staffOrganisations = new Set(
        (
          await em.execute<Array<{ id: string }>>(`select id from organisation where tenant_id = ? and kind in ('ANIMATION_TEAM', 'REFERENT_OPERATOR')`, [
            plie.tenantId,
          ])
        ).map((r) => r.id),
      );
      invitees = await em.execute(`select i.user_id, v.organisation_id from meeting_invitee i join meeting_invitation v on v.meeting_id = i.meeting_id`);
      communeOf = new Map(
        (await em.execute<Array<{ id: string; insee_code: string | null }>>(`select id, insee_code from organisation`)).map((r) => [r.id, r.insee_code]),
      );
      officeHoursCommune = new Map(
        (await em.execute<Array<{ id: string; commune_code: string }>>(`select id, commune_code from office_hours`)).map((r) => [r.id, r.commune_code]),
      );
      pathwayParticipant = new Map(
        (await em.execute<Array<{ id: string; participant_id: string }>>(`select id, participant_id from pathway`)).map((r) => [r.id, r.participant_id]),
      );
    });
    // Only the consents (and their count of changes) change from one scenario to the next: every other table is read once.
    const all: Record<string, Row[]> = await server.asOwner(async (em) =>
      Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await em.execute<Row[]>(`select * from "${t}"`)]))),
    );
    const found: string[] = [];
    for (const partner of partners) {
      for (const scenario of scenarios(partner.viewer)) {
        await replaceConsents(scenario.consents);
        const rules = rulesFor(partner.viewer, partner.userId, scenario.consents);
        all.consent = await server.asOwner((em) => em.execute<Row[]>(`select * from consent`));
        all.consent_version = await server.asOwner((em) => em.execute<Row[]>(`select * from consent_version`));
        const em = server.database.orm.em.fork();
        await beginRequestTransaction(em);
        try {
          await applyRlsSettings(em, {
            tenantId: plie.tenantId,
            userId: partner.userId,
            organisationId: partner.viewer.organisationId,
            staff: false,
            now: NOW,
          });
          for (const table of tables) {
            const rule = rules[table];
            if (!rule) {
              found.push(`${table}: no rule says what a partner may read of it (add one to this test)`);
              continue;
            }
            const visible = (await em.execute<Row[]>(`select * from "${table}"`)).map(keyOf).sort();
            const allowed = all[table]!.filter(rule).map(keyOf).sort();
            const extra = visible.filter((key) => !allowed.includes(key));
            const missing = allowed.filter((key) => !visible.includes(key));
            if (extra.length) found.push(`${partner.label}, ${scenario.label}: ${table} shows ${extra.length} row(s) the API does not`);
            if (missing.length) found.push(`${partner.label}, ${scenario.label}: ${table} hides ${missing.length} row(s) the API shows`);
          }
        } finally {
          await em.rollback();
        }
      }
    }
    expect([...new Set(found)]).toEqual([]);
  }, 120_000);
});
