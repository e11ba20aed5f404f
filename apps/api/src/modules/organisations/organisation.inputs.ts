import { Field, ID, InputType, Int } from 'type-graphql';
import { OrganisationKind, SiaeKind } from '@jalon/domain';

@InputType()
export class OrganisationFilter {
  @Field(() => OrganisationKind, { nullable: true })
  kind?: OrganisationKind | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, any case' })
  search?: string | null;

  @Field({ nullable: true, defaultValue: false })
  includeInactive!: boolean;
}

@InputType({ description: 'What the admin types about an organisation' })
export class OrganisationDetailsInput {
  @Field()
  name!: string;

  @Field(() => SiaeKind, { nullable: true })
  siaeKind?: SiaeKind | null;

  @Field(() => String, { nullable: true })
  inseeCode?: string | null;

  @Field(() => String, { nullable: true })
  siret?: string | null;
}

@InputType()
export class CreateOrganisationInput extends OrganisationDetailsInput {
  @Field(() => String, { nullable: true, description: 'Chosen by the client per intended creation: a retry with the same key returns the first result' })
  idempotencyKey?: string | null;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;
}

@InputType()
export class UpdateOrganisationInput extends OrganisationDetailsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version that was read; a newer one on the server means CONFLICT' })
  version!: number;

  @Field()
  active!: boolean;
}
