import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '@jalon/api/src/graphql/schema';
import { parseGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * A client whose response was lost retries with the same idempotency key: it must get the first
 * answer again, whole, and nothing must be created twice. Which mutations create is read from
 * the schema by their name; each either takes a key (and is replayed below) or says why not.
 */
/** The request clock: the meeting below is planned for early December 2026, and meetings are planned from now on. */
const clock = new Date('2026-11-27T10:00:00Z');
const CREATES = /^(add|amend|create|file|grant|import|invite|open|place|plan|record|schedule|submit)[A-Z]/;

/** Create-named mutations without a key, and why a retry cannot create twice anyway. */
const WITHOUT_KEY: Record<string, string> = {
  createParticipantAccessCode: 'a new code replaces the unused one before it: a retry leaves one usable code, the last one shown',
  amendConsent: 'supersedes the consent at the `version` given: a retry is a CONFLICT, never a second consent',
  importPriorityDistricts: 'adds or updates districts by their code: the same file twice gives the same districts',
  openArchivedFile: 'creates nothing but the read’s entry in the access log: a retry is one more read, logged as such',
  inviteUser: 'a new invitation replaces the pending one for the same person: a retry leaves one usable invitation',
  recordAgendaOutcome: 'an edit of an existing agenda item at its `version`',
  recordAttendance: "sets an existing attendee's attendance: the same value twice is the same state",
  recordCandidacyOutcome: 'the outcome of an existing candidacy at its `version`: a retry is a CONFLICT, never a second stage',
  recordCheckIn: 'fills in a planned check-in at its `version`',
  recordContract: 'a new contract version after the one named by `amends`: a retry is a CONFLICT',
  recordDiagnosis: 'one diagnosis per pathway, edited at its `version`',
  recordEsfExit: "fills in the pathway's one ESF+ record at its `esfVersion`: a retry is a CONFLICT",
  recordEsfSixMonths: "fills in the pathway's one ESF+ record at its `esfVersion`: a retry is a CONFLICT",
  recordMeetingMinutes: 'an edit of the meeting at its `version`',
  recordOfficeHoursAttendance: "sets an existing booking's attendance: the same value twice is the same state",
  createOfficeHoursCalendarLink: "replaces the commune's one link (the previous one is revoked): a retry leaves one working link",
  recordPastTrades: "sets the trades held on the pathway's one diagnosis at its `version`",
  recordProfessionalProject: 'a new project version after the one named by `amends`: a retry is a CONFLICT',
  recordTrainingResult: 'one result per training stage, edited at its `version`',
  submitRightsRequest: 'a participant has no account to key on: the same request (kind and text) while still open is answered with the first',
};

let server: TestServer;
let tenant: TenantFixture;
const ROLES = ['admin', 'animation', 'referent', 'partner', 'aci', 'trainer'] as const;
const clients = {} as Record<(typeof ROLES)[number], GraphqlClient>;
let kinds: Record<string, string>;

// graphql's types, read off the schema (this package does not depend on graphql itself).
type Schema = Awaited<ReturnType<typeof getSchema>>;
type Field = ReturnType<NonNullable<ReturnType<Schema['getMutationType']>>['getFields']>[string];
type OutputType = Field['type'];
type NamedType = { name: string; ofType?: never; getFields?: () => Record<string, Field> };

function named(type: OutputType | NamedType): NamedType {
  return 'ofType' in type && type.ofType ? named(type.ofType as OutputType) : (type as NamedType);
}

/** Every field of the answer down to `depth` objects (connections and fields needing arguments left out), so a replay that loads less is seen. */
function selectionOf(type: NamedType, depth: number, omit: string[] = []): string {
  const askable = (field: Field) => !omit.includes(field.name) && field.args.every((arg) => !String(arg.type).endsWith('!') || arg.defaultValue !== undefined);
  return Object.values(type.getFields!())
    .filter(askable)
    .map((field) => {
      const fieldType = named(field.type);
      if (!('getFields' in fieldType) && !('getTypes' in fieldType)) return field.name;
      if (depth === 0 || fieldType.name.endsWith('Connection')) return null;
      return 'isTypeOf' in fieldType ? `${field.name} { ${selectionOf(fieldType, depth - 1)} }` : `${field.name} { __typename }`;
    })
    .filter(Boolean)
    .join(' ');
}

let people = 0;
async function person(): Promise<{ id: string; pathwayId: string }> {
  people++;
  const { createParticipant } = await clients.referent.data(
    `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id } } }`,
    { input: { details: { firstName: 'Rejeu', lastName: `Essai${'abcdefghij'[people % 10]}${people}`, birthDate: '1990-04-02' } } },
  );
  return { id: createParticipant.id, pathwayId: createParticipant.currentPathway.id };
}

async function stage(kind: string, operator: string, plannedStart: string): Promise<{ participantId: string; stageId: string }> {
  const { id, pathwayId } = await person();
  const { addStage } = await clients.referent.data(`mutation($input: AddStageInput!) { addStage(input: $input) { id } }`, {
    input: { pathwayId, kindId: kinds[kind], operatorId: operator, plannedStart },
  });
  return { participantId: id, stageId: addStage.id };
}

async function grant(participantId: string, organisation: string, dataClasses: string[], stageId: string, purpose: string): Promise<void> {
  await clients.referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
    input: {
      participantId,
      granteeOrganisationId: organisation,
      dataClasses,
      stageIds: [stageId],
      purpose,
      method: 'SIGNED_FORM',
      collectedOn: '2026-09-01',
      noticeVersion: 'n-1',
    },
  });
}

