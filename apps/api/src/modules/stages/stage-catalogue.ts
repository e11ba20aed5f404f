import type { EntityManager } from '@mikro-orm/postgresql';
import { STAGE_KIND_TAXONOMY } from '@jalon/domain';
import type { Tenant } from '../tenancy/tenant.entity';
import { StageKind } from './stage-kind.entity';

/** Gives a new tenant the shared catalogue of stage kinds, which its animation team may then extend. */
export function seedStageCatalogue(em: EntityManager, tenant: Tenant): Map<string, StageKind> {
  return new Map(
    STAGE_KIND_TAXONOMY.map((kind) => [
      kind.code,
      em.create(StageKind, { tenant, code: kind.code, category: kind.category, labelFr: kind.label.fr, labelEn: kind.label.en }),
    ]),
  );
}
