import { ArrayType, Entity, Enum, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import {
  ConsentEffect,
  ConsentMethod,
  ConsentPurpose,
  ConsentStatus,
  type ConsentTerms,
  type DataClass,
  OrganisationKind,
  type StageScope,
} from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Participant } from '../participants/participant.entity';
import { Pathway } from '../participants/pathway.entity';
import { User } from '../users/user.entity';

/**
 * What a participant agreed to share (or refused to share) with a partner, for one pathway
 * (README, "Sharing with partners"). Never edited in place once superseded, revoked or expired: an amendment is a new
 * consent that supersedes this one, and every change is a ConsentEvent.
 */
@Entity({ tableName: 'consent' })
export class Consent extends TenantOwnedEntity {
  @ManyToOne(() => Participant, { deleteRule: 'cascade' })
  participant!: Participant;

  /** Consent is given for a pathway: it expires when that pathway (and its follow-up) ends. */
  @ManyToOne(() => Pathway, { deleteRule: 'cascade' })
  pathway!: Pathway;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict', nullable: true })
  granteeOrganisation?: Organisation | null;

  @Enum({ items: () => OrganisationKind, nativeEnumName: 'organisation_kind', nullable: true })
  granteeKind?: OrganisationKind | null;

  @Enum({ items: () => ConsentEffect, nativeEnumName: 'consent_effect' })
  effect: ConsentEffect & Opt = ConsentEffect.GRANT;

  @Property({ type: ArrayType })
  dataClasses!: DataClass[];

  /** Stage scope: kind codes, or listed stage ids, or (both null) every stage. */
  @Property({ type: ArrayType, nullable: true })
  stageKinds?: string[] | null;

  @Property({ type: ArrayType, columnType: 'uuid[]', nullable: true })
  stageIds?: string[] | null;

  @Enum({ items: () => ConsentPurpose, nativeEnumName: 'consent_purpose' })
  purpose!: ConsentPurpose;

  @Property({ type: 'timestamptz' })
  validFrom!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  validUntil?: Date | null;

  @Enum({ items: () => ConsentStatus, nativeEnumName: 'consent_status' })
  status: ConsentStatus & Opt = ConsentStatus.ACTIVE;

  @Enum({ items: () => ConsentMethod, nativeEnumName: 'consent_method' })
  method!: ConsentMethod;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  collectedBy!: User;

  @Property({ type: 'date' })
  collectedOn!: string;

  /** Version of the information notice the person was shown. */
  @Property({ type: 'text' })
  noticeVersion!: string;

  /** For an oral consent: who witnessed it. */
  @Property({ type: 'text', nullable: true })
  witness?: string | null;

  @ManyToOne(() => Consent, { deleteRule: 'set null', nullable: true })
  supersedes?: Consent | null;

  /** When it stopped applying (revoked, expired, superseded), and why. */
  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  endReason?: string | null;
}

export function stageScopeOf(consent: Pick<Consent, 'stageKinds' | 'stageIds'>): StageScope {
  if (consent.stageKinds) return { stageKinds: consent.stageKinds };
  if (consent.stageIds) return { stageIds: consent.stageIds };
  return { all: true };
}

/** The terms the pure decision reads. */
/** What the decision needs of a consent: the entity, or the plain row a partner's request loads (consent-scope.ts). */
export type ConsentFacts = Pick<
  Consent,
  'id' | 'granteeKind' | 'effect' | 'dataClasses' | 'stageKinds' | 'stageIds' | 'purpose' | 'validFrom' | 'validUntil' | 'status'
>;

export function termsOf(consent: ConsentFacts & { participant: { id: string }; granteeOrganisation?: { id: string } | null }): ConsentTerms {
  return {
    id: consent.id,
    participantId: consent.participant.id,
    grantee: consent.granteeOrganisation ? { organisationId: consent.granteeOrganisation.id } : { organisationKind: consent.granteeKind! },
    effect: consent.effect,
    dataClasses: consent.dataClasses,
    stageScope: stageScopeOf(consent),
    purpose: consent.purpose,
    validFrom: consent.validFrom,
    validUntil: consent.validUntil ?? null,
    status: consent.status,
  };
}
