import { describe, expect, it } from 'vitest';
import { hasInseeCode, hasSiaeKind, OrganisationKind, PARTNER_ORGANISATION_KINDS } from './organisation-kind';

describe('organisation kinds', () => {
  it('list the partners, who read through consent, without the PLIE’s own staff organisations', () => {
    expect(PARTNER_ORGANISATION_KINDS).toEqual([
      OrganisationKind.COMMUNE,
      OrganisationKind.INTEGRATION_COMPANY,
      OrganisationKind.TRAINING_OPERATOR,
      OrganisationKind.OTHER_PARTNER,
    ]);
  });

  it('give a SIAE legal form to integration companies only, and an INSEE code to communes only', () => {
    const kinds = Object.values(OrganisationKind);
    expect(kinds.filter(hasSiaeKind)).toEqual([OrganisationKind.INTEGRATION_COMPANY]);
    expect(kinds.filter(hasInseeCode)).toEqual([OrganisationKind.COMMUNE]);
  });
});
