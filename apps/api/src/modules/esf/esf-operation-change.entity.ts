import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Pathway } from '../participants/pathway.entity';
import { User } from '../users/user.entity';
import { EsfOperation } from './esf-operation.entity';

/** One move of a pathway from an ESF+ operation to another, by the animation team, with its reason. */
@Entity({ tableName: 'esf_operation_change' })
export class EsfOperationChange extends TenantOwnedEntity {
  @ManyToOne(() => Pathway, { deleteRule: 'cascade' })
  pathway!: Pathway;

  @ManyToOne(() => EsfOperation, { nullable: true, deleteRule: 'restrict' })
  fromOperation?: EsfOperation | null;

  @ManyToOne(() => EsfOperation, { deleteRule: 'restrict' })
  toOperation!: EsfOperation;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  changedBy!: User;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
