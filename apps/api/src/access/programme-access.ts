import { DataClass, type StageFacts } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { errors } from '../graphql/errors';
import type { ConsentSubject } from './consent-scope';
import { may } from './operation-access';
import { activeMembership } from './tenant-scope';

/**
 * Whose actions of the programme the viewer reaches: staff, the PLIE's (the animation team keeps
 * them, referents position people on them); an operator (capability answerPositionings), the
 * actions it runs. Row-level security holds an operator to the same (db/rls/tables/programme_action.sql).
 */
export type ProgrammeScope = { staff: true } | { staff: false; operatorId: string };

export function programmeScope(ctx: RequestContext): ProgrammeScope {
  if (may(ctx.actor, 'followParticipants')) return { staff: true };
  if (!may(ctx.actor, 'answerPositionings')) throw errors.forbidden(ctx);
  return { staff: false, operatorId: activeMembership(ctx).organisationId };
}

/** The condition on an action that keeps an operator to its own. */
export function ownActions(scope: ProgrammeScope): { operator?: string } {
  return scope.staff ? {} : { operator: scope.operatorId };
}

/** What a positioning is, for the consent layer: the stage it would be (or is) with the action's operator. */
export interface PositioningFacts {
  id: string;
  participantId: string;
  stageId: string | null;
  kind: { code: string; category: StageFacts['category'] };
  operatorId: string;
}

/**
 * A positioning is shared with its operator as the stage it becomes: under a consent that shares
 * that kind of stage with it (its details, or its reports for their purpose), which the referent
 * offers in the same dialog. The stage facts carry the stage once accepted (a grant of listed
 * stages covers it then), the positioning's own id before.
 */
export function positioningSubject(positioning: PositioningFacts): ConsentSubject {
  return {
    participantId: positioning.participantId,
    itemClass: DataClass.STAGE_DETAILS,
    stage: {
      id: positioning.stageId ?? positioning.id,
      kindCode: positioning.kind.code,
      category: positioning.kind.category,
      operatorOrganisationId: positioning.operatorId,
    },
  };
}

/**
 * The positionings an operator may read: those row-level security returned that the API's consent
 * decision also allows (a refusal narrowed to the kind, which SQL does not weigh, wins here). Each
 * one kept is a read of the access log. Staff pass: their role already scoped the rows.
 */
export async function sharedPositionings<T>(ctx: RequestContext, rows: T[], facts: (row: T) => PositioningFacts): Promise<T[]> {
  await ctx.consent.load();
  return rows.filter((row) => ctx.consent.allows(positioningSubject(facts(row)), DataClass.STAGE_DETAILS));
}
