import { describe, expect, it } from 'vitest';
import { isValidSiret, sirenOf } from './company';

describe('isValidSiret', () => {
  it('accepts real SIRETs, spaced as people type them', () => {
    // INSEE's own establishment in Montrouge, and a company's head office.
    expect(isValidSiret('12002701600357')).toBe(true);
    expect(isValidSiret('732 829 320 00074')).toBe(true);
  });

  it('refuses a typing slip, a wrong length and letters', () => {
    expect(isValidSiret('12002701600358')).toBe(false);
    expect(isValidSiret('1200270160035')).toBe(false);
    expect(isValidSiret('1200270160035A')).toBe(false);
  });

  it("follows La Poste's rule for its establishments (digits summing to a multiple of 5)", () => {
    expect(isValidSiret('35600000000048')).toBe(true);
    expect(isValidSiret('35600000049837')).toBe(true);
    expect(isValidSiret('35600000049838')).toBe(false);
  });

  it('gives the SIREN of a SIRET', () => {
    expect(sirenOf('732 829 320 00074')).toBe('732829320');
  });
});
