import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConsentEffect, ConsentMethod, ConsentPurpose, ConsentStatus, DataClass, isInForce, OrganisationKind } from '@jalon/domain';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import { OrganisationType } from '../organisations/organisation.type';
import { ConsentEventAction, type ConsentEvent } from './consent-event.entity';
import { type Consent, termsOf } from './consent.entity';
import type { ConsentEvidence } from './consent-evidence.entity';

@ObjectType('ConsentEvent')
export class ConsentEventType {
  @Field(() => ConsentEventAction)
  action!: ConsentEventAction;

  @Field()
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Null when the system did it (expiry)' })
  authorName!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  static from(event: ConsentEvent): ConsentEventType {
    return Object.assign(new ConsentEventType(), {
      action: event.action,
      at: event.at,
      authorName: event.author?.displayName ?? null,
      reason: event.reason ?? null,
    });
  }
}

@ObjectType('ConsentEvidence', { description: 'The signed form, downloadable at /consents/{id}/evidence' })
export class ConsentEvidenceType {
  @Field()
  fileName!: string;

  @Field()
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field()
  uploadedAt!: Date;
}

@ObjectType('Consent', { implements: Node, description: 'What a participant agreed (or refused) to share with a partner' })
export class ConsentType extends Node {
  readonly __typename = 'Consent';

  @Field(() => OrganisationType, { nullable: true })
  granteeOrganisation!: OrganisationType | null;

  @Field(() => OrganisationKind, { nullable: true, description: 'Every organisation of this kind in the PLIE' })
  granteeKind!: OrganisationKind | null;

  @Field(() => ConsentEffect)
  effect!: ConsentEffect;

  @Field(() => [DataClass])
  dataClasses!: DataClass[];

  @Field(() => [String], { nullable: true })
  stageKindCodes!: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Global ids of the listed stages' })
  stageIds!: string[] | null;

  @Field(() => ConsentPurpose)
  purpose!: ConsentPurpose;

  @Field()
  validFrom!: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive end' })
  validUntil!: Date | null;

  @Field(() => ConsentStatus, { description: 'ACTIVE also for a consent past its end that the daily sweep has not marked yet: see inForce' })
  status!: ConsentStatus;

  @Field({ description: 'Applies now' })
  inForce!: boolean;

  @Field(() => ConsentMethod)
  method!: ConsentMethod;

  @Field()
  collectedByName!: string;

  @Field(() => LocalDateResolver)
  collectedOn!: string;

  @Field()
  noticeVersion!: string;

  @Field(() => String, { nullable: true })
  witness!: string | null;

  @Field(() => String, { nullable: true })
  supersedesId!: string | null;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => String, { nullable: true })
  endReason!: string | null;

  @Field(() => [ConsentEventType])
  events!: ConsentEventType[];

  @Field(() => ConsentEvidenceType, { nullable: true })
  evidence!: ConsentEvidenceType | null;

  @Field(() => Int)
  version!: number;

  static from(consent: Consent, events: ConsentEvent[], evidence: ConsentEvidence | undefined, now: Date): ConsentType {
    return Object.assign(new ConsentType(), {
      id: toGlobalId('Consent', consent.id),
      granteeOrganisation: consent.granteeOrganisation ? OrganisationType.from(consent.granteeOrganisation) : null,
      granteeKind: consent.granteeKind ?? null,
      effect: consent.effect,
      dataClasses: consent.dataClasses,
      stageKindCodes: consent.stageKinds ?? null,
      stageIds: consent.stageIds?.map((id) => toGlobalId('Stage', id)) ?? null,
      purpose: consent.purpose,
      validFrom: consent.validFrom,
      validUntil: consent.validUntil ?? null,
      status: consent.status,
      inForce: isInForce(termsOf(consent), now),
      method: consent.method,
      collectedByName: consent.collectedBy.displayName,
      collectedOn: consent.collectedOn,
      noticeVersion: consent.noticeVersion,
      witness: consent.witness ?? null,
      supersedesId: consent.supersedes ? toGlobalId('Consent', consent.supersedes.id) : null,
      endedAt: consent.endedAt ?? null,
      endReason: consent.endReason ?? null,
      events: events.map(ConsentEventType.from),
      evidence: evidence
        ? { fileName: evidence.fileName, contentType: evidence.contentType, sizeBytes: evidence.sizeBytes, uploadedAt: evidence.uploadedAt }
        : null,
      version: consent.version,
    });
  }
}

@ObjectType('AccessLogEntry', { description: 'A partner read participant data' })
export class AccessLogEntryType {
  @Field()
  at!: Date;

  @Field()
  userName!: string;

  @Field()
  organisationName!: string;

  @Field()
  participantId!: string;

  @Field()
  participantName!: string;

  @Field(() => [String], { description: 'Data classes read (IDENTIFICATION: the name only)' })
  dataClasses!: string[];

  @Field(() => [ConsentPurpose])
  purposes!: ConsentPurpose[];

  @Field(() => String, { nullable: true, description: 'The reason the animation team gave to open the archived file (null for a partner’s read)' })
  reason!: string | null;

  @Field()
  requestId!: string;
}

@ObjectType('AccessLogEntryConnection')
export class AccessLogEntryConnection extends Connection(AccessLogEntryType, 'AccessLogEntry') {}
