/** What an organisation is to the PLIE. */
export enum OrganisationKind {
  ANIMATION_TEAM = 'ANIMATION_TEAM',
  REFERENT_OPERATOR = 'REFERENT_OPERATOR',
  COMMUNE = 'COMMUNE',
  INTEGRATION_COMPANY = 'INTEGRATION_COMPANY',
  TRAINING_OPERATOR = 'TRAINING_OPERATOR',
  OTHER_PARTNER = 'OTHER_PARTNER',
}

/** The legal form of an integration company (SIAE), plus GEIQ which works alongside them. */
export enum SiaeKind {
  ACI = 'ACI',
  EI = 'EI',
  ETTI = 'ETTI',
  AI = 'AI',
  EITI = 'EITI',
  GEIQ = 'GEIQ',
}

/** Staff organisations run the programme; every other kind is a partner, seeing only what consent allows. */
export const STAFF_ORGANISATION_KINDS: readonly OrganisationKind[] = [OrganisationKind.ANIMATION_TEAM, OrganisationKind.REFERENT_OPERATOR];

export function isPartnerKind(kind: OrganisationKind): boolean {
  return !STAFF_ORGANISATION_KINDS.includes(kind);
}
