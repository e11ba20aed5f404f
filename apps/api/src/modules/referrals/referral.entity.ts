import { Collection, Entity, Enum, ManyToOne, OneToMany, Property, type Opt } from '@mikro-orm/core';
import { ConsentMethod, Gender, ReferralStatus } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { StoredDocument } from '../documents/stored-document.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Participant } from '../participants/participant.entity';
import { Pathway } from '../participants/pathway.entity';
import { User } from '../users/user.entity';

/**
 * The person as a referrer typed them, and the referral's progress: the referral holds the first
 * referrer's, each submission its own partner's (what that partner reads).
 */
abstract class ReferredPerson extends TenantOwnedEntity {
  @Property({ type: 'text' })
  firstName!: string;

  @Property({ type: 'text' })
  lastName!: string;

  /** Name normalised for search and duplicate detection (as on participants). */
  @Property({ type: 'text' })
  searchKey!: string;

  @Property({ type: 'date' })
  birthDate!: string;

  @Enum({ items: () => Gender, nativeEnumName: 'gender', nullable: true })
  gender?: Gender | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  addressLine?: string | null;

  @Property({ type: 'text', nullable: true })
  postcode?: string | null;

  @Property({ type: 'text', nullable: true })
  communeCode?: string | null;

  @Property({ type: 'text', nullable: true })
  priorityDistrictCode?: string | null;

  /** On a submission: new when it joins, then each review and decision made since. */
  @Enum({ items: () => ReferralStatus, nativeEnumName: 'referral_status' })
  status: ReferralStatus & Opt = ReferralStatus.NEW;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  /** Why it was refused, redirected or postponed: the referring partners read it. */
  @Property({ type: 'text', nullable: true })
  decisionReason?: string | null;

  /** Where a redirected person was sent instead (France Travail, Mission locale…). */
  @Property({ type: 'text', nullable: true })
  redirectedTo?: string | null;
}

/**
 * A person referred to the PLIE, from receipt to the accreditation commission's decision. One open
 * referral per person: a second partner referring the same person adds its submission to it.
 */
@Entity({ tableName: 'referral' })
export class Referral extends ReferredPerson {
  /** Who referred the person first; later referrers are in the submissions. */
  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  referringOrganisation!: Organisation;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  @ManyToOne(() => User, { deleteRule: 'restrict', nullable: true })
  decidedBy?: User | null;

  /** Once accepted: the person's file and the pathway the referral opened (or joined). */
  @ManyToOne(() => Participant, { deleteRule: 'set null', nullable: true })
  participant?: Participant | null;

  @ManyToOne(() => Pathway, { deleteRule: 'set null', nullable: true })
  pathway?: Pathway | null;

  @OneToMany(() => ReferralSubmission, (submission) => submission.referral)
  submissions = new Collection<ReferralSubmission>(this);
}

/**
 * One partner's referral of the person: the person as this partner typed them, why, what is
 * expected, the person's recorded agreement, and the referral's progress since it was submitted.
 * It is all a partner reads of a referral (it sees what it authored): the referral it
 * joined may hold another partner's data, and must not tell it that someone else referred the person.
 */
@Entity({ tableName: 'referral_submission' })
export class ReferralSubmission extends ReferredPerson {
  @ManyToOne(() => Referral, { deleteRule: 'cascade' })
  referral!: Referral;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;

  @Property({ type: 'timestamptz' })
  submittedAt!: Date;

  /** The person's situation as the partner knows it. */
  @Property({ type: 'text' })
  situation!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text', nullable: true })
  expectations?: string | null;

  /** The person agreed to be referred: how, when, before whom. */
  @Enum({ items: () => ConsentMethod, nativeEnumName: 'consent_method' })
  agreementMethod!: ConsentMethod;

  @Property({ type: 'date' })
  agreedOn!: string;

  @Property({ type: 'text', nullable: true })
  witness?: string | null;
}

/** A document a partner attached to its referral (an assessment, a letter): PDF, JPEG or PNG, kept in the database. */
@Entity({ tableName: 'referral_attachment' })
export class ReferralAttachment extends StoredDocument {
  @ManyToOne(() => Referral, { deleteRule: 'cascade' })
  referral!: Referral;

  /** Whose it is: a partner sees the attachments of its own organisation only. */
  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;
}
