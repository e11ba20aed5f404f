import { normalisedLabel, type ImportLookups } from '@jalon/domain';
import { communeCatalog, getCommune } from '@jalon/reference-data/node';
import type { RequestContext } from '../../context/request-context';
import { readableReferents } from '../../access/referent-access';
import { todayInFrance } from '../../graphql/date-input';
import { StageKind } from '../stages/stage-kind.entity';
import { Membership } from '../tenancy/membership.entity';

let communesByNameAndPostcode: Map<string, string> | null = null;

/** « name|postcode » → INSEE code, over every commune (built once: the reference data does not change while the API runs). */
function communeIndex(): Map<string, string> {
  if (!communesByNameAndPostcode) {
    communesByNameAndPostcode = new Map();
    for (const commune of communeCatalog().communes()) {
      for (const postcode of commune.postcodes) communesByNameAndPostcode.set(`${normalisedLabel(commune.name)}|${postcode}`, commune.code);
    }
  }
  return communesByNameAndPostcode;
}

/** The INSEE code given as is, or the commune of that name served by that postcode. */
export function communeCodeOf(text: string, postcode: string | null): string | null {
  const code = text.trim().toUpperCase();
  if (getCommune(code)) return code;
  return postcode ? (communeIndex().get(`${normalisedLabel(text)}|${postcode}`) ?? null) : null;
}

export interface TenantLookups extends ImportLookups {
  /** Active stage kinds by code: their id and French label. */
  stageKinds: Map<string, { id: string; labelFr: string }>;
  /** The tenant's active referents by email (lower case): their membership and name. */
  referents: Map<string, { membershipId: string; displayName: string }>;
}

/** What the line checks read from the tenant, loaded once per file: its referents and its stage kinds. */
export async function tenantLookups(ctx: RequestContext): Promise<TenantLookups> {
  const memberships = await ctx.em.find(Membership, readableReferents(), { populate: ['user'] });
  const kinds = await ctx.em.find(StageKind, { active: true });
  const referents = new Map(memberships.map((m) => [m.user.email.toLowerCase(), { membershipId: m.id, displayName: m.user.displayName }]));
  const stageKinds = new Map(kinds.map((k) => [k.code, { id: k.id, labelFr: k.labelFr }]));
  const kindByLabel = new Map<string, string>();
  for (const k of kinds) {
    kindByLabel.set(normalisedLabel(k.code), k.code);
    kindByLabel.set(normalisedLabel(k.labelFr), k.code);
  }
  return {
    today: todayInFrance(ctx.now),
    stageKinds,
    referents,
    stageKindCode: (text) => kindByLabel.get(normalisedLabel(text)) ?? null,
    isReferentEmail: (email) => referents.has(email),
    communeCode: communeCodeOf,
  };
}
