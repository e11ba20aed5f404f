import { registerEnumType } from 'type-graphql';
import { MembershipRole, OrganisationKind, SiaeKind } from '@jalon/domain';

registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(SiaeKind, { name: 'SiaeKind' });
registerEnumType(MembershipRole, { name: 'MembershipRole' });
