import { CONTRACT_STAGE_CATEGORIES } from './assisted-contract';
import { OrganisationKind } from './organisation-kind';
import { StageCategory } from './stage-kind';
import { TRAINING_STAGE_CATEGORIES } from './training';

/**
 * What a participant may agree to share with a partner (README, "Sharing with partners").
 * Staff see a file by their role; partners see only what one of these classes, granted to them
 * and in force, covers.
 */
export enum DataClass {
  PATHWAY_STATUS = 'PATHWAY_STATUS',
  IDENTITY_CONTACT = 'IDENTITY_CONTACT',
  STAGE_LIST = 'STAGE_LIST',
  STAGE_DETAILS = 'STAGE_DETAILS',
  CONTRACT_REPORTS = 'CONTRACT_REPORTS',
  TRAINING_REPORTS = 'TRAINING_REPORTS',
  APPOINTMENTS = 'APPOINTMENTS',
  DIAGNOSIS = 'DIAGNOSIS',
  HEALTH = 'HEALTH',
  DISABILITY = 'DISABILITY',
  JUSTICE = 'JUSTICE',
  EXIT_FOLLOW_UP = 'EXIT_FOLLOW_UP',
  /** A candidacy on a job offer: that it exists, its status and the summary the referent wrote for the employer. */
  JOB_APPLICATION = 'JOB_APPLICATION',
}

/** GDPR art. 9/10 data: only under a grant that names them and names the organisation. */
export const SPECIAL_CATEGORY_CLASSES: readonly DataClass[] = [DataClass.HEALTH, DataClass.DISABILITY, DataClass.JUSTICE];

/** Classes that are about one stage: a consent's stage scope narrows them. */
export const STAGE_CLASSES: readonly DataClass[] = [DataClass.STAGE_LIST, DataClass.STAGE_DETAILS, DataClass.CONTRACT_REPORTS, DataClass.TRAINING_REPORTS];

/**
 * A stage's own operational data (that it exists, its details), which its operator sees under a
 * consent that shares the stage's details, or the stage's reports for their purpose (see
 * `operatorMaySee`); reports need their own class.
 */
export const STAGE_OPERATIONAL_CLASSES: readonly DataClass[] = [DataClass.STAGE_LIST, DataClass.STAGE_DETAILS];

/**
 * How a field of a participant-bearing type is classified. Besides the grantable classes:
 * IDENTIFICATION (the name and id: who the shared facts are about, visible exactly when something
 * else about the person is) and NEVER_SHARED (referents' private notes, journal, history, ESF+
 * entry items collected for reporting only).
 */
export const IDENTIFICATION = 'IDENTIFICATION';
export const NEVER_SHARED = 'NEVER_SHARED';
export type FieldClass = DataClass | typeof IDENTIFICATION | typeof NEVER_SHARED;

export enum ConsentPurpose {
  REFERRAL_FOLLOW_UP = 'REFERRAL_FOLLOW_UP',
  CONTRACT_REPORTING = 'CONTRACT_REPORTING',
  TRAINING_FOLLOW_UP = 'TRAINING_FOLLOW_UP',
  COORDINATION_MEETINGS = 'COORDINATION_MEETINGS',
  JOB_APPLICATION = 'JOB_APPLICATION',
}

/** A grant permits; a refusal ("not with this partner") denies, and a denial always wins. */
export enum ConsentEffect {
  GRANT = 'GRANT',
  REFUSAL = 'REFUSAL',
}

export enum ConsentStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
  SUPERSEDED = 'SUPERSEDED',
}

export enum ConsentMethod {
  SIGNED_FORM = 'SIGNED_FORM',
  ORAL_WITH_WITNESS = 'ORAL_WITH_WITNESS',
}

export type ConsentGrantee = { organisationId: string; organisationKind?: undefined } | { organisationKind: OrganisationKind; organisationId?: undefined };

/** Which stages the stage classes cover: all of the participant's, those of some kinds (codes), or listed ones. */
export type StageScope = { all: true } | { stageKinds: readonly string[] } | { stageIds: readonly string[] };

