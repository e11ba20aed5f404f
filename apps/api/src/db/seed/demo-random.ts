/**
 * A tiny seeded random source for the demo population: the same seed gives the same people on
 * every machine (no dependency, and no change when a faker release reshuffles its lists).
 */
export class DemoRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A value drawn by weight: [[value, weight], …]. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let draw = this.next() * total;
    for (const [value, weight] of items) {
      draw -= weight;
      if (draw < 0) return value;
    }
    return items[items.length - 1]![0];
  }

  /** A version-4-shaped UUID drawn from the seed, so generated ids are stable too. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

/**
 * French first and last names for generated people. None of them is a name of the demo's named
 * story (Fatima Kaci, Kevin Roussel, Aminata Sow…), so searches the guided tour relies on stay unique.
 */
export const WOMEN_FIRST_NAMES = [
  'Adèle',
  'Alice',
  'Anaïs',
  'Aurélie',
  'Awa',
  'Camille',
  'Carla',
  'Céline',
  'Chaïma',
  'Charlotte',
  'Clémence',
  'Coralie',
  'Djeneba',
  'Emma',
  'Estelle',
  'Farida',
  'Gaëlle',
  'Hawa',
  'Inès',
  'Jade',
  'Jeanne',
  'Justine',
  'Kadiatou',
  'Laetitia',
  'Laura',
  'Leïla',
  'Louise',
  'Lucie',
  'Malika',
  'Manon',
  'Mariam',
  'Marine',
  'Mélanie',
  'Naïma',
  'Nathalie',
  'Noémie',
  'Océane',
  'Pauline',
  'Rachida',
  'Rose',
  'Salomé',
  'Sandrine',
  'Sarah',
  'Séverine',
  'Sonia',
  'Stéphanie',
  'Valérie',
  'Zoé',
] as const;

export const MEN_FIRST_NAMES = [
  'Abdel',
  'Adrien',
  'Alexandre',
  'Ali',
  'Amadou',
  'Anthony',
  'Arnaud',
  'Bastien',
  'Benjamin',
  'Bilal',
  'Cédric',
  'Christophe',
  'Damien',
  'David',
  'Dylan',
  'Enzo',
  'Florian',
  'Franck',
  'Grégory',
  'Hamza',
  'Ibrahim',
  'Jérémy',
  'Jordan',
  'Kamel',
  'Kylian',
  'Loïc',
  'Mamadou',
  'Mathieu',
  'Maxime',
  'Mickaël',
  'Moussa',
  'Nicolas',
  'Omar',
  'Patrick',
  'Quentin',
  'Rachid',
  'Romain',
  'Samir',
  'Sébastien',
  'Stéphane',
  'Sylvain',
  'Tony',
  'Valentin',
  'Vincent',
  'Yacine',
  'Yann',
  'Youssef',
] as const;

export const LAST_NAMES = [
  'Arnaud',
  'Aubert',
  'Barbier',
  'Baron',
  'Benhamou',
  'Besson',
  'Blanc',
  'Bonnet',
  'Bouchard',
  'Brun',
  'Carpentier',
  'Carré',
  'Charpentier',
  'Chevalier',
  'Cissé',
  'Colin',
  'Coulibaly',
  'Da Silva',
  'Denis',
  'Diop',
  'Dumas',
  'Dupuis',
  'Durand',
  'Fabre',
  'Fernandes',
  'Fleury',
  'Fontaine',
  'Fournier',
  'François',
  'Gaillard',
  'Gilbert',
  'Guerin',
  'Guillot',
  'Hamidi',
  'Henry',
  'Hoarau',
  'Jacquet',
  'Joly',
  'Keita',
  'Lacroix',
  'Lambert',
  'Laurent',
  'Leclerc',
  'Lemaire',
  'Lopez',
  'Mallet',
  'Marchand',
  'Mathieu',
  'Mercier',
  'Meunier',
  'Meyer',
  'Michel',
  'Moreau',
  'Muller',
  'Nicolas',
  'Noël',
  'Ouali',
  'Perret',
  'Petit',
  'Picard',
  'Pons',
  'Poulain',
  'Renard',
  'Rivière',
  'Robin',
  'Rolland',
  'Roche',
  'Roger',
  'Rousseau',
  'Roy',
  'Sanchez',
  'Saidi',
  'Schmitt',
  'Tessier',
  'Traoré',
  'Vasseur',
  'Vidal',
  'Vincent',
  'Weber',
  'Yildiz',
  'Ziani',
] as const;
