import type { EntityManager } from '@mikro-orm/postgresql';
import {
  participantDecider,
  type ConsentPurpose,
  type ConsentTerms,
  type Decision,
  type FieldClass,
  IDENTIFICATION,
  isPartnerKind,
  type OrganisationKind,
  type PartnerViewer,
  type StageFacts,
} from '@jalon/domain';
import { consentTermsNaming } from '../db/consent-terms.query';

/**
 * What a piece of participant data is about, carried by every participant-bearing object the API
 * returns (never serialised): the consent middleware decides on it.
 */
export interface ConsentSubject {
  participantId: string;
  /** The class under which the object itself exists (a stage exists under STAGE_LIST, an obstacle under its category's class). */
  itemClass: FieldClass;
  stage?: StageFacts;
  authorOrganisationId?: string | null;
  /** A referent's preview of what a partner would see: decide for that partner instead of the viewer. */
  scope?: ConsentScope;
}

export interface SubjectBearer {
  readonly consentSubject: ConsentSubject;
}

/** Marks an object to be decided for a preview's partner rather than the request's viewer. */
export function withScope<T extends SubjectBearer>(bearer: T, scope: ConsentScope | undefined): T {
  if (scope) bearer.consentSubject.scope = scope;
  return bearer;
}

export function subjectOf(value: unknown): ConsentSubject | undefined {
  return value !== null && typeof value === 'object' && 'consentSubject' in value ? (value as SubjectBearer).consentSubject : undefined;
}

/** A partner's reads of one participant during a request, for the access log. */
export interface ParticipantRead {
  classes: Set<FieldClass>;
  purposes: Set<ConsentPurpose>;
}

/** What the scope needs of the request's membership (the request context's actor has it). */
export interface ViewerMembership {
  tenantId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
}

function byParticipantOf(consents: readonly ConsentTerms[]): Map<string, ConsentTerms[]> {
  const byParticipant = new Map<string, ConsentTerms[]>();
  for (const terms of consents) {
    const list = byParticipant.get(terms.participantId);
    if (list) list.push(terms);
    else byParticipant.set(terms.participantId, [terms]);
  }
  return byParticipant;
}

/**
 * The consents that govern what this request's viewer sees: loaded once (`load`), then every
 * decision is synchronous, with each participant's consents in force picked once (`deciders`).
 * Staff (no partner viewer) are governed by their role instead (participant-access.ts) and pass.
 */
export class ConsentScope {
  private loading: Promise<void> | undefined;
  private byParticipant: Map<string, ConsentTerms[]> | undefined;
  /** Each participant's decider: the consents in force naming the viewer picked once, not once per decision. */
  private readonly deciders = new Map<string, ReturnType<typeof participantDecider>>();
  /** Reads to record in the access log, by participant. */
  readonly reads = new Map<string, ParticipantRead>();

  private constructor(
    private readonly em: EntityManager,
    private readonly tenantId: string | null,
    readonly viewer: PartnerViewer | null,
    readonly now: Date,
    private readonly onlyParticipantIds: readonly string[] | null,
    private readonly recordsReads: boolean,
  ) {}

  /**
   * `consents`: the partner's consents as its session was opened with them (jalon_open_session reads
   * exactly what load() would, at the same instant); without them, load() reads them when first needed.
   */
  static forRequest(
    em: EntityManager,
    actor: { membership: ViewerMembership | null } | null,
    now: Date,
    consents?: readonly ConsentTerms[] | null,
  ): ConsentScope {
    const membership = actor?.membership;
    const partner = membership && isPartnerKind(membership.organisationKind);
    const viewer = partner ? { organisationId: membership.organisationId, organisationKind: membership.organisationKind } : null;
    const scope = new ConsentScope(em, membership?.tenantId ?? null, viewer, now, null, true);
    if (viewer && consents) scope.byParticipant = byParticipantOf(consents);
    return scope;
  }

  /** A staff member previewing exactly what `viewer` would see of these participants (nothing logged). */
  static preview(em: EntityManager, tenantId: string, viewer: PartnerViewer, participantIds: string | readonly string[], now: Date): ConsentScope {
    return new ConsentScope(em, tenantId, viewer, now, typeof participantIds === 'string' ? [participantIds] : participantIds, false);
  }

  get governsByConsent(): boolean {
    return this.viewer !== null;
  }

  /** Whether decisions can be made without waiting (always for staff). */
  get loaded(): boolean {
    return !this.viewer || this.byParticipant !== undefined;
  }

