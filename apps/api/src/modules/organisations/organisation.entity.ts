import { Entity, Enum, Property, Unique, type Opt } from '@mikro-orm/core';
import { OrganisationKind, SiaeKind } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';

@Entity({ tableName: 'organisation' })
@Unique({ properties: ['tenant', 'name'] })
export class Organisation extends TenantOwnedEntity {
  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => OrganisationKind, nativeEnumName: 'organisation_kind' })
  kind!: OrganisationKind;

  /** Only for integration companies. */
  @Enum({ items: () => SiaeKind, nativeEnumName: 'siae_kind', nullable: true })
  siaeKind?: SiaeKind | null;

  /** Only for communes: the INSEE code of the commune. */
  @Property({ type: 'text', nullable: true })
  inseeCode?: string | null;

  @Property({ type: 'text', nullable: true })
  siret?: string | null;

  @Property({ type: 'boolean' })
  active: boolean & Opt = true;
}