export interface ConsentTerms {
  id: string;
  participantId: string;
  grantee: ConsentGrantee;
  effect: ConsentEffect;
  dataClasses: readonly DataClass[];
  stageScope: StageScope;
  purpose: ConsentPurpose;
  validFrom: Date;
  /** Exclusive end; null until revoked or the pathway's follow-up ends. */
  validUntil: Date | null;
  status: ConsentStatus;
}

export interface PartnerViewer {
  organisationId: string;
  organisationKind: OrganisationKind;
}

export interface StageFacts {
  id: string;
  kindCode: string;
  /** Which reports the stage's operator writes (contract or training reports), if any. */
  category: StageCategory;
  operatorOrganisationId: string | null;
}

/** The reports the operator of a stage of this category writes, and the purpose a consent shares them for. */
export function stageReports(category: StageCategory): { reportClass: DataClass; purpose: ConsentPurpose } | null {
  if (CONTRACT_STAGE_CATEGORIES.includes(category)) return { reportClass: DataClass.CONTRACT_REPORTS, purpose: ConsentPurpose.CONTRACT_REPORTING };
  if (TRAINING_STAGE_CATEGORIES.includes(category)) return { reportClass: DataClass.TRAINING_REPORTS, purpose: ConsentPurpose.TRAINING_FOLLOW_UP };
  return null;
}

/**
 * The operator rule: the organisation running a stage sees that stage (its existence and details)
 * under a grant covering it that shares its details (for any purpose, as it would with any partner),
 * or its reports for the reports' purpose (contract reporting, training follow-up): it cannot write
 * a month's report on a stage it may not see. A grant of anything else (the pathway status for
 * coordination meetings, the stage list) shows the operator no more than any other partner. A class
 * the person refused to it or its kind on every stage grounds nothing: a refusal of the details
 * takes the stage away from its operator too, unless the stage list itself is shared.
 */
function operatorMaySee(grant: ConsentTerms, stage: StageFacts, viewer: PartnerViewer, participantConsents: readonly ConsentTerms[]): boolean {
  if (grant.effect !== ConsentEffect.GRANT || stage.operatorOrganisationId !== viewer.organisationId) return false;
  if (grounds(grant, DataClass.STAGE_DETAILS, participantConsents)) return true;
  const reports = stageReports(stage.category);
  return reports !== null && grounds(grant, reports.reportClass, participantConsents) && grant.purpose === reports.purpose;
}

// A function of its own, not a closure in operatorMaySee: V8 would allocate the closure's context on
// every call, for each of a list's 700 stages, before the first line returns.
function grounds(grant: ConsentTerms, dataClass: DataClass, participantConsents: readonly ConsentTerms[]): boolean {
  return grant.dataClasses.includes(dataClass) && !refusedOnEveryStage(participantConsents, dataClass);
}

/** Whether a refusal among these consents (those naming the viewer, in force) refuses the class on every stage. */
function refusedOnEveryStage(participantConsents: readonly ConsentTerms[], dataClass: DataClass): boolean {
  return participantConsents.some((c) => c.effect === ConsentEffect.REFUSAL && 'all' in c.stageScope && c.dataClasses.includes(dataClass));
}

/** One piece of participant data a partner asks for. */
export interface SharedFact {
  participantId: string;
  fieldClass: FieldClass;
  /** For the stage classes: the stage the fact belongs to. */
  stage?: StageFacts;
  /** The organisation that wrote the fact (its referral, its report), if a partner did. */
  authorOrganisationId?: string | null;
}

export type Decision =
  | { allowed: true; basis: 'AUTHORED' } //
  | { allowed: true; basis: 'CONSENT'; purposes: ConsentPurpose[] }
  | { allowed: false; reason: 'NEVER_SHARED' | 'NO_CONSENT' | 'REFUSED' };