async function meeting(): Promise<{ id: string; version: number }> {
  const { planMeeting } = await clients.animation.data(`mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id version } }`, {
    input: { details: meetingDetails() },
  });
  return planMeeting;
}

function meetingDetails() {
  return {
    kind: 'PARTNER_COORDINATION',
    title: 'Coordination',
    startsAt: '2026-12-03T09:00:00.000Z',
    endsAt: '2026-12-03T11:00:00.000Z',
    place: 'Salle du conseil',
    organisationIds: [tenant.organisations.commune.globalId],
  };
}

interface Case {
  /** The mutation, when the case is named otherwise. */
  mutation?: string;
  as: keyof typeof clients;
  /** Fields of the answer this viewer may not ask for. */
  omit?: string[];
  /** The mutation's arguments as written in the document, e.g. `input: $input`, and their variables' types. */
  args?: { declare: string; pass: string };
  /** Fresh variables (without the key), after whatever the create needs exists. */
  variables: () => Promise<Record<string, unknown>>;
}

const input = (value: () => Promise<Record<string, unknown>> | Record<string, unknown>) => async () => ({ input: await value() });

/** A SIRET with a valid check digit, new on each call (the key, not the SIRET, makes the retry the same). */
function newSiret(): string {
  const base = `9${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
  const luhn = (digits: string) =>
    [...digits].reduce((sum, c, i) => {
      const d = i % 2 === 0 ? Number(c) * 2 : Number(c);
      return sum + (d > 9 ? d - 9 : d);
    }, 0) % 10;
  return base + [...'0123456789'].find((k) => luhn(base + k) === 0)!;
}

async function company(): Promise<string> {
  const created = await clients.referent.data(`mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`, {
    input: { siret: newSiret(), name: 'Entreprise rejouée', kind: 'CLASSIC', contacts: [] },
  });
  return created.createCompany.id;
}

const CLAUSE = { buyer: 'Ville rejouée', contractName: 'Marché rejoué', startsOn: '2026-09-01', endsOn: '2027-08-31', hoursOwed: 300 };

async function clause(): Promise<string> {
  const created = await clients.animation.data(`mutation($input: CreateSocialClauseInput!) { createSocialClause(input: $input) { id } }`, {
    input: { ...CLAUSE, companyId: await company() },
  });
  return created.createSocialClause.id;
}

const PROGRAMME_ACTION = { title: 'Action rejouée', funding: 'PLIE', targetPublic: 'Tous publics' };

async function programmeAction(): Promise<string> {
  const created = await clients.animation.data(`mutation($input: CreateProgrammeActionInput!) { createProgrammeAction(input: $input) { id } }`, {
    input: { ...PROGRAMME_ACTION, operatorId: tenant.organisations.training.globalId, kindId: kinds.TRAINING_LANGUAGE },
  });
  return created.createProgrammeAction.id;
}

const CASES: Record<string, Case> = {
  createProgrammeAction: {
    as: 'animation',
    variables: input(() => ({ ...PROGRAMME_ACTION, operatorId: tenant.organisations.training.globalId, kindId: kinds.TRAINING_LANGUAGE })),
  },
  addProgrammeSession: {
    as: 'animation',
    variables: input(async () => ({ actionId: await programmeAction(), startsOn: '2027-01-11', endsOn: '2027-02-12', communeCode: '38151', places: 8 })),
  },
  recordProgrammeNeed: { as: 'referent', variables: input(() => ({ kindId: kinds.TRAINING_LANGUAGE, communeCode: '38151', people: 4, period: '2027-Q1' })) },
  createStageKind: { as: 'animation', variables: input(() => ({ labelFr: 'Atelier rejoué', labelEn: 'Replayed workshop', category: 'JOB_SEARCH' })) },
  createSocialClause: { as: 'animation', variables: input(async () => ({ ...CLAUSE, companyId: await company() })) },
  placeOnSocialClause: {
    as: 'animation',
    variables: input(async () => ({ clauseId: await clause(), participantId: (await person()).id, kind: 'DIRECT_HIRE', startsOn: '2026-09-01' })),
  },
  recordClauseHours: {
    as: 'animation',
    variables: input(async () => {
      const { placeOnSocialClause } = await clients.animation.data(
        `mutation($input: PlaceOnSocialClauseInput!) { placeOnSocialClause(input: $input) { id } }`,
        {
          input: { clauseId: await clause(), participantId: (await person()).id, kind: 'DIRECT_HIRE', startsOn: '2026-09-01' },
        },
      );
      return { placementId: placeOnSocialClause.id, fromOn: '2026-10-01', toOn: '2026-10-03', hours: 20 };
    }),
  },
  createCompany: {
    as: 'referent',
    variables: input(() => ({ siret: newSiret(), name: 'Entreprise rejouée', kind: 'CLASSIC', contacts: [{ name: 'Contact' }] })),
  },
  recordCompanyEvent: {
    as: 'referent',
    variables: input(async () => ({ companyId: await company(), kind: 'CALL', happenedOn: '2026-11-02', summary: 'Appel' })),
  },
  createJobOffer: {
    as: 'referent',
    variables: input(() => ({
      title: 'Offre rejouée',
      romeCode: 'K2204',
      communeCode: '38151',
      contractType: 'CDI',
      weeklyHours: 35,
      positions: 1,
      source: 'NETWORK',
    })),
  },
  createParticipant: { as: 'referent', variables: input(() => ({ details: { firstName: 'Nina', lastName: 'Rejouée', birthDate: '1991-05-06' } })) },
  createOrganisation: { as: 'admin', variables: input(() => ({ name: `Centre ${randomUUID().slice(0, 6)}`, kind: 'TRAINING_OPERATOR' })) },
  addStage: {
    as: 'referent',
    variables: input(async () => ({ pathwayId: (await person()).pathwayId, kindId: kinds.TRAINING_QUALIFYING, plannedStart: '2026-10-01' })),
  },
  grantConsent: {
    as: 'referent',
    variables: input(async () => ({
      participantId: (await person()).id,
      granteeOrganisationId: tenant.organisations.commune.globalId,
      dataClasses: ['IDENTITY_CONTACT', 'PATHWAY_STATUS'],
      purpose: 'REFERRAL_FOLLOW_UP',
      method: 'SIGNED_FORM',
      collectedOn: '2026-11-02',
      noticeVersion: 'n-1',
    })),
  },
  scheduleAppointment: {
    as: 'referent',
    variables: input(async () => ({
      kind: 'INDIVIDUAL',
      mode: 'PHONE',
      participantIds: [(await person()).id],
      startsAt: '2026-12-15T09:00:00+01:00',
      endsAt: '2026-12-15T10:00:00+01:00',
    })),
  },
  submitReferral: {
    // Staff recording a partner's referral: the answer then holds the fields only staff may ask.
    as: 'animation',
    variables: input(() => ({
      organisationId: tenant.organisations.commune.globalId,
      details: { firstName: 'Inès', lastName: 'Rejouée', birthDate: '1994-03-12', phone: '0611223344' },
      situation: 'Sans emploi depuis un an.',
      reason: 'Souhaite reprendre un emploi.',
      agreementMethod: 'SIGNED_FORM',
      agreedOn: '2026-11-20',
    })),
  },
  'submitReferral (by the partner itself)': {
    mutation: 'submitReferral',
    as: 'partner',
    omit: ['participantId', 'possibleMatches'],
    variables: input(() => ({
      details: { firstName: 'Inès', lastName: 'Rejouée', birthDate: '1994-03-13', phone: '0611223344' },
      situation: 'Sans emploi depuis un an.',
      reason: 'Souhaite reprendre un emploi.',
      agreementMethod: 'SIGNED_FORM',
      agreedOn: '2026-11-20',
    })),
  },
  planMeeting: { as: 'animation', variables: input(() => ({ details: meetingDetails() })) },
  addAgendaItem: {
    as: 'referent',
    variables: input(async () => ({ meetingId: (await meeting()).id, participantId: (await person()).id, question: 'Point sur le parcours' })),
  },
  addAgendaAction: {
    as: 'animation',
    variables: input(async () => {
      const { id } = await meeting();
      const { addAgendaItem } = await clients.animation.data(
        `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { version agenda { id } } }`,
        {
          input: { meetingId: id, question: 'Forum emploi' },
        },
      );
      await clients.animation.data(`mutation($input: MeetingVersionInput!) { holdMeeting(input: $input) { id } }`, {
        input: { meetingId: id, version: addAgendaItem.version },
      });
      return {
        itemId: addAgendaItem.agenda[0].id,
        description: 'Réserver la salle',
        ownerOrganisationId: tenant.organisations.animation.globalId,
        dueOn: '2026-12-20',
      };
    }),
  },
  addJournalEntry: { as: 'referent', variables: input(async () => ({ participantId: (await person()).id, text: 'Appel pour préparer l’entretien.' })) },
  openNewPathway: {
    as: 'referent',
    args: { declare: '$participantId: ID!, $idempotencyKey: String', pass: 'participantId: $participantId, idempotencyKey: $idempotencyKey' },
    variables: async () => {
      const { id, pathwayId } = await person();
      await server.asOwner((em) =>
        em.execute(`update pathway set status = 'EXITED', exit_date = entry_date where id = ?`, [parseGlobalId(pathwayId, 'Pathway')!.id]),
      );
      return { participantId: id };
    },
  },
  fileContractReports: {
    as: 'aci',
    variables: input(async () => {
      const { participantId, stageId } = await stage('IAE_CDDI_ACI', tenant.organisations.siae.globalId, '2026-09-01');
      const { setAssistedContract } = await clients.referent.data(`mutation($input: SetAssistedContractInput!) { setAssistedContract(input: $input) { id } }`, {
        input: { stageId, contractType: 'CDDI', startOn: '2026-09-01', weeklyHours: 26, position: 'Maraîcher' },
      });
      await grant(participantId, tenant.organisations.siae.globalId, ['STAGE_LIST', 'STAGE_DETAILS', 'CONTRACT_REPORTS'], stageId, 'CONTRACT_REPORTING');
      return {
        period: '2026-10',
        reports: [{ contractId: setAssistedContract.id, hoursWorked: 100, trainingHours: 0, absenceHours: 0, skills: [], obstaclesMet: [] }],
      };
    }),
  },
  createEsfExport: {
    as: 'animation',
    variables: input(async () => {
      const { saveEsfOperation } = await clients.animation.data(`mutation($input: SaveEsfOperationInput!) { saveEsfOperation(input: $input) { id } }`, {
        input: { fileNumber: `RJ${randomUUID().slice(0, 8).toUpperCase()}`, title: 'Rejeu', beneficiary: 'PLIE', startsOn: '2026-01-01', endsOn: '2027-12-31' },
      });
      const { id, pathwayId } = await person();
      await server.asOwner((em) => em.execute(`update pathway set entry_date = '2026-10-01' where id = ?`, [parseGlobalId(pathwayId, 'Pathway')!.id]));
      const { participant } = await clients.animation.data(`query($id: ID!) { participant(id: $id) { currentPathway { esfVersion } } }`, { id });
      await clients.animation.data(`mutation($input: ChangePathwayOperationInput!) { changePathwayOperation(input: $input) { id } }`, {
        input: { pathwayId, operationId: saveEsfOperation.id, version: participant.currentPathway.esfVersion, reason: 'Rejeu' },
      });
      return { operationId: saveEsfOperation.id, complete: true };
    }),
  },
  recordTrainingAttendance: {
    as: 'trainer',
    variables: input(async () => {
      const { participantId, stageId } = await stage('TRAINING_QUALIFYING', tenant.organisations.training.globalId, '2026-10-01');
      await grant(participantId, tenant.organisations.training.globalId, ['STAGE_LIST', 'STAGE_DETAILS', 'TRAINING_REPORTS'], stageId, 'TRAINING_FOLLOW_UP');
      return { period: '2026-10', entries: [{ stageId, hoursPlanned: 140, hoursAttended: 120 }] };
    }),
  },
};

let mutations: Map<string, Field>;

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => clock });
  tenant = await createTenantFixture(server, 'Replays');
  for (const who of ROLES) {
    clients[who] = new GraphqlClient(server.app);
    await clients[who].login(tenant.users[who].email, FIXTURE_PASSWORD);
  }
  kinds = Object.fromEntries((await clients.referent.data(`{ stageKinds { id code } }`)).stageKinds.map((k: any) => [k.code, k.id]));
  mutations = new Map(Object.entries((await getSchema()).getMutationType()!.getFields()));
});
afterAll(() => server.close());

function takesKey(field: Field): boolean {
  if (field.args.some((arg) => arg.name === 'idempotencyKey')) return true;
  const input = field.args.find((arg) => arg.name === 'input');
  const type = input && named(input.type as OutputType);
  return !!type?.getFields && 'idempotencyKey' in type.getFields();
}

describe('create mutations replay their first answer', () => {
  it('every create mutation of the schema takes an idempotency key and is replayed below, or says why it needs none', () => {
    const creates = [...mutations.keys()].filter((name) => CREATES.test(name)).sort();
    const replayed = new Set(Object.entries(CASES).map(([label, { mutation }]) => mutation ?? label));
    for (const name of creates) {
      if (name in WITHOUT_KEY) expect(takesKey(mutations.get(name)!), `${name} takes a key: replay it below`).toBe(false);
      else expect({ name, takesKey: takesKey(mutations.get(name)!), replayed: replayed.has(name) }).toEqual({ name, takesKey: true, replayed: true });
    }
    expect(Object.keys(WITHOUT_KEY).filter((name) => !creates.includes(name))).toEqual([]);
  });

  it.each(Object.keys(CASES))('%s: the same key twice gives the same answer and creates once', async (label) => {
    const {
      mutation: name = label,
      as,
      omit,
      args = { declare: '$input: ' + String(mutations.get(name)!.args[0]!.type), pass: 'input: $input' },
      variables,
    } = CASES[label]!;
    const type = named(mutations.get(name)!.type);
    const document = `mutation(${args.declare}) { ${name}(${args.pass}) { ${selectionOf(type, 2, omit)} } }`;
    const sent = await variables();
    const idempotencyKey = `retry-${randomUUID()}`;
    const withKey = args.pass.includes('$idempotencyKey') ? { ...sent, idempotencyKey } : { input: { ...(sent.input as object), idempotencyKey } };

    const first = await clients[as].request(document, withKey);
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    const retried = await clients[as].request(document, withKey);
    expect(retried.errors, JSON.stringify(retried.errors)).toBeUndefined();
    expect(retried.data).toEqual(first.data);
  });
});
