import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { mayManage, maySeeWholeMeeting } from '../../access/meeting-access';
import { Allow } from '../../access/operation-access';
import { userNames } from '../../db/user-names.query';
import { PageArgs } from '../../graphql/pagination';
import { toConnection, toGlobalId } from '../../graphql/relay';
import { selects } from '../../graphql/selection';
import type { AgendaItem, Meeting } from './meeting.entity';
import { agendaFor, peopleOf, sharingByItem } from './meeting-agenda';
import { meetingFieldsOf } from './meeting.query';
import {
  AddAgendaActionInput,
  AddAgendaItemInput,
  AgendaItemVersionInput,
  EditAgendaItemInput,
  MeetingFilter,
  MeetingVersionInput,
  MoveAgendaItemInput,
  PlanMeetingInput,
  RecordAgendaOutcomeInput,
  RecordMeetingMinutesInput,
  UpdateMeetingInput,
} from './meeting.inputs';
import {
  addAgendaAction,
  addAgendaItem,
  editAgendaItem,
  findMeeting,
  holdMeeting,
  inviteeOptions,
  listMeetings,
  meetingCursor,
  moveAgendaItem,
  planMeeting,
  publishMinutes,
  readMeeting,
  recordAgendaOutcome,
  recordMeetingMinutes,
  removeAgendaAction,
  removeAgendaItem,
  updateMeeting,
} from './meeting.service';
import { AgendaItemType, AgendaSharingType, MeetingConnection, MeetingDocumentType, MeetingPersonType, MeetingType } from './meeting.type';

async function view(ctx: RequestContext, entity: Meeting): Promise<MeetingType> {
  const meeting = meetingFieldsOf(entity);
  return MeetingType.from(meeting, maySeeWholeMeeting(ctx), await userNames(ctx, peopleOf(meeting)));
}

/**
 * The agenda of a meeting as the viewer sees it, computed once per meeting and request (agenda,
 * documents, indicators), from the rows read with the meeting when the `meeting` query read them.
 */
function agendaOnce(ctx: RequestContext, meeting: MeetingType) {
  const key = `agenda:${meeting.meeting.id}`;
  let agenda = ctx.loaders.get(key) as ReturnType<typeof agendaFor> | undefined;
  if (!agenda) {
    agenda = agendaFor(ctx, meeting.meeting, null, meeting.agendaRows);
    ctx.loaders.set(key, agenda);
  }
  return agenda;
}

