import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AgendaItemKind, MeetingKind, MeetingSharing, MeetingStatus, OrganisationKind, PathwayStatus, ReferralDecision, ReferralStatus } from '@jalon/domain';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import type { OwnSubmissionRow } from '../../db/referral-submission.query';
import type { Membership } from '../tenancy/membership.entity';
import type { AgendaActionFields, AgendaItemRow, AgendaRows, MeetingDocumentFields, MeetingFields, MeetingOrganisationFields } from './meeting.query';

@ObjectType('MeetingOrganisation', { description: 'An organisation invited to a meeting' })
export class MeetingOrganisationType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  static from(organisation: MeetingOrganisationFields): MeetingOrganisationType {
    return Object.assign(new MeetingOrganisationType(), { id: toGlobalId('Organisation', organisation.id), name: organisation.name, kind: organisation.kind });
  }
}

@ObjectType('MeetingPerson', { description: 'A person invited to a meeting, or one who may be, with her organisation' })
export class MeetingPersonType {
  @Field(() => ID)
  userId!: string;

  @Field()
  name!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field()
  organisationName!: string;

  /** `names`: from userNames() (a partner reads no one's account, only the names it is shown). */
  static from(user: { id: string }, organisation: MeetingOrganisationFields, names: Map<string, string>): MeetingPersonType {
    return Object.assign(new MeetingPersonType(), {
      userId: toGlobalId('User', user.id),
      name: names.get(user.id) ?? '',
      organisationId: toGlobalId('Organisation', organisation.id),
      organisationName: organisation.name,
    });
  }

  static ofMembership(membership: Membership, names: Map<string, string>): MeetingPersonType {
    return MeetingPersonType.from(membership.user, membership.organisation, names);
  }
}

@ObjectType('MeetingDocument', { implements: Node, description: 'A document of the meeting (download: GET /meeting-documents/{id})' })
export class MeetingDocumentType extends Node {
  readonly __typename = 'MeetingDocument';

  @Field()
  fileName!: string;

  @Field()
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field()
  uploadedAt!: Date;

  static from(document: MeetingDocumentFields): MeetingDocumentType {
    return Object.assign(new MeetingDocumentType(), {
      id: toGlobalId('MeetingDocument', document.id),
      fileName: document.fileName,
      contentType: document.contentType,
      sizeBytes: document.sizeBytes,
      uploadedAt: document.uploadedAt,
    });
  }
}

@ObjectType('AgendaAction', { implements: Node, description: 'Something to do after the meeting' })
export class AgendaActionType extends Node {
  readonly __typename = 'AgendaAction';

  @Field()
  description!: string;

  @Field(() => MeetingOrganisationType)
  owner!: MeetingOrganisationType;

  @Field(() => LocalDateResolver)
  dueOn!: string;

  static from(action: AgendaActionFields): AgendaActionType {
    return Object.assign(new AgendaActionType(), {
      id: toGlobalId('AgendaAction', action.id),
      description: action.description,
      owner: MeetingOrganisationType.from(action.ownerOrganisation),
      dueOn: action.dueOn,
    });
  }
}

@ObjectType('AgendaSharing', { description: 'Whether an invited organisation will see an item about a person (staff only)' })
export class AgendaSharingType {
  @Field(() => MeetingOrganisationType)
  organisation!: MeetingOrganisationType;

  @Field(() => MeetingSharing)
  sharing!: MeetingSharing;
}

/** A person's name as the item shows it; null when the viewer may not read it (the row is hidden from it). */
function fullName(person: { firstName: string | null; lastName: string | null } | null): string | null {
  return person?.firstName != null ? `${person.firstName} ${person.lastName}` : null;
}

/**
 * One point of the agenda as the viewer may see it. An item the viewer's organisation may not see
 * keeps only its place (`withheld`): no name, question, decision, minutes, actions nor documents.
 * Outcomes (decision, minutes, actions) reach partners once the minutes are published.
 */
@ObjectType('AgendaItem', { implements: Node })
export class AgendaItemType extends Node {
  readonly __typename = 'AgendaItem';
  /** The row's uuid, for the resolvers. */
  itemId!: string;

  @Field(() => Int)
  position!: number;

  @Field({ description: 'Not shared with the viewer’s organisation: only its place in the agenda is shown' })
  withheld!: boolean;

  @Field(() => AgendaItemKind, { nullable: true })
  kind!: AgendaItemKind | null;

  @Field(() => Int, { nullable: true })
  version!: number | null;

  @Field(() => String, { nullable: true })
  question!: string | null;

  @Field(() => ID, { nullable: true })
  participantId!: string | null;

  @Field(() => String, { nullable: true })
  participantName!: string | null;

  @Field(() => PathwayStatus, { nullable: true })
  pathwayStatus!: PathwayStatus | null;

  @Field(() => ID, { nullable: true })
  referralId!: string | null;

  @Field(() => ReferralStatus, { nullable: true })
  referralStatus!: ReferralStatus | null;

  @Field(() => String, { nullable: true })
  proposedByName!: string | null;

  @Field(() => ReferralDecision, { nullable: true })
  decision!: ReferralDecision | null;

