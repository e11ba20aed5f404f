import { CONSENT_NOTICE_VERSION, PARTNER_ORGANISATION_KINDS, SHARING_PRESETS, type SharingPreset } from '@jalon/domain';
import { parisDay } from '@/app/paris-time';
import type { ConsentFieldsFragment, ConsentMethod, ConsentPurpose, DataClass, OrganisationKind } from '@/gql/graphql';

/** Grantable data classes, in the order of the form; the last three are special-category data (GDPR art. 9/10). */
export const ORDINARY_CLASSES: readonly DataClass[] = [
  'PATHWAY_STATUS',
  'IDENTITY_CONTACT',
  'STAGE_LIST',
  'STAGE_DETAILS',
  'CONTRACT_REPORTS',
  'TRAINING_REPORTS',
  'APPOINTMENTS',
  'DIAGNOSIS',
  'EXIT_FOLLOW_UP',
  'JOB_APPLICATION',
];
export const SPECIAL_CLASSES: readonly DataClass[] = ['HEALTH', 'DISABILITY', 'JUSTICE'];
export const DATA_CLASSES: readonly DataClass[] = [...ORDINARY_CLASSES, ...SPECIAL_CLASSES];
export const PURPOSES: readonly ConsentPurpose[] = [
  'REFERRAL_FOLLOW_UP',
  'CONTRACT_REPORTING',
  'TRAINING_FOLLOW_UP',
  'COORDINATION_MEETINGS',
  'JOB_APPLICATION',
];
export const METHODS: readonly ConsentMethod[] = ['SIGNED_FORM', 'ORAL_WITH_WITNESS'];
/** Organisations a consent may name: the PLIE's own staff organisations see files by their role, not by consent. */
export const PARTNER_KINDS = PARTNER_ORGANISATION_KINDS as readonly OrganisationKind[];
export const isPartnerKind = (kind: OrganisationKind) => PARTNER_KINDS.includes(kind);

/** The PLIE's partner organisations, by kind (for grouped selects), each kind by name. */
export function groupPartners<T extends { kind: OrganisationKind; name: string }>(
  organisations: readonly T[],
): { kind: OrganisationKind; organisations: T[] }[] {
  return PARTNER_KINDS.map((kind) => ({
    kind,
    organisations: organisations.filter((o) => o.kind === kind).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  })).filter((group) => group.organisations.length > 0);
}
export { CONSENT_NOTICE_VERSION };

/** The presets for a kind of partner, with their terms as the API's types. */
export interface Preset {
  key: string;
  dataClasses: DataClass[];
  purpose: ConsentPurpose;
  ownStagesOnly: boolean;
  label: SharingPreset['label'];
}
export function presetsFor(kind: OrganisationKind | null): Preset[] {
  if (!kind) return [];
  return SHARING_PRESETS.filter((preset) => preset.partnerKind === kind).map((preset) => ({
    key: preset.key,
    dataClasses: DATA_CLASSES.filter((c) => preset.dataClasses.some((d) => d === c)),
    purpose: PURPOSES.find((p) => p === preset.purpose) ?? 'REFERRAL_FOLLOW_UP',
    ownStagesOnly: preset.ownStagesOnly,
    label: preset.label,
  }));
}

/** How a consent's status reads: « en vigueur » comes from `inForce` (the daily sweep may not have marked an ended one yet). */
export type StatusKey = 'inForce' | 'upcoming' | 'REVOKED' | 'EXPIRED' | 'SUPERSEDED';
export function statusKey(consent: Pick<ConsentFieldsFragment, 'status' | 'inForce' | 'validFrom'>, now = new Date()): StatusKey {
  if (consent.inForce) return 'inForce';
  if (consent.status !== 'ACTIVE') return consent.status;
  return new Date(consent.validFrom).getTime() > now.getTime() ? 'upcoming' : 'EXPIRED';
}
export const STATUS_SEVERITY: Record<StatusKey, 'success' | 'info' | 'secondary' | 'warn'> = {
  inForce: 'success',
  upcoming: 'info',
  REVOKED: 'warn',
  EXPIRED: 'secondary',
  SUPERSEDED: 'secondary',
};

/** `validUntil` is an exclusive end (midnight in France after the last day): the last day included. */
export function lastDayOf(validUntil: string): string {
  return parisDay(new Date(new Date(validUntil).getTime() - 1));
}
