import { describe, expect, it } from 'vitest';
import { ConsentEffect, ConsentPurpose, DataClass } from './consent';
import { OrganisationKind } from './organisation-kind';
import { consentSentence, formatAccessCode, normaliseAccessCode, readSentence, rightsRequestDueOn } from './participant-space';

describe('access codes', () => {
  it('reads a printed code back however it is typed', () => {
    expect(normaliseAccessCode(' k7qm-3hxt ')).toBe('K7QM3HXT');
    expect(formatAccessCode('K7QM3HXT')).toBe('K7QM-3HXT');
  });
  it('refuses what cannot be a code: confusable characters, wrong length', () => {
    expect(normaliseAccessCode('K7QM-3HX0')).toBeNull();
    expect(normaliseAccessCode('K7QM-3HX')).toBeNull();
    expect(normaliseAccessCode('K7QM-3HXTA')).toBeNull();
  });
});

describe('rights request deadline', () => {
  it('is one calendar month later, at the end of a shorter month', () => {
    expect(rightsRequestDueOn('2026-12-05')).toBe('2027-01-05');
    expect(rightsRequestDueOn('2027-01-31')).toBe('2027-02-28');
  });
});

describe('plain words', () => {
  const consent = {
    granteeName: 'Mission locale Est',
    granteeKind: OrganisationKind.OTHER_PARTNER,
    effect: ConsentEffect.GRANT,
    dataClasses: [DataClass.STAGE_LIST, DataClass.TRAINING_REPORTS],
    stageKinds: ['Formation qualifiante'],
    stageCount: null,
    purpose: ConsentPurpose.TRAINING_FOLLOW_UP,
    validUntil: '2027-06-30T12:00:00Z',
  };
  it('says who sees what until when, and why', () => {
    expect(consentSentence(consent, 'fr')).toBe(
      "Mission locale Est voit vos étapes et le suivi de vos formations (étapes : formation qualifiante) jusqu'au 30 juin 2027, pour le suivi de votre formation.",
    );
  });
  it('says a refusal and a grant to every organisation of a kind', () => {
    expect(consentSentence({ ...consent, granteeName: null, granteeKind: OrganisationKind.COMMUNE, effect: ConsentEffect.REFUSAL, stageKinds: [] }, 'fr')).toBe(
      'Les communes partenaires ne voient pas vos étapes et le suivi de vos formations, pour le suivi de votre formation.',
    );
  });
  it('names what a partner read, the name alone when nothing else', () => {
    expect(readSentence({ organisation: 'ACI Les Jardins', dataClasses: ['IDENTIFICATION', 'STAGE_DETAILS'] }, 'fr')).toBe(
      'ACI Les Jardins a consulté votre nom et le détail de vos étapes.',
    );
  });
  it('says the same in English to a person who reads English', () => {
    expect(consentSentence(consent, 'en')).toBe(
      'Mission locale Est sees your steps and the follow-up of your trainings (steps: formation qualifiante) until 30 June 2027, to follow your training.',
    );
    expect(consentSentence({ ...consent, granteeName: null, granteeKind: OrganisationKind.COMMUNE, effect: ConsentEffect.REFUSAL, stageKinds: [] }, 'en')).toBe(
      'The partner municipalities do not see your steps and the follow-up of your trainings, to follow your training.',
    );
    expect(consentSentence({ ...consent, validUntil: null, stageKinds: [], stageCount: 2 }, 'en')).toBe(
      'Mission locale Est sees your steps and the follow-up of your trainings (2 given steps) for as long as your pathway lasts, to follow your training.',
    );
    expect(readSentence({ organisation: 'ACI Les Jardins', dataClasses: ['IDENTIFICATION', 'STAGE_DETAILS'] }, 'en')).toBe(
      'ACI Les Jardins read your name and the details of your steps.',
    );
  });
});
