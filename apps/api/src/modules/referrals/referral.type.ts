import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConsentMethod, Gender, type PathwayStatus, ReferralProgress, referralProgress, ReferralStatus } from '@jalon/domain';
import { getCommune } from '@jalon/reference-data/node';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import type { Referral, ReferralAttachment, ReferralSubmission } from './referral.entity';

@ObjectType('ReferralSubmission', { description: "One partner's referral of the person (a partner reads only its own)" })
export class ReferralSubmissionType {
  @Field(() => ID)
  id!: string;

  @Field()
  organisationName!: string;

  @Field()
  authorName!: string;

  @Field()
  submittedAt!: Date;

  @Field()
  situation!: string;

  @Field()
  reason!: string;

  @Field(() => String, { nullable: true })
  expectations!: string | null;

  @Field(() => ConsentMethod)
  agreementMethod!: ConsentMethod;

  @Field(() => LocalDateResolver)
  agreedOn!: string;

  @Field(() => String, { nullable: true })
  witness!: string | null;

  static from(submission: ReferralSubmission): ReferralSubmissionType {
    return Object.assign(new ReferralSubmissionType(), {
      id: toGlobalId('ReferralSubmission', submission.id),
      organisationName: submission.organisation.name,
      authorName: submission.author.displayName,
      submittedAt: submission.submittedAt,
      situation: submission.situation,
      reason: submission.reason,
      expectations: submission.expectations ?? null,
      agreementMethod: submission.agreementMethod,
      agreedOn: submission.agreedOn,
      witness: submission.witness ?? null,
    });
  }
}

@ObjectType('ReferralAttachment', { description: 'A document attached to the referral; the file is at /referral-attachments/{id}' })
export class ReferralAttachmentType {
  @Field(() => ID)
  id!: string;

  @Field()
  fileName!: string;

  @Field()
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field()
  uploadedAt!: Date;

  @Field()
  organisationName!: string;

  static from(attachment: ReferralAttachment): ReferralAttachmentType {
    return Object.assign(new ReferralAttachmentType(), {
      id: toGlobalId('ReferralAttachment', attachment.id),
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      sizeBytes: attachment.sizeBytes,
      uploadedAt: attachment.uploadedAt,
      organisationName: attachment.organisation.name,
    });
  }
}

/**
 * A referral as the animation team or a referring partner sees it. The partner wrote it, so it
 * sees it whole, with its decision and what became of the person (entered, exited); the file
 * itself only through the person's consent (participants).
 */
@ObjectType('Referral', { implements: Node })
export class ReferralType extends Node {
  readonly __typename = 'Referral';
  /** For the staff-only fields (the file it opened, people on file it may be). */
  referral!: Referral;

  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field(() => LocalDateResolver)
  birthDate!: string;

  @Field(() => Gender, { nullable: true })
  gender!: Gender | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  addressLine!: string | null;

  @Field(() => String, { nullable: true })
  postcode!: string | null;

  @Field(() => String, { nullable: true })
  communeCode!: string | null;

  @Field(() => String, { nullable: true })
  communeName!: string | null;

  @Field(() => String, { nullable: true })
  priorityDistrictCode!: string | null;

  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field(() => ReferralProgress, { description: 'What became of the referral: the decision, then whether the person entered the pathway or left it' })
  progress!: ReferralProgress;

  @Field()
  receivedAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was refused, redirected or postponed' })
  decisionReason!: string | null;

  @Field(() => String, { nullable: true })
  redirectedTo!: string | null;

  @Field(() => [ReferralSubmissionType], { description: 'Who referred the person, why, and the agreement recorded; a partner sees its own' })
  submissions!: ReferralSubmissionType[];

  @Field(() => [ReferralAttachmentType], { description: 'Documents attached; a partner sees its own' })
  attachments!: ReferralAttachmentType[];

  @Field(() => Int)
  version!: number;

  static from(referral: Referral, submissions: ReferralSubmission[], attachments: ReferralAttachment[], pathwayStatus: PathwayStatus | null): ReferralType {
    return Object.assign(new ReferralType(), {
      id: toGlobalId('Referral', referral.id),
      referral,
      firstName: referral.firstName,
      lastName: referral.lastName,
      birthDate: referral.birthDate,
      gender: referral.gender ?? null,
      phone: referral.phone ?? null,
      email: referral.email ?? null,
      addressLine: referral.addressLine ?? null,
      postcode: referral.postcode ?? null,
      communeCode: referral.communeCode ?? null,
      communeName: referral.communeCode ? (getCommune(referral.communeCode)?.name ?? null) : null,
      priorityDistrictCode: referral.priorityDistrictCode ?? null,
      status: referral.status,
      progress: referralProgress(referral.status, pathwayStatus),
      receivedAt: referral.receivedAt,
      decidedAt: referral.decidedAt ?? null,
      decisionReason: referral.decisionReason ?? null,
      redirectedTo: referral.redirectedTo ?? null,
      submissions: submissions.map(ReferralSubmissionType.from),
      attachments: attachments.map(ReferralAttachmentType.from),
      version: referral.version,
    });
  }
}

@ObjectType('ReferralConnection')
export class ReferralConnection extends Connection(ReferralType, 'Referral') {}
