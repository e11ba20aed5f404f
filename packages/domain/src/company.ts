/**
 * The companies a PLIE follows (its business relations): classic employers, integration
 * companies, public employers and temping agencies, and what happened with each.
 */
export enum CompanyKind {
  CLASSIC = 'CLASSIC',
  INTEGRATION = 'INTEGRATION',
  PUBLIC_EMPLOYER = 'PUBLIC_EMPLOYER',
  TEMPING_AGENCY = 'TEMPING_AGENCY',
}

/** How the PLIE was in touch with a company. */
export enum CompanyEventKind {
  VISIT = 'VISIT',
  CALL = 'CALL',
  EMAIL = 'EMAIL',
  EVENT = 'EVENT',
}

/** A company's contacts: a handful of people, not an address book. */
export const MAX_COMPANY_CONTACTS = 10;

/** La Poste's establishments share SIREN 356000000, whose SIRETs follow a rule of their own. */
const LA_POSTE_SIREN = '356000000';

/**
 * Whether a SIRET is one INSEE could have given: 14 digits whose Luhn sum is a multiple of 10
 * (for La Poste's establishments, whose digits sum to a multiple of 5). Spaces are ignored.
 */
export function isValidSiret(value: string): boolean {
  const siret = value.replace(/\s/g, '');
  if (!/^\d{14}$/.test(siret)) return false;
  const digits = [...siret].map(Number);
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== `${LA_POSTE_SIREN}00048`) return digits.reduce((sum, d) => sum + d, 0) % 5 === 0;
  const luhn = digits.reduce((sum, digit, i) => {
    // From the left, every second digit of an even-length number is doubled.
    const doubled = i % 2 === 0 ? digit * 2 : digit;
    return sum + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return luhn % 10 === 0;
}

/** The SIREN (the company) of a SIRET (one of its establishments). */
export function sirenOf(siret: string): string {
  return siret.replace(/\s/g, '').slice(0, 9);
}
