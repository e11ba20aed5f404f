import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { CompanyEventKind, CompanyKind } from '@jalon/domain';
import { getCommune, getNafActivity } from '@jalon/reference-data/node';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import type { Membership } from '../tenancy/membership.entity';
import type { Company, CompanyEvent } from './company.entity';

@ObjectType('CompanyContact')
export class CompanyContactType {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

@ObjectType('CompanyPartner', { description: 'The partner organisation of the PLIE that this company is' })
export class CompanyPartnerType {
  @Field()
  id!: string;

  @Field()
  name!: string;
}

@ObjectType('CompanyOfficer', { description: 'A staff member who may be in charge of companies' })
export class CompanyOfficerType {
  @Field({ description: 'Global id of the membership' })
  id!: string;

  @Field()
  displayName!: string;

  @Field()
  organisationName!: string;

  static from(m: Membership): CompanyOfficerType {
    return { id: toGlobalId('Membership', m.id), displayName: m.user.displayName, organisationName: m.organisation.name };
  }
}

@ObjectType('CompanyEvent')
export class CompanyEventType {
  @Field()
  id!: string;

  @Field(() => CompanyEventKind)
  kind!: CompanyEventKind;

  @Field(() => LocalDateResolver)
  happenedOn!: string;

  @Field()
  summary!: string;

  @Field(() => String, { nullable: true })
  outcome!: string | null;

  @Field()
  authorName!: string;

  static from(e: CompanyEvent): CompanyEventType {
    return {
      id: toGlobalId('CompanyEvent', e.id),
      kind: e.kind,
      happenedOn: e.happenedOn,
      summary: e.summary,
      outcome: e.outcome ?? null,
      authorName: e.author.displayName,
    };
  }
}

/** A company the PLIE follows; staff only, as is all of it. */
@ObjectType('Company', { implements: Node })
export class CompanyType extends Node {
  readonly __typename = 'Company';

  @Field()
  siret!: string;

  @Field()
  name!: string;

  @Field(() => CompanyKind)
  kind!: CompanyKind;

  @Field(() => String, { nullable: true, description: 'NAF rév. 2 sub-class' })
  nafCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The NAF sub-class in words' })
  activity!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  postcode!: string | null;

  @Field(() => String, { nullable: true })
  communeCode!: string | null;

  @Field(() => String, { nullable: true })
  communeName!: string | null;

  @Field(() => CompanyPartnerType, { nullable: true })
  partner!: CompanyPartnerType | null;

  @Field(() => CompanyOfficerType, { nullable: true, description: 'Who follows the company' })
  inCharge!: CompanyOfficerType | null;

  @Field(() => [CompanyContactType])
  contacts!: CompanyContactType[];

  @Field(() => Int, { description: 'Send it back when editing: a stale version is refused with CONFLICT' })
  version!: number;

  /** For the history's field resolver. */
  entity!: Company;

  static from(c: Company): CompanyType {
    return Object.assign(new CompanyType(), {
      id: toGlobalId('Company', c.id),
      siret: c.siret,
      name: c.name,
      kind: c.kind,
      nafCode: c.nafCode ?? null,
      activity: c.nafCode ? (getNafActivity(c.nafCode)?.label ?? null) : null,
      address: c.address ?? null,
      postcode: c.postcode ?? null,
      communeCode: c.communeCode ?? null,
      communeName: c.communeCode ? (getCommune(c.communeCode)?.name ?? null) : null,
      partner: c.organisation ? { id: toGlobalId('Organisation', c.organisation.id), name: c.organisation.name } : null,
      contacts: c.contacts,
      version: c.version,
      inCharge: c.inCharge ? CompanyOfficerType.from(c.inCharge) : null,
      entity: c,
    });
  }
}

@ObjectType('CompanyConnection')
export class CompanyConnection extends Connection(CompanyType, 'Company') {}