export function isInForce(consent: ConsentTerms, now: Date): boolean {
  const time = now.getTime();
  return consent.status === ConsentStatus.ACTIVE && consent.validFrom.getTime() <= time && (consent.validUntil === null || time < consent.validUntil.getTime());
}

function namesViewer(grantee: ConsentGrantee, viewer: PartnerViewer): boolean {
  return grantee.organisationId !== undefined ? grantee.organisationId === viewer.organisationId : grantee.organisationKind === viewer.organisationKind;
}

export function scopeCovers(scope: StageScope, stage: StageFacts): boolean {
  if ('all' in scope) return true;
  if ('stageKinds' in scope) return scope.stageKinds.includes(stage.kindCode);
  return scope.stageIds.includes(stage.id);
}

/** The operator rule in words, for the permission snapshot: a change in it is a permission change. */
export function describeOperatorRule(): string[] {
  const byReports = new Map<string, string[]>();
  for (const category of Object.values(StageCategory)) {
    const reports = stageReports(category);
    if (reports)
      byReports.set(`${reports.reportClass} for ${reports.purpose}`, [...(byReports.get(`${reports.reportClass} for ${reports.purpose}`) ?? []), category]);
  }
  return [
    `The operator of a stage sees ${STAGE_OPERATIONAL_CLASSES.join(' and ')} of that stage under a grant in force covering the stage of:`,
    `  ${DataClass.STAGE_DETAILS} (any purpose)`,
    ...[...byReports].map(([reports, categories]) => `  or ${reports} (stages ${categories.join(', ')})`),
    'and under nothing else a grant shares; a refusal of those classes to it or its kind wins,',
    'and a class it or its kind is refused on every stage grounds nothing.',
  ];
}

function classCovered(
  consent: ConsentTerms,
  dataClass: DataClass,
  stage: StageFacts | undefined,
  viewer: PartnerViewer,
  participantConsents: readonly ConsentTerms[],
): boolean {
  // Special categories are granted to a named organisation only; a refusal, even of a whole kind, still refuses them.
  const special = SPECIAL_CATEGORY_CLASSES.includes(dataClass);
  if (special && consent.effect === ConsentEffect.GRANT && consent.grantee.organisationId === undefined) return false;
  if (STAGE_CLASSES.includes(dataClass)) {
    if (!stage || !scopeCovers(consent.stageScope, stage)) return false;
    if (STAGE_OPERATIONAL_CLASSES.includes(dataClass) && operatorMaySee(consent, stage, viewer, participantConsents)) return true;
  }
  return consent.dataClasses.includes(dataClass);
}

/**
 * Decisions are values, the same for the same outcome: they are made once here, frozen, and
 * handed out again. A partner's list decides 1,400 times; new objects for each were a fifth of
 * what the request allocated.
 */
const REFUSED: Decision = Object.freeze({ allowed: false, reason: 'REFUSED' });
const NO_CONSENT: Decision = Object.freeze({ allowed: false, reason: 'NO_CONSENT' });
const NEVER: Decision = Object.freeze({ allowed: false, reason: 'NEVER_SHARED' });
const AUTHORED: Decision = Object.freeze({ allowed: true, basis: 'AUTHORED' });
const PURPOSES = Object.values(ConsentPurpose);
const PURPOSE_BIT = new Map(PURPOSES.map((purpose, index) => [purpose, 1 << index]));
const ALLOWED = new Map<number, Decision>();

/** The decision allowing a read for a set of purposes, given as bits of PURPOSES (in that order). */
function allowedFor(purposes: number): Decision {
  return ALLOWED.get(purposes) ?? madeAllowed(purposes);
}

// Apart from allowedFor: its closure's context would be allocated on every call, made or not.
function madeAllowed(purposes: number): Decision {
  const decision: Decision = Object.freeze({
    allowed: true,
    basis: 'CONSENT',
    purposes: Object.freeze(PURPOSES.filter((purpose) => purposes & PURPOSE_BIT.get(purpose)!)) as ConsentPurpose[],
  });
  ALLOWED.set(purposes, decision);
  return decision;
}

