import type { RequestContext } from '../../context/request-context';
import { loaderFor } from '../../graphql/loaders';
import { Stage } from './stage.entity';
import type { StageRow } from './stage.type';

/**
 * The stages of each pathway, by planned start: one batched query for a page of people, unless the
 * participants list already brought them (ParticipantType.listedStages).
 */
export function stagesByPathway(ctx: RequestContext) {
  return loaderFor<string, StageRow[]>(ctx, 'stagesByPathway', async (pathwayIds) => {
    const stages = await ctx.em.find(
      Stage,
      { pathway: { $in: [...pathwayIds] } },
      // The pathways are already loaded (toTypes): joining them again would only hydrate them 10 times over.
      { populate: ['kind', 'operator'], orderBy: { plannedStart: 'asc', createdAt: 'asc' } },
    );
    return pathwayIds.map((id) => stages.filter((stage) => stage.pathway.id === id));
  });
}
