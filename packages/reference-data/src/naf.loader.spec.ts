import { describe, expect, it } from 'vitest';
import { getNafActivity } from './naf.loader';

describe('getNafActivity', () => {
  it('reads a sub-class, typed with or without its dot', () => {
    expect(getNafActivity('81.21Z')).toEqual({ code: '81.21Z', label: 'Nettoyage courant des bâtiments' });
    expect(getNafActivity(' 8121z ')).toEqual({ code: '81.21Z', label: 'Nettoyage courant des bâtiments' });
  });

  it('says null for a section, a class without its letter, or a code that does not exist', () => {
    expect(getNafActivity('81')).toBeNull();
    expect(getNafActivity('81.21')).toBeNull();
    expect(getNafActivity('99.99Z')).toBeNull();
  });
});