  @Field(() => String, { nullable: true })
  decisionReason!: string | null;

  @Field(() => String, { nullable: true })
  redirectedTo!: string | null;

  @Field(() => String, { nullable: true })
  assignedReferentName!: string | null;

  @Field(() => String, { nullable: true })
  minutes!: string | null;

  @Field(() => [AgendaActionType])
  actions!: AgendaActionType[];

  @Field(() => [MeetingDocumentType])
  documents!: MeetingDocumentType[];

  /** Staff: the indicator per invited organisation (resolved in meeting.resolver.ts). */
  sharing: AgendaSharingType[] = [];

  static withheldAt(id: string, position: number): AgendaItemType {
    return Object.assign(new AgendaItemType(), {
      id: toGlobalId('AgendaItem', id),
      itemId: id,
      position,
      withheld: true,
      kind: null,
      version: null,
      question: null,
      participantId: null,
      participantName: null,
      pathwayStatus: null,
      referralId: null,
      referralStatus: null,
      proposedByName: null,
      decision: null,
      decisionReason: null,
      redirectedTo: null,
      assignedReferentName: null,
      minutes: null,
      actions: [],
      documents: [],
    });
  }

  /**
   * An item shown to the viewer; `outcomes`: whether its decision, minutes and actions are (staff,
   * or minutes published); `submission`: a partner's own submission of the item's referral, which
   * it reads instead of the referral (that may hold what another partner typed); `names`: the
   * proposer's and the assigned referent's, from userNames().
   */
  static from(
    item: AgendaItemRow,
    position: number,
    documents: MeetingDocumentFields[],
    outcomes: boolean,
    submission: OwnSubmissionRow | null,
    names: Map<string, string>,
  ): AgendaItemType {
    const participant = item.participant;
    const referral = submission ?? item.referral;
    return Object.assign(new AgendaItemType(), {
      id: toGlobalId('AgendaItem', item.id),
      itemId: item.id,
      position,
      withheld: false,
      kind: participant ? AgendaItemKind.PARTICIPANT : referral ? AgendaItemKind.REFERRAL : AgendaItemKind.GENERAL,
      version: item.version,
      question: item.question,
      participantId: participant ? toGlobalId('Participant', participant.id) : null,
      participantName: fullName(participant ?? referral),
      pathwayStatus: participant?.currentStatus ?? null,
      referralId: item.referral ? toGlobalId('Referral', item.referral.id) : null,
      referralStatus: referral?.status ?? null,
      proposedByName: names.get(item.proposedById) ?? '',
      decision: outcomes ? item.decision : null,
      decisionReason: outcomes ? item.decisionReason : null,
      redirectedTo: outcomes ? item.redirectedTo : null,
      assignedReferentName: outcomes && item.assignedReferentUserId ? (names.get(item.assignedReferentUserId) ?? '') : null,
      minutes: outcomes ? item.minutes : null,
      actions: outcomes ? item.actions.map(AgendaActionType.from) : [],
      documents: documents.map(MeetingDocumentType.from),
    });
  }
}

@ObjectType('Meeting', { implements: Node })
export class MeetingType extends Node {
  readonly __typename = 'Meeting';
  meeting!: MeetingFields;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field()
  title!: string;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => String, { nullable: true })
  videoLink!: string | null;

  @Field(() => MeetingStatus)
  status!: MeetingStatus;

  @Field(() => Int)
  version!: number;

  @Field()
  organiserName!: string;

  @Field(() => [MeetingOrganisationType])
  invitedOrganisations!: MeetingOrganisationType[];

  @Field(() => [MeetingPersonType])
  invitees!: MeetingPersonType[];

  @Field(() => String, { nullable: true, description: 'The minutes of the meeting as a whole: for partners, once published' })
  minutes!: string | null;

  @Field(() => Date, { nullable: true })
  minutesPublishedAt!: Date | null;

  /** The agenda's rows when the `meeting` query read them with the meeting (readMeeting); not a field. */
  agendaRows: AgendaRows | null = null;

  /** `names`: the organiser's and the invitees', from userNames() (a partner reads no one's account). */
  static from(meeting: MeetingFields, staff: boolean, names: Map<string, string>): MeetingType {
    const published = meeting.status === MeetingStatus.MINUTES_PUBLISHED;
    return Object.assign(new MeetingType(), {
      meeting,
      id: toGlobalId('Meeting', meeting.id),
      kind: meeting.kind,
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      place: meeting.place,
      videoLink: meeting.videoLink,
      status: meeting.status,
      version: meeting.version,
      organiserName: names.get(meeting.organiser.id) ?? '',
      invitedOrganisations: meeting.invitations.map((i) => MeetingOrganisationType.from(i.organisation)).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      invitees: meeting.invitees.map((i) => MeetingPersonType.from(i.user, i.organisation, names)).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      minutes: staff || published ? meeting.minutes : null,
      minutesPublishedAt: meeting.minutesPublishedAt,
    });
  }
}

@ObjectType('MeetingConnection')
export class MeetingConnection extends Connection(MeetingType, 'Meeting') {}
