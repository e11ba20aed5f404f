import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { MembershipRole } from '@jalon/domain';
import { Node, toGlobalId } from '../../graphql/relay';
import { OrganisationType } from '../organisations/organisation.type';
import type { Invitation } from './invitation.entity';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

export function invitationStatus(invitation: Invitation, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return InvitationStatus.ACCEPTED;
  if (invitation.revokedAt) return InvitationStatus.REVOKED;
  return invitation.expiresAt <= now ? InvitationStatus.EXPIRED : InvitationStatus.PENDING;
}

@ObjectType('Invitation', { implements: Node })
export class InvitationType extends Node {
  readonly __typename = 'Invitation';

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field(() => OrganisationType)
  organisation!: OrganisationType;

  @Field(() => InvitationStatus)
  status!: InvitationStatus;

  @Field()
  expiresAt!: Date;

  @Field()
  createdAt!: Date;

  static from(invitation: Invitation): InvitationType {
    return Object.assign(new InvitationType(), {
      id: toGlobalId('Invitation', invitation.id),
      email: invitation.email,
      displayName: invitation.displayName,
      role: invitation.role,
      organisation: OrganisationType.from(invitation.organisation),
      status: invitationStatus(invitation),
      expiresAt: invitation.expiresAt,
      createdAt: invitation.createdAt,
    });
  }
}

@ObjectType('InvitationCreated')
export class InvitationCreatedType {
  @Field(() => InvitationType)
  invitation!: InvitationType;

  @Field({ description: 'The link to send to the invitee; shown once, only its hash is kept' })
  acceptUrl!: string;
}

/** What the invitee sees before choosing a password. */
@ObjectType('InvitationPreview')
export class InvitationPreviewType {
  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field()
  tenantName!: string;

  @Field()
  organisationName!: string;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field({ description: 'An account exists with this email: accepting asks for its current password' })
  accountExists!: boolean;
}
