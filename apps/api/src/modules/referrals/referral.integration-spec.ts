import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { applyRlsSettings, beginRequestTransaction } from '../../access/request-transaction';
import { todayInFrance } from '../../graphql/date-input';
import { parseGlobalId, toGlobalId } from '../../graphql/relay';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let animation: GraphqlClient;
let referent: GraphqlClient;
let commune: GraphqlClient;
let aci: GraphqlClient;
let foreign: GraphqlClient;
/** The referent's membership, as the API names it. */
let nadia: string;

const REFERRAL_FIELDS = `id version firstName lastName status progress decisionReason redirectedTo submissions { organisationName authorName reason agreementMethod }`;
const SUBMIT = `mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { ${REFERRAL_FIELDS} } }`;
const DECIDE = `mutation($input: DecideReferralInput!) { decideReferral(input: $input) { ${REFERRAL_FIELDS} participantId } }`;
const MINE = `{ referrals { totalCount edges { node { ${REFERRAL_FIELDS} } } } }`;

let people = 0;
/** A referral of a new person (names made unique per test), as the commune agent would type it. */
function referralOf(overrides: Record<string, unknown> = {}, details: Record<string, unknown> = {}) {
  people++;
  return {
    details: {
      firstName: 'Inès',
      lastName: `Morel${'abcdefghij'[people % 10]}${people}`,
      birthDate: '1994-03-12',
      phone: '0611223344',
      communeCode: '38151',
      ...details,
    },
    situation: 'Sans emploi depuis 18 mois, suivie par le CCAS pour un accompagnement budgétaire.',
    reason: 'Souhaite reprendre un emploi dans la restauration collective.',
    expectations: 'Une formation courte et un emploi près de chez elle.',
    agreementMethod: 'SIGNED_FORM',
    agreedOn: '2026-11-20',
    ...overrides,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Referrals');
  other = await createTenantFixture(server, 'Elsewhere');
  const client = async (email: string) => {
    const c = new GraphqlClient(server.app);
    await c.login(email, FIXTURE_PASSWORD);
    return c;
  };
  animation = await client(tenant.users.animation.email);
  referent = await client(tenant.users.referent.email);
  commune = await client(tenant.users.partner.email);
  aci = await client(tenant.users.aci.email);
  foreign = await client(other.users.animation.email);
  nadia = toGlobalId('Membership', tenant.users.referent.membershipId);
});
afterAll(() => server.close());

