import { Entity, Enum, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { CandidacyStatus, JobContractType, JobOfferSource, JobOfferStatus } from '@jalon/domain';
import { Proposal } from '../../db/proposal.entity';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Company } from '../companies/company.entity';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';

/** A job offer the PLIE holds: from a company it follows, found by the team, or posted by a partner employer. */
@Entity({ tableName: 'job_offer' })
export class JobOffer extends TenantOwnedEntity {
  /** The employer, when it is a company the PLIE follows (always, for a partner's own offer). */
  @ManyToOne(() => Company, { nullable: true, deleteRule: 'restrict' })
  company?: Company | null;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  romeCode!: string;

  /** INSEE code of the commune where the job is. */
  @Property({ type: 'text' })
  communeCode!: string;

  @Enum({ items: () => JobContractType, nativeEnumName: 'job_contract_type' })
  contractType!: JobContractType;

  @Property({ type: 'integer', nullable: true })
  durationMonths?: number | null;

  @Property({ type: 'decimal', precision: 4, scale: 1, runtimeType: 'number' })
  weeklyHours!: number;

  @Property({ type: 'date', nullable: true })
  startOn?: string | null;

  @Property({ type: 'integer' })
  positions!: number;

  @Property({ type: 'text', nullable: true })
  requirements?: string | null;

  @Enum({ items: () => JobOfferStatus, nativeEnumName: 'job_offer_status' })
  status: JobOfferStatus & Opt = JobOfferStatus.OPEN;

  @Enum({ items: () => JobOfferSource, nativeEnumName: 'job_offer_source' })
  source!: JobOfferSource;

  /** The partner organisation that posted it itself, if one did. */
  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  postedByOrganisation?: Organisation | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/**
 * A person proposed on an offer by her referent. The employer sees it only under a consent that
 * shares JOB_APPLICATION with it: her identity and the summary written for it, never her file.
 */
@Entity({ tableName: 'candidacy' })
@Unique({ properties: ['offer', 'pathway'] })
export class Candidacy extends Proposal {
  @ManyToOne(() => JobOffer, { deleteRule: 'cascade' })
  offer!: JobOffer;

  /** What the referent tells the employer about her: written for it, shared as it is. */
  @Property({ type: 'text' })
  summary!: string;

  @Enum({ items: () => CandidacyStatus, nativeEnumName: 'candidacy_status' })
  status: CandidacyStatus & Opt = CandidacyStatus.PROPOSED;

  /** Why she was not retained, or withdrew. */
  @Property({ type: 'text', nullable: true })
  outcomeReason?: string | null;

  @Property({ type: 'date', nullable: true })
  hiredOn?: string | null;
}
