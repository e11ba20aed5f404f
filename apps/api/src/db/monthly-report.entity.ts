import { ManyToOne, Property } from '@mikro-orm/core';
import { Organisation } from '../modules/organisations/organisation.entity';
import { User } from '../modules/users/user.entity';
import { TenantOwnedEntity } from './tenant-owned.entity';

/**
 * What every partner's monthly report carries (an employer's contract report, a training
 * operator's attendance): the month, and who filed it. Its author always sees it.
 */
export abstract class MonthlyReport extends TenantOwnedEntity {
  /** The month reported, 'YYYY-MM'. */
  @Property({ type: 'text' })
  period!: string;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  authorOrganisation!: Organisation;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;

  @Property({ type: 'timestamptz' })
  submittedAt!: Date;
}
