import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ConsentEffect,
  type ConsentGrantee,
  ConsentPurpose,
  ConsentStatus,
  type ConsentTerms,
  DataClass,
  decide,
  participantDecider,
  IDENTIFICATION,
  NEVER_SHARED,
  type PartnerViewer,
  type SharedFact,
  SPECIAL_CATEGORY_CLASSES,
  STAGE_CLASSES,
  type StageFacts,
} from './consent';
import { OrganisationKind } from './organisation-kind';
import { STAGE_KIND_TAXONOMY, StageCategory } from './stage-kind';

const organisations = ['org-a', 'org-b', 'org-c'];
const participants = ['p-1', 'p-2'];
const stageKinds = ['TRAINING_QUALIFYING', 'IAE_CDDI_ACI', 'JOB_SEARCH'];
const partnerKinds = [OrganisationKind.COMMUNE, OrganisationKind.INTEGRATION_COMPANY, OrganisationKind.TRAINING_OPERATOR];
const classes = Object.values(DataClass);
const NOW = new Date('2026-11-27T12:00:00Z');

const viewerArb: fc.Arbitrary<PartnerViewer> = fc.record({
  organisationId: fc.constantFrom(...organisations),
  organisationKind: fc.constantFrom(...partnerKinds),
});
const categoryOf = (kindCode: string): StageCategory => STAGE_KIND_TAXONOMY.find((kind) => kind.code === kindCode)!.category;
const stageArb: fc.Arbitrary<StageFacts> = fc
  .record({
    id: fc.constantFrom('s-1', 's-2', 's-3'),
    kindCode: fc.constantFrom(...stageKinds),
    operatorOrganisationId: fc.option(fc.constantFrom(...organisations), { nil: null }),
  })
  .map((stage) => ({ ...stage, category: categoryOf(stage.kindCode) }));
const offsetArb = fc.integer({ min: -5_000, max: 5_000 }).map((seconds) => new Date(NOW.getTime() + seconds * 1000));

const consentArb: fc.Arbitrary<ConsentTerms> = fc.record({
  id: fc.uuid(),
  participantId: fc.constantFrom(...participants),
  grantee: fc.oneof(
    fc.constantFrom(...organisations).map((organisationId): ConsentGrantee => ({ organisationId })),
    fc.constantFrom(...partnerKinds).map((organisationKind): ConsentGrantee => ({ organisationKind })),
  ),
  effect: fc.constantFrom(ConsentEffect.GRANT, ConsentEffect.GRANT, ConsentEffect.REFUSAL),
  dataClasses: fc.uniqueArray(fc.constantFrom(...classes), { minLength: 1 }),
  stageScope: fc.oneof(
    fc.constant({ all: true as const }),
    fc.record({ stageKinds: fc.uniqueArray(fc.constantFrom(...stageKinds), { minLength: 1 }) }),
    fc.record({ stageIds: fc.uniqueArray(fc.constantFrom('s-1', 's-2', 's-3'), { minLength: 1 }) }),
  ),
  purpose: fc.constantFrom(...Object.values(ConsentPurpose)),
  validFrom: offsetArb,
  validUntil: fc.option(offsetArb, { nil: null }),
  status: fc.constantFrom(ConsentStatus.ACTIVE, ConsentStatus.ACTIVE, ConsentStatus.REVOKED, ConsentStatus.EXPIRED, ConsentStatus.SUPERSEDED),
});

const factArb: fc.Arbitrary<SharedFact> = fc.record({
  participantId: fc.constantFrom(...participants),
  fieldClass: fc.constantFrom<SharedFact['fieldClass']>(...classes, IDENTIFICATION, NEVER_SHARED),
  stage: fc.option(stageArb, { nil: undefined }),
  authorOrganisationId: fc.option(fc.constantFrom(...organisations), { nil: null }),
});

const grant = (overrides: Partial<ConsentTerms>): ConsentTerms => ({
  id: 'c-1',
  participantId: 'p-1',
  grantee: { organisationId: 'org-a' },
  effect: ConsentEffect.GRANT,
  dataClasses: [DataClass.PATHWAY_STATUS],
  stageScope: { all: true },
  purpose: ConsentPurpose.REFERRAL_FOLLOW_UP,
  validFrom: new Date(NOW.getTime() - 86_400_000),
  validUntil: null,
  status: ConsentStatus.ACTIVE,
  ...overrides,
});
const commune: PartnerViewer = { organisationId: 'org-a', organisationKind: OrganisationKind.COMMUNE };

