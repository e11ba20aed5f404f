import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConsentMethod, Gender, type PathwayStatus, ReferralProgress, referralProgress, ReferralStatus } from '@jalon/domain';
import { getCommune } from '@jalon/reference-data/node';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import type { PersonIdentityKey } from '../participants/participant.type';
import { type Referral, type ReferralAttachment, ReferralSubmission } from './referral.entity';

/** What a submission's view reads: the entity, or a row of the inbox's statement (referral.query.ts). */
export type SubmissionFields = Pick<
  ReferralSubmission,
  'id' | 'submittedAt' | 'situation' | 'reason' | 'expectations' | 'agreementMethod' | 'agreedOn' | 'witness'
> & { organisation: { name: string }; author: { id: string } };

/** What an attachment's view reads: the entity, or a row of the inbox's statement. */
export type AttachmentFields = Pick<ReferralAttachment, 'id' | 'fileName' | 'contentType' | 'sizeBytes' | 'uploadedAt'> & { organisation: { name: string } };

/** What the staff's view of a referral reads: the entity, or a row of the inbox's statement. */
export type ReferralFields = Pick<
  Referral,
  'id' | PersonIdentityKey | 'status' | 'receivedAt' | 'decidedAt' | 'decisionReason' | 'redirectedTo' | 'version'
> & { participant?: { id: string } | null };

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

  /** `names`: the authors' names, from userNames() (a partner reads no one's account). */
  static from(submission: SubmissionFields, names: Map<string, string>): ReferralSubmissionType {
    return Object.assign(new ReferralSubmissionType(), {
      id: toGlobalId('ReferralSubmission', submission.id),
      organisationName: submission.organisation.name,
      authorName: names.get(submission.author.id) ?? '',
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

  static from(attachment: AttachmentFields): ReferralAttachmentType {
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
 * A referral as the animation team or a referring partner sees it. A partner sees its own
 * submission of it whole — the person as it typed them, its date of receipt, the progress since —
 * with the decision and what became of the person (entered, exited); never what another partner
 * referring the same person typed, nor that it did. The file itself only through the person's
 * consent (participants).
 */
@ObjectType('Referral', { implements: Node })
export class ReferralType extends Node {
  readonly __typename = 'Referral';
  /** For the staff-only fields (the file it opened, people on file it may be); null in a partner's view. */
  referral!: ReferralFields | null;

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

  /** Staff read the referral (`record`, with every submission); a partner its own submission, as `record`. */
  static from(
    record: ReferralFields | ReferralSubmission,
    submissions: SubmissionFields[],
    attachments: AttachmentFields[],
    pathwayStatus: PathwayStatus | null,
    /** The submissions' authors' names, from userNames(). */
    names: Map<string, string>,
  ): ReferralType {
    const own = record instanceof ReferralSubmission;
    return Object.assign(new ReferralType(), {
      id: toGlobalId('Referral', own ? record.referral.id : record.id),
      referral: own ? null : record,
      firstName: record.firstName,
      lastName: record.lastName,
      birthDate: record.birthDate,
      gender: record.gender ?? null,
      phone: record.phone ?? null,
      email: record.email ?? null,
      addressLine: record.addressLine ?? null,
      postcode: record.postcode ?? null,
      communeCode: record.communeCode ?? null,
      communeName: record.communeCode ? (getCommune(record.communeCode)?.name ?? null) : null,
      priorityDistrictCode: record.priorityDistrictCode ?? null,
      status: record.status,
      progress: referralProgress(record.status, pathwayStatus),
      receivedAt: own ? record.submittedAt : record.receivedAt,
      decidedAt: record.decidedAt ?? null,
      decisionReason: record.decisionReason ?? null,
      redirectedTo: record.redirectedTo ?? null,
      submissions: submissions.map((submission) => ReferralSubmissionType.from(submission, names)),
      attachments: attachments.map(ReferralAttachmentType.from),
      version: record.version,
    });
  }
}

@ObjectType('ReferralConnection')
export class ReferralConnection extends Connection(ReferralType, 'Referral') {}