function decideClass(viewer: PartnerViewer, participantConsents: readonly ConsentTerms[], dataClass: DataClass, stage?: StageFacts): Decision {
  let purposes = 0;
  // Indexed: this runs for each object of a list (1,400 times for a partner's list), and an iterator allocates.
  for (let i = 0; i < participantConsents.length; i++) {
    const consent = participantConsents[i]!;
    if (!classCovered(consent, dataClass, stage, viewer, participantConsents)) continue;
    if (consent.effect === ConsentEffect.REFUSAL) return REFUSED;
    purposes |= PURPOSE_BIT.get(consent.purpose)!;
  }
  return purposes === 0 ? NO_CONSENT : allowedFor(purposes);
}

/** Is the person visible at all: does any granted class survive the refusals? */
function decideIdentification(viewer: PartnerViewer, participantConsents: readonly ConsentTerms[]): Decision {
  let purposes = 0;
  for (const grant of participantConsents) {
    if (grant.effect !== ConsentEffect.GRANT) continue;
    const visible = grant.dataClasses.some((dataClass) => {
      if (SPECIAL_CATEGORY_CLASSES.includes(dataClass) && grant.grantee.organisationId === undefined) return false;
      const refused = participantConsents.some(
        (refusal) => refusal.effect === ConsentEffect.REFUSAL && refusal.dataClasses.includes(dataClass) && refusesWholeScope(refusal, grant),
      );
      return !refused;
    });
    if (visible) purposes |= PURPOSE_BIT.get(grant.purpose)!;
  }
  return purposes === 0 ? NO_CONSENT : allowedFor(purposes);
}

/** A refusal on all stages blocks any stage a grant could cover; a narrower one leaves some visible. */
function refusesWholeScope(refusal: ConsentTerms, grant: ConsentTerms): boolean {
  if ('all' in refusal.stageScope) return true;
  const refused: readonly string[] = 'stageKinds' in refusal.stageScope ? refusal.stageScope.stageKinds : refusal.stageScope.stageIds;
  if ('stageKinds' in grant.stageScope && 'stageKinds' in refusal.stageScope) return grant.stageScope.stageKinds.every((kind) => refused.includes(kind));
  if ('stageIds' in grant.stageScope && 'stageIds' in refusal.stageScope) return grant.stageScope.stageIds.every((id) => refused.includes(id));
  return false;
}

/**
 * May this partner see this fact now? Pure: the caller passes every consent of the participant
 * that names the viewer (by organisation or by kind), in any status; the rules are in the README, "Sharing with partners".
 */
export function decide(viewer: PartnerViewer, fact: SharedFact, consents: readonly ConsentTerms[], now: Date): Decision {
  return participantDecider(viewer, fact.participantId, consents, now)(fact.fieldClass, fact);
}

/** What decide() reads of a fact besides its participant and class. */
export type FactContext = Pick<SharedFact, 'stage' | 'authorOrganisationId'>;

/**
 * decide() for the facts of one participant: the consents in force naming the viewer are picked
 * once, however many facts are then decided (a partner's list decides two classes of each of 700
 * stages). The same rule as decide(), which is this for a single fact.
 */
export function participantDecider(
  viewer: PartnerViewer,
  participantId: string,
  consents: readonly ConsentTerms[],
  now: Date,
): (fieldClass: FieldClass, fact: FactContext) => Decision {
  let inForce: ConsentTerms[] | undefined;
  return (fieldClass, fact) => {
    if (fieldClass === NEVER_SHARED) return NEVER;
    if (fact.authorOrganisationId && fact.authorOrganisationId === viewer.organisationId) return AUTHORED;
    inForce ??= consents.filter((consent) => consent.participantId === participantId && namesViewer(consent.grantee, viewer) && isInForce(consent, now));
    if (fieldClass === IDENTIFICATION) return decideIdentification(viewer, inForce);
    return decideClass(viewer, inForce, fieldClass, fact.stage);
  };
}
