import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataClass, IDENTIFICATION } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { withScope } from '../../access/consent-scope';
import { Shared } from '../../access/field-consent';
import { ParticipantType } from '../participants/participant.type';
import { stagesByPathway } from './stages-by-pathway';
import { STAGE_ACCESS_CLASSES, StageAccessType, type StageKindRow, StageKindType, StageType } from './stage.type';

/** The views of the kinds of the request's listed stages, one per kind row (the page's rows are read, never changed). */
function pageKindViews(ctx: RequestContext): (kind: StageKindRow) => StageKindType {
  let made = ctx.loaders.get('pageKindViews') as ((kind: StageKindRow) => StageKindType) | undefined;
  if (!made) {
    const views = new WeakMap<StageKindRow, StageKindType>();
    made = (kind) => {
      let view = views.get(kind);
      if (!view) {
        view = StageKindType.from(kind, ctx.locale);
        views.set(kind, view);
      }
      return view;
    };
    ctx.loaders.set('pageKindViews', made);
  }
  return made;
}

@Resolver(() => ParticipantType)
export class ParticipantStagesResolver {
  // The list itself is structure; the consent middleware keeps only the stages shared with the viewer.
  @FieldResolver(() => [StageType], { description: 'The action plan of the current pathway, by planned start' })
  @Shared(IDENTIFICATION)
  async stages(@Root() participant: ParticipantType, @Ctx() ctx: RequestContext): Promise<StageType[]> {
    const listed = participant.listedStages;
    const stages = listed ?? (await stagesByPathway(ctx).load(participant.currentPathwayId));
    // A page's stages share its kinds' rows (participant-page.query.ts): one view per kind for the page.
    const kindView = listed ? pageKindViews(ctx) : undefined;
    // Decided for the same viewer as their participant: a preview keeps its partner.
    return stages.map((stage) => withScope(StageType.from(stage, ctx.locale, kindView), participant.consentSubject.scope));
  }
}

@Resolver(() => StageType)
export class StageAccessResolver {
  @FieldResolver(() => StageAccessType)
  @Shared(DataClass.STAGE_LIST)
  async access(@Root() stage: StageType, @Ctx() ctx: RequestContext): Promise<StageAccessType> {
    const scope = stage.consentSubject.scope ?? ctx.consent;
    await scope.load();
    const access = new StageAccessType();
    for (const [field, dataClass] of Object.entries(STAGE_ACCESS_CLASSES)) {
      access[field as keyof typeof STAGE_ACCESS_CLASSES] = scope.wouldAllow(stage.consentSubject, dataClass);
    }
    return access;
  }
}
