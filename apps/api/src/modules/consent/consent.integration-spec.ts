import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessLog } from '../../access/access-log';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient, nodesOf } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { sweepEndedConsents } from './consent-expiry';

let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
let commune: GraphqlClient;
let aci: GraphqlClient;
let participantId: string;
let pathwayId: string;
let clock = new Date();

const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id version status inForce dataClasses events { action authorName } } }`;
const REVOKE = `mutation($id: ID!, $version: Int!, $reason: String!) { revokeConsent(consentId: $id, version: $version, reason: $reason) { status inForce events { action reason } } }`;
const PARTNER_VIEW = `query($id: ID!) { participant(id: $id) {
  id firstName lastName birthDate phone currentPathway { status exitKind missingEsfFields } alerts
  access { pathwayStatus identityContact diagnosis health }
  stages { kind { code } operator { name } plannedStart sharedSummary privateNotes access { details contractReports } }
} }`;

const terms = (overrides: Record<string, unknown>) => ({
  participantId,
  purpose: 'REFERRAL_FOLLOW_UP',
  method: 'SIGNED_FORM',
  collectedOn: '2026-11-20',
  noticeVersion: 'notice-2026-01',
  ...overrides,
});

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => clock });
  tenant = await createTenantFixture(server, 'Consent');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
  commune = new GraphqlClient(server.app);
  await commune.login(tenant.users.partner.email, FIXTURE_PASSWORD);
  aci = new GraphqlClient(server.app);
  await aci.login(tenant.users.aci.email, FIXTURE_PASSWORD);
  const created = await referent.data(
    `mutation { createParticipant(input: { details: { firstName: "Awa", lastName: "Diallo", birthDate: "1990-05-04", phone: "0601020304" } }) { id currentPathway { id } } }`,
  );
  participantId = created.createParticipant.id;
  pathwayId = created.createParticipant.currentPathway.id;
  const kinds = Object.fromEntries((await referent.data(`{ stageKinds { id code } }`)).stageKinds.map((k: any) => [k.code, k.id]));
  const add = `mutation($input: AddStageInput!) { addStage(input: $input) { id } }`;
  await referent.data(add, {
    input: {
      pathwayId,
      kindId: kinds.IAE_CDDI_ACI,
      operatorId: tenant.organisations.siae.globalId,
      plannedStart: '2026-12-01',
      sharedSummary: 'Agent d’entretien espaces verts',
      privateNotes: 'Dettes',
    },
  });
  await referent.data(add, { input: { pathwayId, kindId: kinds.TRAINING_QUALIFYING, plannedStart: '2027-02-01', sharedSummary: 'CACES' } });
  await referent.data(add, { input: { pathwayId, kindId: kinds.SUPPORT_HEALTH, plannedStart: '2026-12-15' } });
});
afterAll(() => server.close());

describe('consent-scoped partner visibility', () => {
  it('shows a partner nothing before any consent: not in its list, NOT_FOUND by id', async () => {
    const list = await commune.data(`{ participants { totalCount edges { node { id } } } }`);
    expect(list.participants.totalCount).toBe(0);
    const direct = await commune.request(PARTNER_VIEW, { id: participantId });
    expect(direct.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const stages = await commune.request(`query($id: ID!) { stages(pathwayId: $id) { id } }`, { id: pathwayId });
    expect(stages.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a commune granted "status + stage list" sees the status and the stages, null elsewhere, listed in extensions', async () => {
    const granted = await referent.data(GRANT, {
      input: terms({ granteeOrganisationId: tenant.organisations.commune.globalId, dataClasses: ['PATHWAY_STATUS', 'STAGE_LIST'] }),
    });
    expect(granted.grantConsent).toMatchObject({ status: 'ACTIVE', inForce: true, events: [{ action: 'GRANTED' }] });

    const response = await commune.request(PARTNER_VIEW, { id: participantId });
    expect(response.errors).toBeUndefined();
    const seen = response.data!.participant;
    expect(seen).toMatchObject({ firstName: 'Awa', lastName: 'Diallo', birthDate: null, phone: null, alerts: null });
    expect(seen.currentPathway).toEqual({ status: 'PENDING_ACCREDITATION', exitKind: null, missingEsfFields: null });
    expect(seen.access).toEqual({ pathwayStatus: true, identityContact: false, diagnosis: false, health: false });
    expect(seen.stages.map((s: any) => s.kind.code).sort()).toEqual(['IAE_CDDI_ACI', 'SUPPORT_HEALTH', 'TRAINING_QUALIFYING']);
    for (const stage of seen.stages) expect(stage).toMatchObject({ sharedSummary: null, privateNotes: null, access: { details: false } });
    const redacted = response.extensions?.redacted as Array<{ path: string; dataClass: string }>;
    expect(redacted).toContainEqual({ path: 'participant.birthDate', dataClass: 'IDENTITY_CONTACT' });
    expect(redacted).toContainEqual({ path: 'participant.stages.0.privateNotes', dataClass: 'NEVER_SHARED' });

    const list = await commune.data(`{ participants { totalCount edges { node { firstName currentPathway { status } } } } }`);
    expect(list.participants.totalCount).toBe(1);
  });

  it('an integration company granted its contract stage and reports sees that stage, its details, and nothing of the others', async () => {
    await referent.data(GRANT, {
      input: terms({
        granteeOrganisationId: tenant.organisations.siae.globalId,
        dataClasses: ['STAGE_DETAILS', 'CONTRACT_REPORTS'],
        stageKindCodes: ['IAE_CDDI_ACI'],
        purpose: 'CONTRACT_REPORTING',
      }),
    });
    const seen = (await aci.data(PARTNER_VIEW, { id: participantId })).participant;
    expect(seen.currentPathway).toBeNull();
    expect(seen.stages).toEqual([
      {
        kind: { code: 'IAE_CDDI_ACI' },
        operator: { name: tenant.organisations.siae.name },
        plannedStart: '2026-12-01',
        sharedSummary: 'Agent d’entretien espaces verts',
        privateNotes: null,
        access: { details: true, contractReports: true },
      },
    ]);
  });

  it('partners may not filter on what they cannot read, and staff operations stay closed to them', async () => {
    const byReferent = await commune.request(`query($r: ID!) { participants(filter: { referentId: $r }) { totalCount } }`, { r: 'x' });
    expect(byReferent.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.referentId' });
    const byCommune = await commune.data(`{ participants(filter: { communeCode: "38185" }) { totalCount } }`);
    expect(byCommune.participants.totalCount).toBe(0);
    const history = await commune.request(`query($id: ID!) { participantHistory(participantId: $id) { totalCount } }`, { id: participantId });
    expect(history.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const consents = await commune.request(`query($id: ID!) { consents(participantId: $id) { id } }`, { id: participantId });
    expect(consents.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("shows a partner a person's appointments only under APPOINTMENTS, and of a collective session only the attendees shared with it", async () => {
    const other = await referent.data(
      `mutation { createParticipant(input: { details: { firstName: "Yves", lastName: "Marchand", birthDate: "1975-01-02" } }) { id } }`,
    );
    await referent.data(`mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id } }`, {
      input: {
        kind: 'COLLECTIVE',
        title: 'Atelier sécurité au travail',
        startsAt: '2026-12-08T14:00:00+01:00',
        endsAt: '2026-12-08T16:00:00+01:00',
        mode: 'VIDEO',
        videoLink: 'https://visio.example.org/atelier',
        participantIds: [participantId, other.createParticipant.id],
      },
    });
    const APPOINTMENTS = `query($id: ID!) { participantAppointments(participantId: $id) { totalCount edges { node { title videoLink version attendees { displayName } } } } }`;
    expect((await aci.data(APPOINTMENTS, { id: participantId })).participantAppointments).toEqual({ totalCount: 0, edges: [] });
    await referent.data(GRANT, {
      input: terms({ granteeOrganisationId: tenant.organisations.siae.globalId, dataClasses: ['APPOINTMENTS'], purpose: 'CONTRACT_REPORTING' }),
    });
    const seen = (await aci.data(APPOINTMENTS, { id: participantId })).participantAppointments;
    expect(seen.totalCount).toBe(1);
    expect(nodesOf(seen)[0]).toEqual({ title: 'Atelier sécurité au travail', videoLink: null, version: null, attendees: [{ displayName: 'Awa Diallo' }] });
    const staff = (await referent.data(APPOINTMENTS, { id: participantId })).participantAppointments;
    expect(nodesOf(staff)[0].attendees).toHaveLength(2);
    expect((await aci.request(APPOINTMENTS, { id: other.createParticipant.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('previews exactly what a partner would see, with the same rules, and logs nothing for it', async () => {
    const before = await server.asOwner((em) => em.execute(`select count(*)::int as n from access_log where tenant_id = ?`, [tenant.tenantId]));
    const preview = await referent.data(
      `query($p: ID!, $o: ID!) { consentPreview(participantId: $p, organisationId: $o) { firstName birthDate currentPathway { status } stages { kind { code } sharedSummary } } }`,
      { p: participantId, o: tenant.organisations.siae.globalId },
    );
    expect(preview.consentPreview).toEqual({
      firstName: 'Awa',
      birthDate: null,
      currentPathway: null,
      stages: [{ kind: { code: 'IAE_CDDI_ACI' }, sharedSummary: 'Agent d’entretien espaces verts' }],
    });
    const after = await server.asOwner((em) => em.execute(`select count(*)::int as n from access_log where tenant_id = ?`, [tenant.tenantId]));
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('logs every read of partners reading at once, each in its place in one unbroken chain', async () => {
    const count = () => server.asOwner((em) => em.execute(`select count(*)::int as n from access_log where tenant_id = ?`, [tenant.tenantId]));
    const before = (await count())[0]!.n;
    // The requests of one PLIE chain onto the same log: sent together, none may fork it or be left out.
    const reads = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? aci : commune).request(PARTNER_VIEW, { id: participantId })));
    expect(reads.map((read) => read.errors)).toEqual(Array(6).fill(undefined));
    expect((await count())[0]!.n).toBe(before + 6);
    expect((await server.asOwner(verifyAccessLog)).find((c) => c.tenantId === tenant.tenantId)).toMatchObject({ brokenAtSeq: null });
  });

  it('logs each partner read (who, organisation, participant, classes, purpose, request), chained so tampering shows', async () => {
    const log = await referent.data(
      `query($id: ID!) { accessLog(participantId: $id) { totalCount edges { node { organisationName userName dataClasses purposes requestId } } } }`,
      { id: participantId },
    );
    const entries = nodesOf(log.accessLog);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries).toContainEqual(
      expect.objectContaining({
        organisationName: tenant.organisations.siae.name,
        dataClasses: expect.arrayContaining(['STAGE_DETAILS', 'STAGE_LIST']),
        purposes: ['CONTRACT_REPORTING'],
      }),
    );
    expect((await server.asOwner(verifyAccessLog)).find((c) => c.tenantId === tenant.tenantId)).toMatchObject({ brokenAtSeq: null });
    await server.asOwner((em) =>
      em.execute(`update access_log set data_classes = array['IDENTIFICATION'] where seq = (select min(seq) from access_log where tenant_id = ?)`, [
        tenant.tenantId,
      ]),
    );
    expect((await server.asOwner(verifyAccessLog)).find((c) => c.tenantId === tenant.tenantId)!.brokenAtSeq).not.toBeNull();
  });

  it('pages through the access log: each page follows the last, none repeats, all add up to the log', async () => {
    const PAGE = `query($id: ID!, $after: String) { accessLog(participantId: $id, page: { first: 2, after: $after }) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { requestId organisationName } } } }`;
    const whole = (
      await referent.data(`query($id: ID!) { accessLog(participantId: $id, page: { first: 100 }) { edges { node { requestId organisationName } } } }`, {
        id: participantId,
      })
    ).accessLog;
    const paged: unknown[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page: any = (await referent.data(PAGE, { id: participantId, after })).accessLog;
      paged.push(...nodesOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(nodesOf(whole).length).toBeGreaterThan(2);
    expect(paged).toEqual(nodesOf(whole));
    const forged = Buffer.from(JSON.stringify(['1 or 1=1', '1 or 1=1'])).toString('base64url');
    const refused = await referent.request(PAGE, { id: participantId, after: forged });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('the application cannot rewrite or delete the access log', async () => {
    const attempt = await server.database.orm.em
      .fork()
      .execute(`update access_log set hash = 'x'`)
      .then(
        () => 'updated',
        (error: Error) => error.message,
      );
    expect(attempt).toMatch(/permission denied/);
  });

  it('withdrawal is effective on the very next request, and the partner is notified', async () => {
    const consents = (
      await referent.data(`query($id: ID!) { consents(participantId: $id) { id version granteeOrganisation { name } } }`, { id: participantId })
    ).consents;
    const communeConsent = consents.find((c: any) => c.granteeOrganisation.name === tenant.organisations.commune.name);
    const revoked = await referent.data(REVOKE, { id: communeConsent.id, version: communeConsent.version, reason: 'Demande de la personne' });
    expect(revoked.revokeConsent).toMatchObject({
      status: 'REVOKED',
      inForce: false,
      events: [{ action: 'GRANTED' }, { action: 'REVOKED', reason: 'Demande de la personne' }],
    });
    expect((await commune.request(PARTNER_VIEW, { id: participantId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await commune.data(`{ participants { totalCount } }`)).participants.totalCount).toBe(0);
    const notes = await commune.data(`{ notifications { edges { node { kind participantLabel read } } } }`);
    // The news of the grant is no longer shown once it is withdrawn: only the end of the access is.
    expect(nodesOf(notes.notifications).map((n: any) => n.kind)).toEqual(['CONSENT_REVOKED']);
    expect(nodesOf(notes.notifications)[0].participantLabel).toBe('Awa D.');
    const again = await referent.request(REVOKE, { id: communeConsent.id, version: communeConsent.version + 1, reason: 'x' });
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('prints the consent form as a PDF and keeps the signed scan as evidence, for staff only', async () => {
    const form = await server.app.inject({ method: 'GET', url: `/participants/${participantId}/consent-form.pdf`, headers: { cookie: referent.cookie! } });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toBe('application/pdf');
    expect(form.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const asPartner = await server.app.inject({ method: 'GET', url: `/participants/${participantId}/consent-form.pdf`, headers: { cookie: aci.cookie! } });
    expect(asPartner.statusCode).toBe(403);

    const consent = (await referent.data(`query($id: ID!) { consents(participantId: $id) { id inForce } }`, { id: participantId })).consents.find(
      (c: any) => c.inForce,
    );
    const upload = (content: Buffer, name: string, cookie: string) => {
      const boundary = 'jalonboundary';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: application/octet-stream\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return server.app.inject({
        method: 'POST',
        url: `/consents/${consent.id}/evidence`,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
    };
    const notAForm = await upload(Buffer.from('bonjour'), 'note.txt', referent.cookie!);
    expect(notAForm.statusCode).toBe(400);
    expect(notAForm.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect((await upload(form.rawPayload, 'scan.pdf', aci.cookie!)).statusCode).toBe(403);
    const stored = await upload(form.rawPayload, 'formulaire signé.pdf', referent.cookie!);
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toMatchObject({ fileName: 'formulaire signé.pdf', contentType: 'application/pdf', sizeBytes: form.rawPayload.length });
    const back = await server.app.inject({ method: 'GET', url: `/consents/${consent.id}/evidence`, headers: { cookie: referent.cookie! } });
    expect(back.rawPayload.equals(form.rawPayload)).toBe(true);
    const listed = await referent.data(`query($id: ID!) { consents(participantId: $id) { id evidence { fileName sizeBytes } } }`, { id: participantId });
    expect(listed.consents.find((c: any) => c.id === consent.id).evidence).toEqual({ fileName: 'formulaire signé.pdf', sizeBytes: form.rawPayload.length });

    const stranger = await createTenantFixture(server, 'Ailleurs');
    const otherReferent = new GraphqlClient(server.app);
    await otherReferent.login(stranger.users.referent.email, FIXTURE_PASSWORD);
    expect((await server.app.inject({ method: 'GET', url: `/consents/${consent.id}/evidence`, headers: { cookie: otherReferent.cookie! } })).statusCode).toBe(
      404,
    );
  });

  it('refuses incoherent consents field by field and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ dataClasses: ['HEALTH'], granteeKind: 'COMMUNE' }, 'dataClasses'],
      [{ dataClasses: [], granteeOrganisationId: tenant.organisations.commune.globalId }, 'dataClasses'],
      [{ dataClasses: ['PATHWAY_STATUS'] }, 'granteeOrganisationId'],
      [{ dataClasses: ['PATHWAY_STATUS'], granteeOrganisationId: tenant.organisations.operator.globalId }, 'granteeOrganisationId'],
      [{ dataClasses: ['PATHWAY_STATUS'], granteeOrganisationId: tenant.organisations.commune.globalId, method: 'ORAL_WITH_WITNESS' }, 'witness'],
      [
        {
          dataClasses: ['STAGE_LIST'],
          granteeOrganisationId: tenant.organisations.commune.globalId,
          stageIds: ['U3RhZ2U6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw'],
        },
        'stageIds',
      ],
    ];
    const count = () => server.asOwner((em) => em.execute(`select count(*)::int as n from consent where tenant_id = ?`, [tenant.tenantId]));
    const before = (await count())[0]!.n;
    for (const [input, field] of cases) {
      const response = await referent.request(GRANT, { input: terms(input) });
      expect(response.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await count())[0]!.n).toBe(before);
  });
  it('expiry is honoured to the second by the moved clock, then recorded with a notification', async () => {
    const until = new Date(clock.getTime() + 3 * 86_400_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(until);
    await referent.data(GRANT, {
      input: terms({ granteeOrganisationId: tenant.organisations.commune.globalId, dataClasses: ['PATHWAY_STATUS'], validUntil: day }),
    });
    expect((await commune.data(`{ participants { totalCount } }`)).participants.totalCount).toBe(1);
    const consent = (await referent.data(`query($id: ID!) { consents(participantId: $id) { validUntil inForce } }`, { id: participantId })).consents[0];
    const end = new Date(consent.validUntil);
    // Days pass: the partner logs in again (its session would have gone idle) and looks at the last second, then at the end.
    clock = new Date(end.getTime() - 1000);
    await commune.login(tenant.users.partner.email, FIXTURE_PASSWORD);
    expect((await commune.data(`{ participants { totalCount } }`)).participants.totalCount).toBe(1);
    clock = end;
    expect((await commune.data(`{ participants { totalCount } }`)).participants.totalCount).toBe(0);
    expect(await sweepEndedConsents(server.database.orm, clock)).toBeGreaterThanOrEqual(1);
    const notes = nodesOf((await commune.data(`{ notifications(unreadOnly: true) { edges { node { kind } } } }`)).notifications);
    expect(notes[0]).toEqual({ kind: 'CONSENT_EXPIRED' });
  });
});