  /** Loads the consents naming the viewer (by organisation or kind) that may be in force: one query per request. */
  load(): Promise<void> {
    const viewer = this.viewer;
    if (!viewer) return Promise.resolve();
    if (this.byParticipant) return Promise.resolve();
    this.loading ??= (async () => {
      this.byParticipant = byParticipantOf(
        await consentTermsNaming(this.em, { tenantId: this.tenantId, viewer, now: this.now, participantIds: this.onlyParticipantIds }),
      );
    })();
    return this.loading;
  }

  private consentsOf(participantId: string): ConsentTerms[] {
    if (!this.byParticipant) throw new Error('ConsentScope: load() before deciding');
    return this.byParticipant.get(participantId) ?? [];
  }

  // Not memoised by subject: a decision is a few comparisons over the participant's consents in force
  // and allocates nothing, where a memo per subject cost a map entry and an object for each of 700 stages.
  private decisionFor(viewer: PartnerViewer, subject: Omit<ConsentSubject, 'itemClass' | 'scope'>, fieldClass: FieldClass): Decision {
    let decider = this.deciders.get(subject.participantId);
    if (!decider) {
      decider = participantDecider(viewer, subject.participantId, this.consentsOf(subject.participantId), this.now);
      this.deciders.set(subject.participantId, decider);
    }
    return decider(fieldClass, subject);
  }

  /** The decision for a partner viewer (null for staff, who are not consent-governed); a permitted read is logged. */
  decide(subject: Omit<ConsentSubject, 'itemClass' | 'scope'>, fieldClass: FieldClass): Decision | null {
    if (!this.viewer) return null;
    const decision = this.decisionFor(this.viewer, subject, fieldClass);
    if (decision.allowed && this.recordsReads) this.recordRead(subject.participantId, fieldClass, decision);
    return decision;
  }

  /** Whether the viewer may see this (a read when it may); staff always may, their role already scoped the rows. */
  allows(subject: Omit<ConsentSubject, 'itemClass' | 'scope'>, fieldClass: FieldClass): boolean {
    const decision = this.decide(subject, fieldClass);
    return decision === null || decision.allowed;
  }

  /** A decision that is not a read: listing candidates or telling the portal what is shared is not seeing the data. */
  wouldAllow(subject: Omit<ConsentSubject, 'itemClass' | 'scope'>, fieldClass: FieldClass): boolean {
    return !this.viewer || this.decisionFor(this.viewer, subject, fieldClass).allowed;
  }

  /**
   * Whether a consent in force shares `fieldClass` of this subject with the partner for `purpose`:
   * what a partner needs to write (a report is made for a purpose), not only to read.
   */
  async grantsFor(subject: Omit<ConsentSubject, 'itemClass' | 'scope'>, fieldClass: FieldClass, purpose: ConsentPurpose): Promise<boolean> {
    if (!this.viewer) return false;
    await this.load();
    const decision = this.decisionFor(this.viewer, subject, fieldClass);
    return decision.allowed && decision.basis === 'CONSENT' && decision.purposes.includes(purpose);
  }

  /**
   * The decision on a read made for one purpose (an item of a meeting's agenda): decided as any
   * read, and logged under that purpose only when a consent for it allows the read.
   */
  async readForPurpose(subject: Omit<ConsentSubject, 'itemClass' | 'scope'>, fieldClass: FieldClass, purpose: ConsentPurpose): Promise<Decision | null> {
    if (!this.viewer) return null;
    await this.load();
    const decision = this.decisionFor(this.viewer, subject, fieldClass);
    if (decision.allowed && decision.basis === 'CONSENT' && decision.purposes.includes(purpose) && this.recordsReads)
      this.recordRead(subject.participantId, fieldClass, { ...decision, purposes: [purpose] });
    return decision;
  }

  /** The participants a partner may see at all (something about them is shared), for SQL filters. */
  visibleParticipantIds(): Promise<string[]> {
    return this.participantIdsSharing(IDENTIFICATION);
  }

  /** The participants whose `fieldClass` is shared with the partner: what it may filter on. */
  async participantIdsSharing(fieldClass: FieldClass): Promise<string[]> {
    if (!this.viewer) throw new Error('participantIdsSharing is for partner viewers');
    await this.load();
    return [...this.byParticipant!.keys()].filter((participantId) => this.wouldAllow({ participantId }, fieldClass));
  }

  private recordRead(participantId: string, fieldClass: FieldClass, decision: Decision): void {
    let read = this.reads.get(participantId);
    if (!read) this.reads.set(participantId, (read = { classes: new Set(), purposes: new Set() }));
    read.classes.add(fieldClass);
    if (!decision.allowed || decision.basis !== 'CONSENT') return;
    // Indexed: a read is recorded for each object of a list, and an iterator allocates.
    for (let i = 0; i < decision.purposes.length; i++) read.purposes.add(decision.purposes[i]!);
  }
}
