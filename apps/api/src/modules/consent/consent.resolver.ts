import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ConsentPurpose, IDENTIFICATION } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { type AccessLogRow, countAccessLog, readAccessLog } from '../../db/access-log.query';
import { Allow } from '../../access/operation-access';
import { assertMayReadAccessLog } from '../../access/participant-access';
import { errors } from '../../graphql/errors';
import { PageArgs, pageOf } from '../../graphql/pagination';
import { encodeCursor, parseGlobalId, toConnection, toGlobalId } from '../../graphql/relay';
import { findParticipant, toTypes } from '../participants/participant.service';
import { ParticipantType } from '../participants/participant.type';
import { AmendConsentInput, GrantConsentInput } from './consent.inputs';
import { amendConsent, eventsOf, grantConsent, listConsents, previewScope, revokeConsent } from './consent.service';
import { AccessLogEntryConnection, ConsentType } from './consent.type';
import type { Consent } from './consent.entity';
import { evidenceOf } from './consent-evidence';

async function consentViews(ctx: RequestContext, consents: Consent[]): Promise<ConsentType[]> {
  // One after the other: the request's queries share one connection (its transaction).
  const events = await eventsOf(ctx, consents);
  const evidence = await evidenceOf(ctx, consents);
  return consents.map((consent) => ConsentType.from(consent, events.get(consent.id) ?? [], evidence.get(consent.id), ctx.now));
}

// Entries are numbered in the order they were written: the number is the sort key and the id.
const accessLogCursor = (row: AccessLogRow) => encodeCursor(row.seq, row.seq);

@Resolver()
export class ConsentResolver {
  @Query(() => [ConsentType], { description: "A participant's consents, newest first, ended ones included" })
  @Allow('followParticipants')
  async consents(@Ctx() ctx: RequestContext, @Arg('participantId', () => ID) participantId: string): Promise<ConsentType[]> {
    return consentViews(ctx, await listConsents(ctx, participantId));
  }

  @Query(() => ParticipantType, {
    nullable: true,
    description: 'Exactly what this partner organisation would see of the participant now (null: nothing), by the same rules as its own requests',
  })
  @Allow('followParticipants')
  async consentPreview(
    @Ctx() ctx: RequestContext,
    @Arg('participantId', () => ID) participantId: string,
    @Arg('organisationId', () => ID) organisationId: string,
  ): Promise<ParticipantType | null> {
    const { participant, scope } = await previewScope(ctx, participantId, organisationId);
    await scope.load();
    if (!scope.wouldAllow({ participantId: participant.id }, IDENTIFICATION)) return null;
    return (await toTypes(ctx, [participant], scope))[0]!;
  }

  @Mutation(() => ConsentType)
  @Allow('followParticipants')
  async grantConsent(@Ctx() ctx: RequestContext, @Arg('input') input: GrantConsentInput): Promise<ConsentType> {
    return (await consentViews(ctx, [await grantConsent(ctx, input)]))[0]!;
  }

  @Mutation(() => ConsentType, { description: 'Replaces the terms: a new consent supersedes this one' })
  @Allow('followParticipants')
  async amendConsent(@Ctx() ctx: RequestContext, @Arg('input') input: AmendConsentInput): Promise<ConsentType> {
    return (await consentViews(ctx, [await amendConsent(ctx, input)]))[0]!;
  }

  @Mutation(() => ConsentType, { description: 'Withdrawal, effective at once' })
  @Allow('followParticipants')
  async revokeConsent(
    @Ctx() ctx: RequestContext,
    @Arg('consentId', () => ID) consentId: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason') reason: string,
  ): Promise<ConsentType> {
    return (await consentViews(ctx, [await revokeConsent(ctx, consentId, version, reason)]))[0]!;
  }

  @Query(() => AccessLogEntryConnection, {
    description: 'Who (which partner) read what, newest first. A referent asks for one file she may read; the animation team may filter by partner',
  })
  @Allow('followParticipants')
  async accessLog(
    @Ctx() ctx: RequestContext,
    @Arg('participantId', () => ID, { nullable: true }) participantId?: string | null,
    @Arg('organisationId', () => ID, { nullable: true }) organisationId?: string | null,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<AccessLogEntryConnection> {
    assertMayReadAccessLog(ctx, participantId);
    const participant = participantId ? await findParticipant(ctx, participantId, 'participantId') : null;
    const organisation = organisationId ? parseGlobalId(organisationId, 'Organisation')?.id : null;
    if (organisationId && !organisation) throw errors.badInput(ctx, 'organisationId', 'error.invalidId');
    const filter = { participantId: participant?.id, organisationId: organisation };
    const result = await pageOf(ctx, page, {
      key: 'sequence',
      fetch: (after, limit) => readAccessLog(ctx.em, filter, after?.id ?? null, limit),
      count: () => countAccessLog(ctx.em, filter),
      cursorOf: accessLogCursor,
    });
    return toConnection(
      result,
      accessLogCursor,
      result.nodes.map((row) => ({
        at: new Date(row.at),
        userName: row.user_name,
        organisationName: row.organisation_name,
        participantId: toGlobalId('Participant', row.participant_id),
        participantName: row.participant_name,
        dataClasses: row.data_classes,
        // An archived file's read is logged under a purpose of its own, not a consent's: its reason says why.
        purposes: row.purposes.filter((purpose): purpose is ConsentPurpose => (Object.values(ConsentPurpose) as string[]).includes(purpose)),
        reason: row.reason,
        requestId: row.request_id,
      })),
    );
  }
}
