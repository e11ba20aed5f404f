import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Gender, PathwayStatus } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Membership } from '../tenancy/membership.entity';

/** A person followed by the PLIE, across all their pathways. */
@Entity({ tableName: 'participant' })
@Index({ properties: ['tenant', 'searchKey', 'birthDate'] })
export class Participant extends TenantOwnedEntity {
  @Property({ type: 'text' })
  firstName!: string;

  @Property({ type: 'text' })
  lastName!: string;

  /** Lower-case, accent-free "last first": duplicate detection and search. */
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

  /** INSEE code of the commune of residence. */
  @Property({ type: 'text', nullable: true })
  communeCode?: string | null;

  /** The priority district (QPV) the address falls in, when it does. */
  @Property({ type: 'text', nullable: true })
  priorityDistrictCode?: string | null;

  /** The referent who follows the person: a referent's membership in this tenant. */
  @ManyToOne(() => Membership, { deleteRule: 'restrict' })
  referent!: Membership;

  /**
   * The status of the latest pathway, copied here (in the same transaction as every change of it)
   * so the caseload filters, counts and pages on it in one query.
   */
  @Enum({ items: () => PathwayStatus, nativeEnumName: 'pathway_status' })
  currentStatus: PathwayStatus & Opt = PathwayStatus.PENDING_ACCREDITATION;

  /** The day the closed file moved to the intermediate archive (modules/retention): the animation team only, from then. */
  @Property({ type: 'date', nullable: true })
  archivedOn?: string | null;

  /** The day identity, contact and free texts were removed (modules/retention/README.md). */
  @Property({ type: 'date', nullable: true })
  anonymisedOn?: string | null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** First name and initial: how a person appears outside the file (calendars, partners' notifications). */
export function shortNameOf(participant: Pick<Participant, 'firstName' | 'lastName'>): string {
  return `${participant.firstName} ${participant.lastName.charAt(0)}.`;
}
