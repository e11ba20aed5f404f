import { ConsentEffect, ConsentPurpose, DataClass } from './consent';
import { OrganisationKind } from './organisation-kind';

/**
 * The participant's own space (issue 18 §1): the one-time code a referent prints or reads out, and
 * the plain words in which the person reads what she shared and who consulted her file: French
 * first, English for a viewer who reads it (the portal's and the API's locales).
 */

/** The languages the person reads her space in. */
export type SpaceLocale = 'fr' | 'en';

/** Letters and digits nobody confuses when read out or copied from paper: no 0/O, 1/I/L, 2/Z, 5/S, 8/B. */
export const ACCESS_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
/** 25^8 ≈ 1.5·10¹¹ codes: with the per-address throttle, guessing a live one is out of reach. */
export const ACCESS_CODE_LENGTH = 8;

/** A code as printed: two groups of four, e.g. `K7QM-3HXT`. */
export function formatAccessCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code as typed back (lower case, spaces, a dash or not): the canonical code, or null when it cannot be one. */
export function normaliseAccessCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== ACCESS_CODE_LENGTH) return null;
  return [...code].every((c) => ACCESS_CODE_ALPHABET.includes(c)) ? code : null;
}

/** What the person may ask under RGPD art. 16 and 17. */
export enum RightsRequestKind {
  CORRECTION = 'CORRECTION',
  ERASURE = 'ERASURE',
}

export enum RightsRequestStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
}

/** RGPD art. 12(3): an answer within one month of the request (a calendar month, ISO date in, ISO date out). */
export function rightsRequestDueOn(requestedOn: string): string {
  const [y, m, d] = requestedOn.split('-').map(Number) as [number, number, number];
  const month = m === 12 ? 1 : m + 1;
  const year = m === 12 ? y + 1 : y;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const CLASS_WORDS: Record<DataClass, string> = {
  [DataClass.PATHWAY_STATUS]: 'où en est votre parcours',
  [DataClass.IDENTITY_CONTACT]: 'vos nom et coordonnées',
  [DataClass.STAGE_LIST]: 'vos étapes',
  [DataClass.STAGE_DETAILS]: 'le détail de vos étapes',
  [DataClass.CONTRACT_REPORTS]: 'les bilans de vos contrats de travail',
  [DataClass.TRAINING_REPORTS]: 'le suivi de vos formations',
  [DataClass.APPOINTMENTS]: 'vos rendez-vous',
  [DataClass.DIAGNOSIS]: 'votre diagnostic',
  [DataClass.HEALTH]: 'les informations sur votre santé',
  [DataClass.DISABILITY]: 'les informations sur votre handicap',
  [DataClass.JUSTICE]: 'les informations sur votre situation judiciaire',
  [DataClass.EXIT_FOLLOW_UP]: 'votre suivi après le parcours',
  [DataClass.JOB_APPLICATION]: 'vos candidatures à ses offres',
};

const KIND_WORDS: Record<OrganisationKind, string> = {
  [OrganisationKind.ANIMATION_TEAM]: "L'équipe d'animation du PLIE",
  [OrganisationKind.REFERENT_OPERATOR]: 'Les structures des référents',
  [OrganisationKind.COMMUNE]: 'Les communes partenaires',
  [OrganisationKind.INTEGRATION_COMPANY]: "Les structures d'insertion par l'activité économique",
  [OrganisationKind.TRAINING_OPERATOR]: 'Les organismes de formation',
  [OrganisationKind.OTHER_PARTNER]: 'Les autres partenaires',
};

const PURPOSE_WORDS: Record<ConsentPurpose, string> = {
  [ConsentPurpose.REFERRAL_FOLLOW_UP]: 'pour suivre votre orientation',
  [ConsentPurpose.CONTRACT_REPORTING]: 'pour le suivi de votre contrat',
  [ConsentPurpose.TRAINING_FOLLOW_UP]: 'pour le suivi de votre formation',
  [ConsentPurpose.COORDINATION_MEETINGS]: 'pour les réunions de suivi',
  [ConsentPurpose.JOB_APPLICATION]: 'pour vos candidatures',
};

const CLASS_WORDS_EN: Record<DataClass, string> = {
  [DataClass.PATHWAY_STATUS]: 'where your pathway stands',
  [DataClass.IDENTITY_CONTACT]: 'your name and contact details',
  [DataClass.STAGE_LIST]: 'your steps',
  [DataClass.STAGE_DETAILS]: 'the details of your steps',
  [DataClass.CONTRACT_REPORTS]: 'the reports on your work contracts',
  [DataClass.TRAINING_REPORTS]: 'the follow-up of your trainings',
  [DataClass.APPOINTMENTS]: 'your appointments',
  [DataClass.DIAGNOSIS]: 'your assessment',
  [DataClass.HEALTH]: 'the information about your health',
  [DataClass.DISABILITY]: 'the information about your disability',
  [DataClass.JUSTICE]: 'the information about your legal situation',
  [DataClass.EXIT_FOLLOW_UP]: 'your follow-up after the pathway',
  [DataClass.JOB_APPLICATION]: 'your applications to its job offers',
};

const KIND_WORDS_EN: Record<OrganisationKind, string> = {
  [OrganisationKind.ANIMATION_TEAM]: "The PLIE's coordination team",
  [OrganisationKind.REFERENT_OPERATOR]: "The referents' organisations",
  [OrganisationKind.COMMUNE]: 'The partner municipalities',
  [OrganisationKind.INTEGRATION_COMPANY]: 'The work integration organisations',
  [OrganisationKind.TRAINING_OPERATOR]: 'The training organisations',
  [OrganisationKind.OTHER_PARTNER]: 'The other partners',
};

const PURPOSE_WORDS_EN: Record<ConsentPurpose, string> = {
  [ConsentPurpose.REFERRAL_FOLLOW_UP]: 'to follow your referral',
  [ConsentPurpose.CONTRACT_REPORTING]: 'to follow your contract',
  [ConsentPurpose.TRAINING_FOLLOW_UP]: 'to follow your training',
  [ConsentPurpose.COORDINATION_MEETINGS]: 'for follow-up meetings',
  [ConsentPurpose.JOB_APPLICATION]: 'for your applications',
};

/** A list as the person reads it: « a, b et c », or "a, b and c". */
export function spaceList(items: readonly string[], locale: SpaceLocale): string {
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { type: 'conjunction' }).format(items);
}