describe('referrals and the accreditation decision', () => {
  it('a commune refers a resident: the inbox lists it as new; the commune follows it, nobody else outside the PLIE team sees it', async () => {
    const { submitReferral } = await commune.data(SUBMIT, { input: referralOf() });
    expect(submitReferral).toMatchObject({ status: 'NEW', progress: 'RECEIVED', submissions: [{ organisationName: tenant.organisations.commune.name }] });

    const inbox = await animation.data(`query { referrals(filter: { statuses: [NEW] }) { edges { node { id submissions { situation } } } } }`);
    expect(inbox.referrals.edges.map((e: any) => e.node.id)).toContain(submitReferral.id);
    expect((await commune.data(MINE)).referrals.edges.map((e: any) => e.node.id)).toContain(submitReferral.id);

    // The integration company did not refer her; another PLIE does not know her.
    expect((await aci.data(MINE)).referrals.totalCount).toBe(0);
    expect((await aci.request(`query($id: ID!) { referral(id: $id) { id } }`, { id: submitReferral.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await foreign.request(`query($id: ID!) { referral(id: $id) { id } }`, { id: submitReferral.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The file it may open is staff business.
    const asked = await commune.request(`query($id: ID!) { referral(id: $id) { id participantId } }`, { id: submitReferral.id });
    expect(asked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the commission accepts: a file and an active pathway with the referent, atomically; the commune sees "in the pathway" and is notified, not the file', async () => {
    const { submitReferral: referral } = await commune.data(SUBMIT, { input: referralOf() });
    const reviewed = await animation.data(`mutation($input: ReviewReferralInput!) { reviewReferral(input: $input) { status version } }`, {
      input: { referralId: referral.id, version: referral.version },
    });
    expect(reviewed.reviewReferral.status).toBe('UNDER_REVIEW');

    // Without a referent for the new file, nothing changes.
    const missing = await animation.request(DECIDE, { input: { referralId: referral.id, version: reviewed.reviewReferral.version, decision: 'ACCEPT' } });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'referentId' });
    expect((await animation.data(`query($id: ID!) { referral(id: $id) { status } }`, { id: referral.id })).referral.status).toBe('UNDER_REVIEW');

    const { decideReferral } = await animation.data(DECIDE, {
      input: { referralId: referral.id, version: reviewed.reviewReferral.version, decision: 'ACCEPT', referentId: nadia },
    });
    expect(decideReferral).toMatchObject({ status: 'ACCEPTED', progress: 'IN_PATHWAY' });
    const file = await referent.data(
      `query($id: ID!) { participant(id: $id) { lastName communeCode referent { id } currentPathway { status entryDate referralDate } } }`,
      {
        id: decideReferral.participantId,
      },
    );
    expect(file.participant).toMatchObject({ lastName: referral.lastName, communeCode: '38151', referent: { id: nadia } });
    expect(file.participant.currentPathway.status).toBe('ACTIVE');

    const seen = await commune.data(`query($id: ID!) { referral(id: $id) { status progress } }`, { id: referral.id });
    expect(seen.referral).toEqual({ status: 'ACCEPTED', progress: 'IN_PATHWAY' });
    const notices = await commune.data(`{ notifications(unreadOnly: true) { edges { node { kind participantLabel } } } }`);
    expect(notices.notifications.edges.map((e: any) => e.node)).toContainEqual({
      kind: 'REFERRAL_ACCEPTED',
      participantLabel: `Inès ${referral.lastName[0]}.`,
    });
    // Without the person's consent, the commune does not reach the file.
    const direct = await commune.request(`query($id: ID!) { participant(id: $id) { id } }`, { id: decideReferral.participantId });
    expect(direct.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Once the person leaves the pathway, the commune sees it (it authored the referral).
    await referent.data(
      `mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`,
      await (async () => {
        const current = (
          await referent.data(`query($id: ID!) { participant(id: $id) { currentPathway { id version } } }`, { id: decideReferral.participantId })
        ).participant.currentPathway;
        return { input: { pathwayId: current.id, version: current.version, status: 'EXITED', exitKind: 'ABANDONMENT', date: todayInFrance(new Date()) } };
      })(),
    );
    expect((await commune.data(`query($id: ID!) { referral(id: $id) { progress } }`, { id: referral.id })).referral.progress).toBe('EXITED');
  });

  it('refusing, redirecting and postponing need a reason the commune reads; a decided referral cannot be decided again', async () => {
    const { submitReferral: refused } = await commune.data(SUBMIT, { input: referralOf() });
    const noReason = await animation.request(DECIDE, { input: { referralId: refused.id, version: refused.version, decision: 'REFUSE' } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const decided = await animation.data(DECIDE, {
      input: { referralId: refused.id, version: refused.version, decision: 'REFUSE', reason: 'Relève du RSA socle : orientation vers le Département.' },
    });
    expect(decided.decideReferral).toMatchObject({ status: 'REFUSED', participantId: null });
    expect((await commune.data(`query($id: ID!) { referral(id: $id) { progress decisionReason } }`, { id: refused.id })).referral).toEqual({
      progress: 'REFUSED',
      decisionReason: 'Relève du RSA socle : orientation vers le Département.',
    });
    const again = await animation.request(DECIDE, {
      input: { referralId: refused.id, version: decided.decideReferral.version, decision: 'ACCEPT', referentId: nadia },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'referralId' });

    const { submitReferral: redirected } = await commune.data(SUBMIT, { input: referralOf() });
    const noWhere = await animation.request(DECIDE, {
      input: { referralId: redirected.id, version: redirected.version, decision: 'REDIRECT', reason: 'Moins de 26 ans' },
    });
    expect(noWhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'redirectedTo' });
    const neither = await animation.request(DECIDE, { input: { referralId: redirected.id, version: redirected.version, decision: 'REDIRECT' } });
    expect((neither.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['reason', 'redirectedTo']);
    const sent = await animation.data(DECIDE, {
      input: { referralId: redirected.id, version: redirected.version, decision: 'REDIRECT', reason: 'Moins de 26 ans', redirectedTo: 'Mission locale' },
    });
    expect(sent.decideReferral).toMatchObject({ status: 'REDIRECTED', progress: 'REDIRECTED', redirectedTo: 'Mission locale' });

    const { submitReferral: postponed } = await commune.data(SUBMIT, { input: referralOf() });
    const later = await animation.data(DECIDE, {
      input: { referralId: postponed.id, version: postponed.version, decision: 'POSTPONE', reason: 'Pièces manquantes' },
    });
    expect(later.decideReferral.status).toBe('POSTPONED');
    // A postponed referral comes back to a later commission.
    const accepted = await animation.data(DECIDE, {
      input: { referralId: postponed.id, version: later.decideReferral.version, decision: 'ACCEPT', referentId: nadia },
    });
    expect(accepted.decideReferral.status).toBe('ACCEPTED');
  });

  it('a second referral of the same person joins the open one; each partner reads only its own submission; a retry is not a new referral', async () => {
    const input = referralOf();
    const { submitReferral: first } = await commune.data(SUBMIT, { input: { ...input, idempotencyKey: `referral-${people}-commune` } });
    const retried = await commune.data(SUBMIT, { input: { ...input, idempotencyKey: `referral-${people}-commune` } });
    expect(retried.submitReferral.id).toBe(first.id);
    expect(retried.submitReferral.submissions).toHaveLength(1);

    const { submitReferral: joined } = await aci.data(SUBMIT, { input: { ...input, reason: 'Candidate à un poste en chantier d’insertion.' } });
    expect(joined.id).toBe(first.id);
    expect(joined.submissions).toEqual([
      expect.objectContaining({ organisationName: tenant.organisations.siae.name, reason: 'Candidate à un poste en chantier d’insertion.' }),
    ]);
    const commune_sees = await commune.data(`query($id: ID!) { referral(id: $id) { submissions { organisationName } } }`, { id: first.id });
    expect(commune_sees.referral.submissions).toEqual([{ organisationName: tenant.organisations.commune.name }]);
    const staff = await animation.data(`query($id: ID!) { referral(id: $id) { submissions { organisationName } } }`, { id: first.id });
    expect(staff.referral.submissions.map((s: any) => s.organisationName)).toEqual([tenant.organisations.commune.name, tenant.organisations.siae.name]);
    const search = await animation.data(`query($search: String) { referrals(filter: { search: $search }) { totalCount } }`, { search: input.details.lastName });
    expect(search.referrals.totalCount).toBe(1);

    // Both referrers hear of the decision.
    await animation.data(DECIDE, {
      input: { referralId: first.id, version: first.version, decision: 'REDIRECT', reason: 'Déjà suivie ailleurs', redirectedTo: 'France Travail' },
    });
    const notified = async (client: GraphqlClient) =>
      (await client.data(`{ notifications(unreadOnly: true) { edges { node { kind participantLabel } } } }`)).notifications.edges.map((e: any) => e.node.kind);
    expect(await notified(commune)).toContain('REFERRAL_REDIRECTED');
    expect(await notified(aci)).toContain('REFERRAL_REDIRECTED');
  });

  it('a person already on file: the commission is warned, then links the referral to the file (a new pathway once the last one ended)', async () => {
    const input = referralOf();
    const created = await referent.data(
      `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { id currentPathway { id version } } }`,
      { details: input.details },
    );
    const { submitReferral: referral } = await commune.data(SUBMIT, { input });
    const matches = await animation.data(`query($id: ID!) { referral(id: $id) { possibleMatches { id } } }`, { id: referral.id });
    expect(matches.referral.possibleMatches).toEqual([{ id: created.createParticipant.id }]);
    const warned = await animation.request(DECIDE, {
      input: { referralId: referral.id, version: referral.version, decision: 'ACCEPT', referentId: nadia },
    });
    expect(warned.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'participantId' });

    const linked = await animation.data(DECIDE, {
      input: { referralId: referral.id, version: referral.version, decision: 'ACCEPT', participantId: created.createParticipant.id },
    });
    expect(linked.decideReferral.participantId).toBe(created.createParticipant.id);
    const file = await referent.data(`query($id: ID!) { participant(id: $id) { pathways { id status } } }`, { id: created.createParticipant.id });
    // The pathway that awaited accreditation is now under way; no second file, no second pathway.
    expect(file.participant.pathways).toEqual([{ id: created.createParticipant.currentPathway.id, status: 'ACTIVE' }]);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, Record<string, unknown>, string]> = [
      [{ situation: '  ' }, {}, 'situation'],
      [{ reason: '' }, {}, 'reason'],
      [{ agreedOn: '2030-01-01' }, {}, 'agreedOn'],
      [{ agreementMethod: 'ORAL_WITH_WITNESS' }, {}, 'witness'],
      [{}, { birthDate: '31/12/1990' }, 'birthDate'],
      [{}, { communeCode: '99999' }, 'communeCode'],
    ];
    const before = (await animation.data(`{ referrals { totalCount } }`)).referrals.totalCount;
    for (const [overrides, details, field] of cases) {
      const response = await commune.request(SUBMIT, { input: referralOf(overrides, details) });
      expect(response.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // Staff recording a referral must name the partner it came from.
    const unnamed = await animation.request(SUBMIT, { input: referralOf() });
    expect(unnamed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisationId' });
    expect((await animation.data(`{ referrals { totalCount } }`)).referrals.totalCount).toBe(before);
  });

  it('only the animation team decides; two decisions on the same version: the second is a conflict', async () => {
    const { submitReferral: referral } = await commune.data(SUBMIT, { input: referralOf() });
    for (const client of [commune, referent]) {
      const tried = await client.request(DECIDE, { input: { referralId: referral.id, version: referral.version, decision: 'REFUSE', reason: 'Non' } });
      expect(tried.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    await animation.data(DECIDE, { input: { referralId: referral.id, version: referral.version, decision: 'POSTPONE', reason: 'Dossier incomplet' } });
    const stale = await animation.request(DECIDE, { input: { referralId: referral.id, version: referral.version, decision: 'REFUSE', reason: 'Non' } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it("keeps a partner's own SQL transaction to the referrals it took part in and its own submissions (row-level security)", async () => {
    const { submitReferral: communes } = await commune.data(SUBMIT, { input: referralOf() });
    const { submitReferral: acis } = await aci.data(SUBMIT, { input: referralOf() });
    const em = server.database.orm.em.fork();
    await beginRequestTransaction(em);
    try {
      await applyRlsSettings(em, { tenantId: tenant.tenantId, organisationId: tenant.organisations.siae.id, staff: false });
      const referrals = (await em.execute<Array<{ id: string }>>('select id from referral')).map((r) => r.id);
      expect(referrals).toContain(parseGlobalId(acis.id)!.id);
      expect(referrals).not.toContain(parseGlobalId(communes.id)!.id);
      const organisations = await em.execute<Array<{ organisation_id: string }>>('select distinct organisation_id from referral_submission');
      expect(organisations).toEqual([{ organisation_id: tenant.organisations.siae.id }]);
      const statuses = await em.execute<Array<{ referral_id: string }>>(
        `select referral_id from jalon_referral_pathway_statuses((select array_agg(id) from referral))`,
      );
      expect(statuses.every((row) => referrals.includes(row.referral_id))).toBe(true);
      // The commune's referral of another person stays out of reach, even by guessing its row.
      const [guessed] = await em.execute<Array<{ n: number }>>('select count(*)::int as n from referral where first_name = ? and last_name = ?', [
        communes.firstName,
        communes.lastName,
      ]);
      expect(guessed!.n).toBe(0);
    } finally {
      await em.rollback();
    }
  });

  it('keeps the documents a partner attaches: PDF, JPEG or PNG by their bytes; each partner gets back only its own, staff all', async () => {
    const input = referralOf();
    const { submitReferral: referral } = await commune.data(SUBMIT, { input });
    await aci.data(SUBMIT, { input: { ...input, reason: 'Candidate au chantier.' } });
    const upload = (cookie: string, content: Buffer, name: string) => {
      const boundary = 'jalonboundary';
      return server.app.inject({
        method: 'POST',
        url: `/referrals/${referral.id}/attachments`,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: application/octet-stream\r\n\r\n`),
          content,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    };
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('bilan de compétences')]);
    const notADocument = await upload(commune.cookie!, Buffer.from('MZ executable'), 'bilan.pdf');
    expect(notADocument.statusCode).toBe(400);
    expect(notADocument.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    const stored = await upload(commune.cookie!, pdf, 'bilan CCAS.pdf');
    expect(stored.statusCode).toBe(201);
    const attachmentId = stored.json().id;
    // The integration company, which also referred her, neither lists nor downloads the commune's document.
    expect((await aci.data(`query($id: ID!) { referral(id: $id) { attachments { fileName } } }`, { id: referral.id })).referral.attachments).toEqual([]);
    const theirs = await server.app.inject({ method: 'GET', url: `/referral-attachments/${attachmentId}`, headers: { cookie: aci.cookie! } });
    expect(theirs.statusCode).toBe(404);
    const foreignUpload = await server.app.inject({ method: 'GET', url: `/referral-attachments/${attachmentId}`, headers: { cookie: foreign.cookie! } });
    expect(foreignUpload.statusCode).toBe(404);

    const staff = await animation.data(`query($id: ID!) { referral(id: $id) { attachments { fileName contentType sizeBytes organisationName } } }`, {
      id: referral.id,
    });
    expect(staff.referral.attachments).toEqual([
      { fileName: 'bilan CCAS.pdf', contentType: 'application/pdf', sizeBytes: pdf.length, organisationName: tenant.organisations.commune.name },
    ]);
    const back = await server.app.inject({ method: 'GET', url: `/referral-attachments/${attachmentId}`, headers: { cookie: animation.cookie! } });
    expect(back.rawPayload.equals(pdf)).toBe(true);
    const own = await server.app.inject({ method: 'GET', url: `/referral-attachments/${attachmentId}`, headers: { cookie: commune.cookie! } });
    expect(own.statusCode).toBe(200);
  });

  it('the inbox shows each referral as the referral itself reads it, page after page, newest first, filtered alike', async () => {
    // After the tests above: accepted, refused, postponed, joined by a second partner, with a document.
    const fields = `id version firstName lastName birthDate gender phone email addressLine postcode communeCode communeName priorityDistrictCode
      status progress receivedAt decidedAt decisionReason redirectedTo participantId
      submissions { id organisationName authorName submittedAt situation reason expectations agreementMethod agreedOn witness }
      attachments { id fileName contentType sizeBytes uploadedAt organisationName }`;
    const walk = async (filter: Record<string, unknown>) => {
      const nodes: any[] = [];
      let after: string | null = null;
      let totalCount = 0;
      do {
        const { referrals }: any = await animation.data(
          `query($filter: ReferralFilter, $after: String) { referrals(filter: $filter, page: { first: 3, after: $after }) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } } } }`,
          { filter, after },
        );
        totalCount = referrals.totalCount;
        nodes.push(...referrals.edges.map((edge: any) => edge.node));
        if (referrals.edges.length) expect(referrals.edges.at(-1).cursor).toBe(referrals.pageInfo.endCursor);
        after = referrals.pageInfo.hasNextPage ? referrals.pageInfo.endCursor : null;
      } while (after);
      expect(nodes).toHaveLength(totalCount);
      return nodes;
    };

    const inbox = await walk({});
    expect(new Set(inbox.map((node) => node.id)).size).toBe(inbox.length);
    const received = inbox.map((node) => node.receivedAt);
    expect(received).toEqual([...received].sort().reverse());
    for (const node of inbox) {
      expect((await animation.data(`query($id: ID!) { referral(id: $id) { ${fields} } }`, { id: node.id })).referral).toEqual(node);
    }
    expect(inbox.some((node) => node.participantId && node.progress === 'IN_PATHWAY')).toBe(true);
    expect(inbox.some((node) => node.submissions.length > 1 && node.submissions.every((s: any) => s.authorName))).toBe(true);
    expect(inbox.some((node) => node.attachments.length > 0)).toBe(true);

    const refused = await walk({ statuses: ['REFUSED', 'REDIRECTED'] });
    expect(refused.length).toBeGreaterThan(0);
    expect(refused).toEqual(inbox.filter((node) => ['REFUSED', 'REDIRECTED'].includes(node.status)));
    const one = inbox.find((node) => node.attachments.length)!;
    expect(await walk({ search: one.lastName })).toEqual(inbox.filter((node) => node.lastName.toLowerCase().includes(one.lastName.toLowerCase())));
  });
});