@Resolver(() => MeetingType)
export class MeetingResolver {
  @Query(() => MeetingConnection, { description: 'Meetings of the PLIE (a partner: those it is invited to), to come or past' })
  @Allow('actInTenant')
  async meetings(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter?: MeetingFilter,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<MeetingConnection> {
    const result = await listMeetings(ctx, filter, page);
    return toConnection(result, meetingCursor, await Promise.all(result.nodes.map((m) => view(ctx, m))));
  }

  @Query(() => MeetingType)
  @Allow('actInTenant')
  async meeting(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Info() info: GraphQLResolveInfo): Promise<MeetingType> {
    const { meeting, names, agenda } = await readMeeting(ctx, id, selects(info, ['agenda']) || selects(info, ['documents']));
    return Object.assign(MeetingType.from(meeting, maySeeWholeMeeting(ctx), names), { agendaRows: agenda });
  }

  @Query(() => [MeetingPersonType], { description: 'Active members of these organisations, to invite by name' })
  @Allow('runMeetings')
  async meetingInviteeOptions(@Ctx() ctx: RequestContext, @Arg('organisationIds', () => [ID]) organisationIds: string[]): Promise<MeetingPersonType[]> {
    const memberships = await inviteeOptions(ctx, organisationIds);
    const names = await userNames(
      ctx,
      memberships.map((m) => m.user.id),
    );
    return memberships.map((membership) => MeetingPersonType.ofMembership(membership, names));
  }

  @FieldResolver(() => [AgendaItemType], { description: 'The agenda in order; items not shared with the viewer’s organisation are withheld' })
  async agenda(@Root() meeting: MeetingType, @Ctx() ctx: RequestContext): Promise<AgendaItemType[]> {
    const agenda = await agendaOnce(ctx, meeting);
    if (maySeeWholeMeeting(ctx)) {
      const sharing = await sharingByItem(ctx, meeting.meeting, agenda.shown);
      for (const item of agenda.items) item.sharing = sharing.get(item.itemId) ?? [];
    }
    return agenda.items;
  }

  @FieldResolver(() => [MeetingDocumentType], { description: 'Documents of the meeting as a whole (those of an item are on the item)' })
  async documents(@Root() meeting: MeetingType, @Ctx() ctx: RequestContext): Promise<MeetingDocumentType[]> {
    return (await agendaOnce(ctx, meeting)).documents.map(MeetingDocumentType.from);
  }

  @FieldResolver(() => Boolean, { description: 'The viewer runs this meeting: edits it, records decisions and publishes the minutes' })
  viewerManages(@Root() meeting: MeetingType, @Ctx() ctx: RequestContext): boolean {
    return mayManage(ctx, meeting.meeting);
  }

  @Mutation(() => MeetingType)
  @Allow('runMeetings')
  async planMeeting(@Ctx() ctx: RequestContext, @Arg('input') input: PlanMeetingInput): Promise<MeetingType> {
    return view(ctx, await planMeeting(ctx, input));
  }

  @Mutation(() => MeetingType)
  @Allow('runMeetings')
  async updateMeeting(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateMeetingInput): Promise<MeetingType> {
    return view(ctx, await updateMeeting(ctx, input));
  }

  @Mutation(() => MeetingType, { description: 'The meeting is being held: decisions and minutes can be recorded' })
  @Allow('runMeetings')
  async holdMeeting(@Ctx() ctx: RequestContext, @Arg('input') input: MeetingVersionInput): Promise<MeetingType> {
    return view(ctx, await holdMeeting(ctx, input));
  }

  @Mutation(() => MeetingType)
  @Allow('runMeetings')
  async recordMeetingMinutes(@Ctx() ctx: RequestContext, @Arg('input') input: RecordMeetingMinutesInput): Promise<MeetingType> {
    return view(ctx, await recordMeetingMinutes(ctx, input));
  }

  @Mutation(() => MeetingType, { description: 'Publish the minutes to the attendees (each organisation sees its share); the meeting is then read-only' })
  @Allow('runMeetings')
  async publishMinutes(@Ctx() ctx: RequestContext, @Arg('input') input: MeetingVersionInput): Promise<MeetingType> {
    return view(ctx, await publishMinutes(ctx, input));
  }

  @Mutation(() => MeetingType, { description: 'Add a point to the agenda (returns the meeting with its agenda)' })
  @Allow('runMeetings')
  async addAgendaItem(@Ctx() ctx: RequestContext, @Arg('input') input: AddAgendaItemInput): Promise<MeetingType> {
    return view(ctx, await meetingOf(ctx, await addAgendaItem(ctx, input)));
  }

  @Mutation(() => MeetingType)
  @Allow('runMeetings')
  async editAgendaItem(@Ctx() ctx: RequestContext, @Arg('input') input: EditAgendaItemInput): Promise<MeetingType> {
    return view(ctx, await meetingOf(ctx, await editAgendaItem(ctx, input)));
  }

  @Mutation(() => MeetingType, { description: 'Withdraw a point not yet discussed' })
  @Allow('runMeetings')
  async removeAgendaItem(@Ctx() ctx: RequestContext, @Arg('input') input: AgendaItemVersionInput): Promise<MeetingType> {
    return view(ctx, await removeAgendaItem(ctx, input));
  }

  @Mutation(() => MeetingType)
  @Allow('runMeetings')
  async moveAgendaItem(@Ctx() ctx: RequestContext, @Arg('input') input: MoveAgendaItemInput): Promise<MeetingType> {
    return view(ctx, await moveAgendaItem(ctx, input));
  }

  @Mutation(() => MeetingType, {
    description: 'Record what the meeting concluded on an item; on a referral, the commission’s decision (atomically with the referral)',
  })
  @Allow('runMeetings')
  async recordAgendaOutcome(@Ctx() ctx: RequestContext, @Arg('input') input: RecordAgendaOutcomeInput): Promise<MeetingType> {
    return view(ctx, await meetingOf(ctx, await recordAgendaOutcome(ctx, input)));
  }

  @Mutation(() => MeetingType)
  @Allow('runMeetings')
  async addAgendaAction(@Ctx() ctx: RequestContext, @Arg('input') input: AddAgendaActionInput): Promise<MeetingType> {
    return view(ctx, await meetingOf(ctx, await addAgendaAction(ctx, input)));
  }

  @Mutation(() => MeetingType)
  @Allow('runMeetings')
  async removeAgendaAction(@Ctx() ctx: RequestContext, @Arg('actionId', () => ID) actionId: string): Promise<MeetingType> {
    return view(ctx, await meetingOf(ctx, await removeAgendaAction(ctx, actionId)));
  }
}

function meetingOf(ctx: RequestContext, item: AgendaItem): Promise<Meeting> {
  return findMeeting(ctx, toGlobalId('Meeting', item.meeting.id), 'itemId');
}

@Resolver(() => AgendaItemType)
export class AgendaItemResolver {
  @FieldResolver(() => [AgendaSharingType], {
    description: 'Per invited organisation: will it see this item (consent for coordination meetings)? Staff only, before the meeting',
  })
  @Allow('runMeetings')
  sharing(@Root() item: AgendaItemType): AgendaSharingType[] {
    return item.sharing;
  }
}
