import { Entity, Enum, ManyToOne, OneToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { CompanyEventKind, CompanyKind } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Membership } from '../tenancy/membership.entity';
import { User } from '../users/user.entity';

export interface CompanyContact {
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

/**
 * A company the PLIE follows, by its establishment (SIRET). A partner organisation of the PLIE
 * that is also an employer (the ACI, the ETTI) is linked, not copied: one company, one record.
 */
@Entity({ tableName: 'company' })
@Unique({ properties: ['tenant', 'siret'] })
export class Company extends TenantOwnedEntity {
  @Property({ type: 'text' })
  siret!: string;

  @Property({ type: 'text' })
  name!: string;

  /** NAF rév. 2 sub-class, e.g. 81.21Z. */
  @Property({ type: 'text', nullable: true })
  nafCode?: string | null;

  @Enum({ items: () => CompanyKind, nativeEnumName: 'company_kind' })
  kind!: CompanyKind;

  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Property({ type: 'text', nullable: true })
  postcode?: string | null;

  @Property({ type: 'text', nullable: true })
  communeCode?: string | null;

  @OneToOne(() => Organisation, { owner: true, nullable: true, unique: true, deleteRule: 'set null' })
  organisation?: Organisation | null;

  /** The referent or business-relations officer who follows the company. */
  @ManyToOne(() => Membership, { nullable: true, deleteRule: 'set null' })
  inCharge?: Membership | null;

  @Property({ type: 'json' })
  contacts: CompanyContact[] & Opt = [];

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** What happened with a company: a visit, a call, an email, an event, and what came of it. */
@Entity({ tableName: 'company_event' })
export class CompanyEvent extends TenantOwnedEntity {
  @ManyToOne(() => Company, { deleteRule: 'cascade' })
  company!: Company;

  @Enum({ items: () => CompanyEventKind, nativeEnumName: 'company_event_kind' })
  kind!: CompanyEventKind;

  @Property({ type: 'date' })
  happenedOn!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'text', nullable: true })
  outcome?: string | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;
}
