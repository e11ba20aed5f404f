import { Field, Int, ObjectType } from 'type-graphql';
import { OrganisationKind, SiaeKind } from '@jalon/domain';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import type { Organisation } from './organisation.entity';

@ObjectType('Organisation', { implements: Node })
export class OrganisationType extends Node {
  readonly __typename = 'Organisation';

  @Field()
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => SiaeKind, { nullable: true })
  siaeKind!: SiaeKind | null;

  @Field(() => String, { nullable: true, description: 'INSEE code, for communes' })
  inseeCode!: string | null;

  @Field(() => String, { nullable: true })
  siret!: string | null;

  @Field()
  active!: boolean;

  @Field(() => Int, { description: 'Send it back when editing: a stale version is refused with CONFLICT' })
  version!: number;

  static from(o: Organisation): OrganisationType {
    return Object.assign(new OrganisationType(), {
      id: toGlobalId('Organisation', o.id),
      name: o.name,
      kind: o.kind,
      siaeKind: o.siaeKind ?? null,
      inseeCode: o.inseeCode ?? null,
      siret: o.siret ?? null,
      active: o.active,
      version: o.version,
    });
  }
}

@ObjectType('OrganisationConnection')
export class OrganisationConnection extends Connection(OrganisationType, 'Organisation') {}