describe('the consent decision', () => {
  it('denies by default: with no consent naming the viewer, nothing but its own writing is visible', () => {
    fc.assert(
      fc.property(viewerArb, factArb, fc.array(consentArb), (viewer, fact, consents) => {
        const others = consents.filter((consent) =>
          consent.grantee.organisationId !== undefined
            ? consent.grantee.organisationId !== viewer.organisationId
            : consent.grantee.organisationKind !== viewer.organisationKind,
        );
        const decision = decide(viewer, fact, others, NOW);
        expect(decision.allowed).toBe(fact.fieldClass !== NEVER_SHARED && fact.authorOrganisationId === viewer.organisationId);
      }),
      { numRuns: 2000 },
    );
  });

  it('lets a refusal in force beat any grant for the classes it names', () => {
    fc.assert(
      fc.property(viewerArb, factArb, fc.array(consentArb), (viewer, fact, consents) => {
        fc.pre(fact.fieldClass !== IDENTIFICATION && fact.fieldClass !== NEVER_SHARED && fact.authorOrganisationId !== viewer.organisationId);
        const refusal = grant({
          participantId: fact.participantId,
          grantee: { organisationId: viewer.organisationId },
          effect: ConsentEffect.REFUSAL,
          dataClasses: [fact.fieldClass as DataClass],
        });
        expect(decide(viewer, fact, [...consents, refusal], NOW).allowed).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('never grants more when a refusal is added, nor less when a grant is added', () => {
    fc.assert(
      fc.property(viewerArb, factArb, fc.array(consentArb), consentArb, (viewer, fact, consents, extra) => {
        const before = decide(viewer, fact, consents, NOW).allowed;
        const after = decide(viewer, fact, [...consents, extra], NOW).allowed;
        if (extra.effect === ConsentEffect.REFUSAL && fact.fieldClass !== IDENTIFICATION) expect(after && !before).toBe(false);
        if (extra.effect === ConsentEffect.GRANT) expect(before && !after).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('honours the end of validity and the start to the second', () => {
    fc.assert(
      fc.property(offsetArb, fc.integer({ min: 1, max: 100_000 }), (until, lengthSeconds) => {
        const from = new Date(until.getTime() - lengthSeconds * 1000);
        const consents = [grant({ validFrom: from, validUntil: until })];
        const fact: SharedFact = { participantId: 'p-1', fieldClass: DataClass.PATHWAY_STATUS };
        expect(decide(commune, fact, consents, new Date(until.getTime() - 1)).allowed).toBe(true);
        expect(decide(commune, fact, consents, until).allowed).toBe(false);
        expect(decide(commune, fact, consents, new Date(from.getTime() - 1)).allowed).toBe(false);
        expect(decide(commune, fact, consents, from).allowed).toBe(true);
      }),
    );
  });

  it('gives nothing under a revoked, expired or superseded consent', () => {
    for (const status of [ConsentStatus.REVOKED, ConsentStatus.EXPIRED, ConsentStatus.SUPERSEDED]) {
      const consents = [grant({ status, dataClasses: classes })];
      expect(decide(commune, { participantId: 'p-1', fieldClass: DataClass.PATHWAY_STATUS }, consents, NOW)).toEqual({ allowed: false, reason: 'NO_CONSENT' });
      expect(decide(commune, { participantId: 'p-1', fieldClass: IDENTIFICATION }, consents, NOW).allowed).toBe(false);
    }
  });

  it('shares special-category data only under an in-force grant naming both the class and the organisation', () => {
    fc.assert(
      fc.property(viewerArb, factArb, fc.array(consentArb), fc.constantFrom(...SPECIAL_CATEGORY_CLASSES), (viewer, fact, consents, special) => {
        const specialFact = { ...fact, fieldClass: special, authorOrganisationId: null };
        const explicit = consents.some(
          (consent) =>
            consent.effect === ConsentEffect.GRANT &&
            consent.participantId === fact.participantId &&
            consent.grantee.organisationId === viewer.organisationId &&
            consent.dataClasses.includes(special) &&
            consent.status === ConsentStatus.ACTIVE,
        );
        if (!explicit) expect(decide(viewer, specialFact, consents, NOW).allowed).toBe(false);
      }),
      { numRuns: 2000 },
    );
    const kindWide = grant({ grantee: { organisationKind: OrganisationKind.COMMUNE }, dataClasses: classes });
    expect(decide(commune, { participantId: 'p-1', fieldClass: DataClass.HEALTH }, [kindWide], NOW).allowed).toBe(false);
    expect(decide(commune, { participantId: 'p-1', fieldClass: DataClass.DIAGNOSIS }, [kindWide], NOW).allowed).toBe(true);
    // A refusal to a whole kind still refuses special categories granted to one of its organisations (found by the property below).
    const named = grant({ grantee: { organisationId: commune.organisationId }, dataClasses: [DataClass.HEALTH] });
    const refusedToKind = grant({ grantee: { organisationKind: OrganisationKind.COMMUNE }, effect: ConsentEffect.REFUSAL, dataClasses: [DataClass.HEALTH] });
    expect(decide(commune, { participantId: 'p-1', fieldClass: DataClass.HEALTH }, [named], NOW).allowed).toBe(true);
    expect(decide(commune, { participantId: 'p-1', fieldClass: DataClass.HEALTH }, [named, refusedToKind], NOW).allowed).toBe(false);
  });

  it('always shows a partner what it wrote itself, and never what is never shared', () => {
    fc.assert(
      fc.property(viewerArb, factArb, fc.array(consentArb), (viewer, fact, consents) => {
        expect(decide(viewer, { ...fact, authorOrganisationId: viewer.organisationId }, consents, NOW).allowed).toBe(fact.fieldClass !== NEVER_SHARED);
        expect(decide(viewer, { ...fact, fieldClass: NEVER_SHARED }, consents, NOW).allowed).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('shows a stage’s operator that stage’s details only under a grant of its details, or of its reports for their purpose', () => {
    const aci: PartnerViewer = { organisationId: 'org-b', organisationKind: OrganisationKind.INTEGRATION_COMPANY };
    const itsStage: StageFacts = { id: 's-1', kindCode: 'IAE_CDDI_ACI', category: StageCategory.INTEGRATION_ACTIVITY, operatorOrganisationId: 'org-b' };
    const sameKindElsewhere: StageFacts = { ...itsStage, id: 's-2', operatorOrganisationId: 'org-c' };
    const training: StageFacts = { id: 's-3', kindCode: 'TRAINING_QUALIFYING', category: StageCategory.TRAINING, operatorOrganisationId: 'org-b' };
    const sees = (consents: ConsentTerms[], dataClass: DataClass, stage: StageFacts) =>
      decide(aci, { participantId: 'p-1', fieldClass: dataClass, stage }, consents, NOW).allowed;
    const toAci = (overrides: Partial<ConsentTerms>) =>
      grant({ grantee: { organisationId: 'org-b' }, stageScope: { stageKinds: ['IAE_CDDI_ACI'] }, ...overrides });

    // The stage list, or the pathway status for meetings, shows the operator no detail of its stage.
    const listOnly = [toAci({ dataClasses: [DataClass.STAGE_LIST] })];
    expect(STAGE_CLASSES.filter((dataClass) => sees(listOnly, dataClass, itsStage))).toEqual([DataClass.STAGE_LIST]);
    const statusForMeetings = [toAci({ dataClasses: [DataClass.PATHWAY_STATUS], purpose: ConsentPurpose.COORDINATION_MEETINGS, stageScope: { all: true } })];
    expect(STAGE_CLASSES.filter((dataClass) => sees(statusForMeetings, dataClass, itsStage))).toEqual([]);
    // Its reports shared for contract reporting: the operator sees its stage and its details, not another's.
    const reports = [toAci({ dataClasses: [DataClass.CONTRACT_REPORTS], purpose: ConsentPurpose.CONTRACT_REPORTING })];
    expect(STAGE_CLASSES.filter((dataClass) => sees(reports, dataClass, itsStage))).toEqual([
      DataClass.STAGE_LIST,
      DataClass.STAGE_DETAILS,
      DataClass.CONTRACT_REPORTS,
    ]);
    expect(STAGE_CLASSES.filter((dataClass) => sees(reports, dataClass, sameKindElsewhere))).toEqual([DataClass.CONTRACT_REPORTS]);
    // The same reports for another purpose, or the wrong reports' class for the stage, show no details.
    expect(sees([{ ...reports[0]!, purpose: ConsentPurpose.COORDINATION_MEETINGS }], DataClass.STAGE_DETAILS, itsStage)).toBe(false);
    const trainingReports = [toAci({ dataClasses: [DataClass.TRAINING_REPORTS], purpose: ConsentPurpose.TRAINING_FOLLOW_UP, stageScope: { all: true } })];
    expect(sees(trainingReports, DataClass.STAGE_DETAILS, itsStage)).toBe(false);
    expect(sees(trainingReports, DataClass.STAGE_DETAILS, training)).toBe(true);
    // Its details shared (for any purpose, as with any partner): the operator sees its stage listed too.
    const details = [toAci({ dataClasses: [DataClass.STAGE_DETAILS], purpose: ConsentPurpose.COORDINATION_MEETINGS })];
    expect(STAGE_CLASSES.filter((dataClass) => sees(details, dataClass, itsStage))).toEqual([DataClass.STAGE_LIST, DataClass.STAGE_DETAILS]);
    expect(sees(details, DataClass.STAGE_LIST, training)).toBe(false);
    // A refusal of the details wins over the reports' grant.
    const refused = [
      ...reports,
      {
        ...toAci({ dataClasses: [DataClass.STAGE_DETAILS], stageScope: { all: true } }),
        grantee: { organisationKind: OrganisationKind.INTEGRATION_COMPANY },
        effect: ConsentEffect.REFUSAL,
      },
    ];
    expect(sees(refused, DataClass.STAGE_DETAILS, itsStage)).toBe(false);
    expect(sees(refused, DataClass.CONTRACT_REPORTS, itsStage)).toBe(true);
    // Refused on every stage, the details ground nothing: the stage leaves the operator's list too,
    // as row-level security hides it (jalon_partner_stages_sharing). Refused on some stages, the
    // details of those are withheld, and the stage stays listed.
    const refusalOfDetails = (stageScope: ConsentTerms['stageScope']) => ({
      ...toAci({ dataClasses: [DataClass.STAGE_DETAILS], stageScope }),
      grantee: { organisationKind: OrganisationKind.INTEGRATION_COMPANY },
      effect: ConsentEffect.REFUSAL,
    });
    expect(STAGE_CLASSES.filter((dataClass) => sees([...details, refusalOfDetails({ all: true })], dataClass, itsStage))).toEqual([]);
    expect(STAGE_CLASSES.filter((dataClass) => sees([...details, refusalOfDetails({ stageKinds: ['IAE_CDDI_ACI'] })], dataClass, itsStage))).toEqual([
      DataClass.STAGE_LIST,
    ]);
    expect(sees(reports, DataClass.DIAGNOSIS, itsStage)).toBe(false);
  });

  it('decides a participant’s facts one after the other exactly as each alone (the API reuses one decider per person)', () => {
    fc.assert(
      fc.property(
        viewerArb,
        fc.constantFrom(...participants),
        fc.array(factArb, { minLength: 1 }),
        fc.array(consentArb),
        (viewer, participantId, facts, consents) => {
          const decider = participantDecider(viewer, participantId, consents, NOW);
          for (const fact of facts) expect(decider(fact.fieldClass, fact)).toEqual(decide(viewer, { ...fact, participantId }, consents, NOW));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('shows who a person is exactly when something else about them is visible', () => {
    fc.assert(
      fc.property(viewerArb, fc.constantFrom(...participants), fc.array(consentArb), (viewer, participantId, consents) => {
        const identification = decide(viewer, { participantId, fieldClass: IDENTIFICATION }, consents, NOW).allowed;
        const someNonStageClass = classes
          .filter((dataClass) => !STAGE_CLASSES.includes(dataClass))
          .some((dataClass) => decide(viewer, { participantId, fieldClass: dataClass }, consents, NOW).allowed);
        if (someNonStageClass) expect(identification).toBe(true);
        if (!identification) expect(someNonStageClass).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
