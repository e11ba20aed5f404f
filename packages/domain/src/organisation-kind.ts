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

/** The organisations that read through consent, in the order the portal lists them (consent grantees, access-log filters). */
export const PARTNER_ORGANISATION_KINDS: readonly OrganisationKind[] = Object.values(OrganisationKind).filter(isPartnerKind);

/** Whether an organisation of this kind has a SIAE legal form (required then, refused otherwise). */
export function hasSiaeKind(kind: OrganisationKind): boolean {
  return kind === OrganisationKind.INTEGRATION_COMPANY;
}

/** Whether an organisation of this kind has an INSEE code: a commune's, for its inhabitants' figures. */
export function hasInseeCode(kind: OrganisationKind): boolean {
  return kind === OrganisationKind.COMMUNE;
}
