import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../graphql/relay';
import type { Tenant } from './tenant.entity';

@ObjectType('Tenant', { implements: Node })
export class TenantType extends Node {
  readonly __typename = 'Tenant';

  @Field()
  name!: string;

  @Field()
  slug!: string;

  static from(tenant: Tenant): TenantType {
    return Object.assign(new TenantType(), { id: toGlobalId('Tenant', tenant.id), name: tenant.name, slug: tenant.slug });
  }
}
