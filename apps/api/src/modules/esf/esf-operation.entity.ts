import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';

/**
 * An ESF+ operation: the funded project the managing authority knows by its file number. It
 * groups the pathways it funds; the EU indicators are counted per operation.
 */
@Entity({ tableName: 'esf_operation' })
@Unique({ properties: ['tenant', 'fileNumber'] })
export class EsfOperation extends TenantOwnedEntity {
  /** The managing authority's file number (« numéro de dossier Ma Démarche FSE+ »). */
  @Property({ type: 'text' })
  fileNumber!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  /** The day of the operation's last payment: its audit retention runs five years from the end of that year (retention). */
  @Property({ type: 'date', nullable: true })
  lastPaymentOn?: string | null;

  /** The organisation carrying the operation (« bénéficiaire »), as the managing authority names it. */
  @Property({ type: 'text' })
  beneficiary!: string;
}
