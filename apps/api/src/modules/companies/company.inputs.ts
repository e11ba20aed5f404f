import { Field, ID, InputType, Int } from 'type-graphql';
import { CompanyEventKind, CompanyKind, MAX_COMPANY_CONTACTS } from '@jalon/domain';
import { LongText, MaxItems } from '../../graphql/input-limits';

@InputType()
export class CompanyFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, or the SIRET' })
  search?: string | null;

  @Field(() => CompanyKind, { nullable: true })
  kind?: CompanyKind | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune' })
  communeCode?: string | null;
}

@InputType()
export class CompanyContactInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType({ description: 'What the staff type about a company' })
export class CompanyDetailsInput {
  @Field()
  siret!: string;

  @Field()
  name!: string;

  @Field(() => CompanyKind)
  kind!: CompanyKind;

  @Field(() => String, { nullable: true, description: 'NAF rév. 2 sub-class, e.g. 81.21Z' })
  nafCode?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => String, { nullable: true })
  communeCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The staff membership in charge of the company' })
  inChargeId?: string | null;

  @MaxItems(MAX_COMPANY_CONTACTS + 1)
  @Field(() => [CompanyContactInput])
  contacts!: CompanyContactInput[];
}

@InputType()
export class CreateCompanyInput extends CompanyDetailsInput {
  @Field(() => String, { nullable: true, description: 'Chosen by the client per intended creation: a retry with the same key returns the first result' })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateCompanyInput extends CompanyDetailsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version that was read; a newer one on the server means CONFLICT' })
  version!: number;
}

@InputType()
export class RecordCompanyEventInput {
  @Field(() => ID)
  companyId!: string;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;

  @Field(() => CompanyEventKind)
  kind!: CompanyEventKind;

  @Field({ description: 'YYYY-MM-DD, not in the future' })
  happenedOn!: string;

  @LongText(2000)
  @Field()
  summary!: string;

  @LongText(2000)
  @Field(() => String, { nullable: true })
  outcome?: string | null;
}
