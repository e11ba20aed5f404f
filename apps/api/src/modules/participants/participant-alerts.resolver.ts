import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CaseloadAlert, NEVER_SHARED } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { Shared } from '../../access/field-consent';
import { loadAlerts } from '../../db/caseload-alerts.query';
import { loaderFor } from '../../graphql/loaders';
import { ParticipantType } from './participant.type';

@Resolver(() => ParticipantType)
export class ParticipantAlertsResolver {
  // Computed only when asked, for a whole page in one statement; never for partners (the middleware withholds it first).
  @FieldResolver(() => [CaseloadAlert], { nullable: true, description: 'What needs the referent’s attention on this file' })
  @Shared(NEVER_SHARED)
  alerts(@Root() participant: ParticipantType, @Ctx() ctx: RequestContext): Promise<CaseloadAlert[]> {
    const loader = loaderFor<string, CaseloadAlert[]>(ctx, 'caseloadAlerts', async (ids) => {
      const alerts = await loadAlerts(ctx.em, [...ids]);
      return ids.map((id) => alerts.get(id) ?? []);
    });
    return loader.load(participant.consentSubject.participantId);
  }
}