/** 30 June 2027 (English) or 30 juin 2027 (French), in the person's time zone. */
export function spaceDate(at: Date | string, locale: SpaceLocale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(
    new Date(at),
  );
}

/** 30 juin 2027, in the person's time zone. */
export function frenchDate(at: Date | string): string {
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(at));
}

/** What the person reads of one consent, as her space and the copy of her data show it. */
export interface ConsentToWord {
  granteeName: string | null;
  granteeKind: OrganisationKind;
  effect: ConsentEffect;
  dataClasses: readonly DataClass[];
  /** Labels of the stage kinds the consent is narrowed to (empty: every stage). */
  stageKinds: readonly string[];
  /** How many listed stages it is narrowed to (null: not narrowed to listed stages). */
  stageCount: number | null;
  purpose: ConsentPurpose;
  validUntil: Date | string | null;
}

function whatIsShared(dataClasses: readonly DataClass[], stageKinds: readonly string[], stageCount: number | null, locale: SpaceLocale): string {
  if (locale === 'en') {
    const narrowed =
      stageKinds.length > 0
        ? ` (steps: ${spaceList(
            stageKinds.map((k) => k.toLowerCase()),
            locale,
          )})`
        : stageCount
          ? ` (${stageCount === 1 ? 'one given step' : `${stageCount} given steps`})`
          : '';
    return `${spaceList(
      dataClasses.map((c) => CLASS_WORDS_EN[c]),
      locale,
    )}${narrowed}`;
  }
  const words = dataClasses.map((c) => CLASS_WORDS[c]);
  const narrowed =
    stageKinds.length > 0
      ? ` (étapes : ${spaceList(
          stageKinds.map((k) => k.toLowerCase()),
          locale,
        )})`
      : stageCount
        ? ` (${stageCount === 1 ? 'une étape précise' : `${stageCount} étapes précises`})`
        : '';
  return `${spaceList(words, locale)}${narrowed}`;
}

/**
 * « La Mission locale voit vos étapes (étapes : formation qualifiante) jusqu'au 30 juin 2027, pour
 * suivre votre orientation. » A refusal reads « … ne voit pas … ».
 */
export function consentSentence(consent: ConsentToWord, locale: SpaceLocale): string {
  const plural = !consent.granteeName;
  const what = whatIsShared(consent.dataClasses, consent.stageKinds, consent.stageCount, locale);
  if (locale === 'en') {
    const who = consent.granteeName ?? KIND_WORDS_EN[consent.granteeKind];
    const verb = consent.effect === ConsentEffect.REFUSAL ? (plural ? 'do not see' : 'does not see') : plural ? 'see' : 'sees';
    const until =
      consent.effect === ConsentEffect.GRANT
        ? consent.validUntil
          ? ` until ${spaceDate(consent.validUntil, 'en')}`
          : ' for as long as your pathway lasts'
        : '';
    return `${who} ${verb} ${what}${until}, ${PURPOSE_WORDS_EN[consent.purpose]}.`;
  }
  const who = consent.granteeName ?? KIND_WORDS[consent.granteeKind];
  const verb = consent.effect === ConsentEffect.REFUSAL ? (plural ? 'ne voient pas' : 'ne voit pas') : plural ? 'voient' : 'voit';
  const until =
    consent.effect === ConsentEffect.GRANT ? (consent.validUntil ? ` jusqu'au ${frenchDate(consent.validUntil)}` : ' tant que dure votre parcours') : '';
  return `${who} ${verb} ${what}${until}, ${PURPOSE_WORDS[consent.purpose]}.`;
}

/** One partner read of the access log, as the person reads it. */
export function readSentence(read: { organisation: string; dataClasses: readonly string[] }, locale: SpaceLocale): string {
  if (locale === 'en') {
    const words = read.dataClasses.map((c) => (c in CLASS_WORDS_EN ? CLASS_WORDS_EN[c as DataClass] : 'your name'));
    return `${read.organisation} read ${spaceList([...new Set(words)], locale)}.`;
  }
  const words = read.dataClasses.map((c) => (c in CLASS_WORDS ? CLASS_WORDS[c as DataClass] : 'votre nom'));
  return `${read.organisation} a consulté ${spaceList([...new Set(words)], locale)}.`;
}
