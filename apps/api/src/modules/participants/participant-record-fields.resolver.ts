import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataClass } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { withScope } from '../../access/consent-scope';
import { Shared } from '../../access/field-consent';
import { loaderFor } from '../../graphql/loaders';
import { FollowUpCheckIn } from '../follow-up/follow-up-check-in.entity';
import { FollowUpCheckInType } from '../follow-up/follow-up';
import { Diagnosis } from './diagnosis.entity';
import { DiagnosisType } from './diagnosis';
import { PARTICIPANT_ACCESS_CLASSES, ParticipantAccessType, ParticipantType } from './participant.type';
import { mayEdit } from '../../access/participant-access';

/**
 * The current pathway's diagnosis and in-job follow-up, reached from the participant: a partner
 * shown these classes needs no pathway id (which it may not be shown). One query per page. And
 * what the viewer may do with the file, decided only for the lists that ask.
 */
@Resolver(() => ParticipantType)
export class ParticipantRecordFieldsResolver {
  @FieldResolver(() => ParticipantAccessType)
  async access(@Root() participant: ParticipantType, @Ctx() ctx: RequestContext): Promise<ParticipantAccessType> {
    // A preview decides for its partner, who may edit nothing.
    const scope = participant.consentSubject.scope ?? ctx.consent;
    await scope.load();
    const access = { canEdit: scope === ctx.consent && mayEdit(ctx, { referent: { id: participant.referentId } }) } as ParticipantAccessType;
    for (const [field, dataClass] of Object.entries(PARTICIPANT_ACCESS_CLASSES)) {
      access[field as keyof typeof PARTICIPANT_ACCESS_CLASSES] = scope.wouldAllow({ participantId: participant.consentSubject.participantId }, dataClass);
    }
    return access;
  }

  @FieldResolver(() => DiagnosisType, { nullable: true, description: 'The diagnosis of the current pathway; null until recorded' })
  @Shared(DataClass.DIAGNOSIS)
  async diagnosis(@Root() participant: ParticipantType, @Ctx() ctx: RequestContext): Promise<DiagnosisType | null> {
    const diagnosis = await loaderFor<string, Diagnosis | null>(ctx, 'diagnosisByPathway', async (pathwayIds) => {
      const found = await ctx.em.find(Diagnosis, { pathway: { $in: [...pathwayIds] } });
      return pathwayIds.map((id) => found.find((d) => d.pathway.id === id) ?? null);
    }).load(participant.currentPathwayId);
    return diagnosis && DiagnosisType.from(diagnosis, participant.consentSubject.participantId, participant.consentSubject.scope);
  }

  @FieldResolver(() => [FollowUpCheckInType], { nullable: true, description: 'The in-job follow-up check-ins of the current pathway' })
  @Shared(DataClass.EXIT_FOLLOW_UP)
  async followUpCheckIns(@Root() participant: ParticipantType, @Ctx() ctx: RequestContext): Promise<FollowUpCheckInType[]> {
    const checkIns = await loaderFor<string, FollowUpCheckIn[]>(ctx, 'checkInsByPathway', async (pathwayIds) => {
      const found = await ctx.em.find(FollowUpCheckIn, { pathway: { $in: [...pathwayIds] } }, { orderBy: { monthsAfterExit: 'asc' } });
      return pathwayIds.map((id) => found.filter((c) => c.pathway.id === id));
    }).load(participant.currentPathwayId);
    return checkIns.map((checkIn) => withScope(FollowUpCheckInType.from(checkIn, participant.consentSubject.participantId), participant.consentSubject.scope));
  }
}
