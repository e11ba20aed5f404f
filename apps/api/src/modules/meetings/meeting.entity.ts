import { Collection, Entity, Enum, ManyToOne, OneToMany, Property, type Opt } from '@mikro-orm/core';
import { MeetingKind, MeetingStatus, ReferralDecision } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { StoredDocument } from '../documents/stored-document.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Participant } from '../participants/participant.entity';
import { Referral } from '../referrals/referral.entity';
import { Membership } from '../tenancy/membership.entity';
import { User } from '../users/user.entity';

/** A meeting of the PLIE with its partners: when, where, who is invited, and where it stands. */
@Entity({ tableName: 'meeting' })
export class Meeting extends TenantOwnedEntity {
  @Enum({ items: () => MeetingKind, nativeEnumName: 'meeting_kind' })
  kind!: MeetingKind;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  /** A room and its address, or a video link, or both. */
  @Property({ type: 'text', nullable: true })
  place?: string | null;

  @Property({ type: 'text', nullable: true })
  videoLink?: string | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  organiser!: User;

  @Enum({ items: () => MeetingStatus, nativeEnumName: 'meeting_status' })
  status: MeetingStatus & Opt = MeetingStatus.PLANNED;

  /** The minutes of the meeting as a whole (each item has its own). */
  @Property({ type: 'text', nullable: true })
  minutes?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  minutesPublishedAt?: Date | null;

  @ManyToOne(() => User, { deleteRule: 'restrict', nullable: true })
  minutesPublishedBy?: User | null;

  @OneToMany(() => MeetingInvitation, (invitation) => invitation.meeting)
  invitations = new Collection<MeetingInvitation>(this);

  @OneToMany(() => MeetingInvitee, (invitee) => invitee.meeting)
  invitees = new Collection<MeetingInvitee>(this);
}

/** An organisation invited to a meeting: what its attendees see is decided for it. */
@Entity({ tableName: 'meeting_invitation' })
export class MeetingInvitation extends TenantOwnedEntity {
  @ManyToOne(() => Meeting, { deleteRule: 'cascade' })
  meeting!: Meeting;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;
}

/** A person invited by name, through the organisation she belongs to in this PLIE. */
@Entity({ tableName: 'meeting_invitee' })
export class MeetingInvitee extends TenantOwnedEntity {
  @ManyToOne(() => Meeting, { deleteRule: 'cascade' })
  meeting!: Meeting;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  user!: User;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;
}

/**
 * A point on the agenda: about a participant (proposed by the referent, with the question to
 * discuss), about a referral before the commission, or general. Its decision and minutes are
 * recorded in the room.
 */
@Entity({ tableName: 'agenda_item' })
export class AgendaItem extends TenantOwnedEntity {
  @ManyToOne(() => Meeting, { deleteRule: 'cascade' })
  meeting!: Meeting;

  @Property({ type: 'integer' })
  position!: number;

  @ManyToOne(() => Participant, { deleteRule: 'cascade', nullable: true })
  participant?: Participant | null;

  @ManyToOne(() => Referral, { deleteRule: 'cascade', nullable: true })
  referral?: Referral | null;

  /** The question to discuss (about a person), or the subject of a general item. */
  @Property({ type: 'text' })
  question!: string;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  proposedBy!: User;

  /** The commission's decision on a referral (the referral itself is updated in the same transaction). */
  @Enum({ items: () => ReferralDecision, nullable: true })
  decision?: ReferralDecision | null;

  @Property({ type: 'text', nullable: true })
  decisionReason?: string | null;

  @Property({ type: 'text', nullable: true })
  redirectedTo?: string | null;

  /** The referent the commission assigned to an accepted person. */
  @ManyToOne(() => Membership, { deleteRule: 'restrict', nullable: true })
  assignedReferent?: Membership | null;

  @Property({ type: 'text', nullable: true })
  minutes?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  @ManyToOne(() => User, { deleteRule: 'restrict', nullable: true })
  decidedBy?: User | null;

  @OneToMany(() => AgendaAction, (action) => action.item)
  actions = new Collection<AgendaAction>(this);
}

/** Something to do after the meeting: what, which organisation owns it, by when. */
@Entity({ tableName: 'agenda_action' })
export class AgendaAction extends TenantOwnedEntity {
  @ManyToOne(() => AgendaItem, { deleteRule: 'cascade' })
  item!: AgendaItem;

  @Property({ type: 'text' })
  description!: string;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  ownerOrganisation!: Organisation;

  @Property({ type: 'date' })
  dueOn!: string;
}

/** A document for the meeting (general), or for one item: shown to an attendee exactly when the item is. */
@Entity({ tableName: 'meeting_document' })
export class MeetingDocument extends StoredDocument {
  @ManyToOne(() => Meeting, { deleteRule: 'cascade' })
  meeting!: Meeting;

  @ManyToOne(() => AgendaItem, { deleteRule: 'cascade', nullable: true })
  item?: AgendaItem | null;
}
