import type { EmploymentSituation, EsfAnswer, EsfEntryInput, Gender, ParticipantDetailsInput, PathwayFieldsFragment } from '@/gql/graphql';
import { ESF_QUESTIONS, type EsfQuestion } from './pathway-rules';
import type { StaffParticipantFile } from './staff-file';

/** What the identity, contact and address fields hold while being typed (empty string: not given). */
export interface DetailsDraft {
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: Gender | '';
  phone: string;
  email: string;
  addressLine: string;
  postcode: string;
  communeCode: string;
  priorityDistrictCode: string;
}

export const DETAILS_FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'gender',
  'phone',
  'email',
  'addressLine',
  'postcode',
  'communeCode',
  'priorityDistrictCode',
] as const satisfies readonly (keyof DetailsDraft)[];

/** What the forms built on a DetailsDraft (ParticipantDetailsFields, AddressFields) are given besides it. */
export interface DetailsFieldsProps {
  idPrefix: string;
  errors: Partial<Record<(typeof DETAILS_FIELDS)[number], string>>;
  /** The commune name the API found for the saved code (edit only). */
  communeName?: string | null;
}

export type EsfDraft = { employmentSituation: EmploymentSituation | ''; educationLevel: string } & Record<EsfQuestion, EsfAnswer | null>;

export const ENTRY_FIELDS = ['employmentSituation', 'educationLevel', ...ESF_QUESTIONS] as const;

export function emptyDetails(): DetailsDraft {
  return {
    firstName: '',
    lastName: '',
    birthDate: '',
    gender: '',
    phone: '',
    email: '',
    addressLine: '',
    postcode: '',
    communeCode: '',
    priorityDistrictCode: '',
  };
}

export function detailsFrom(participant: StaffParticipantFile): DetailsDraft {
  return {
    firstName: participant.firstName,
    lastName: participant.lastName,
    birthDate: participant.birthDate,
    gender: participant.gender ?? '',
    phone: participant.phone ?? '',
    email: participant.email ?? '',
    addressLine: participant.addressLine ?? '',
    postcode: participant.postcode ?? '',
    communeCode: participant.communeCode ?? '',
    priorityDistrictCode: participant.priorityDistrictCode ?? '',
  };
}

const optional = (value: string) => value.trim() || null;

export function toDetailsInput(draft: DetailsDraft): ParticipantDetailsInput {
  return {
    firstName: draft.firstName.trim(),
    lastName: draft.lastName.trim(),
    birthDate: draft.birthDate,
    gender: draft.gender || null,
    phone: optional(draft.phone),
    email: optional(draft.email),
    addressLine: optional(draft.addressLine),
    postcode: optional(draft.postcode),
    communeCode: optional(draft.communeCode),
    priorityDistrictCode: optional(draft.priorityDistrictCode),
  };
}

export function emptyEntry(): EsfDraft {
  return {
    employmentSituation: '',
    educationLevel: '',
    disability: null,
    thirdCountryNational: null,
    foreignBackground: null,
    minority: null,
    homeless: null,
    ruralArea: null,
    minimumIncome: null,
  };
}

export function entryFrom(pathway: PathwayFieldsFragment): EsfDraft {
  return {
    employmentSituation: pathway.employmentSituation ?? '',
    educationLevel: pathway.educationLevel === null ? '' : String(pathway.educationLevel),
    disability: pathway.disability,
    thirdCountryNational: pathway.thirdCountryNational,
    foreignBackground: pathway.foreignBackground,
    minority: pathway.minority,
    homeless: pathway.homeless,
    ruralArea: pathway.ruralArea,
    minimumIncome: pathway.minimumIncome,
  };
}

/** Every item is sent: the API records the whole situation (an item left out would be erased). */
export function toEntryInput(draft: EsfDraft): EsfEntryInput {
  return {
    employmentSituation: draft.employmentSituation || null,
    educationLevel: draft.educationLevel === '' ? null : Number(draft.educationLevel),
    disability: draft.disability,
    thirdCountryNational: draft.thirdCountryNational,
    foreignBackground: draft.foreignBackground,
    minority: draft.minority,
    homeless: draft.homeless,
    ruralArea: draft.ruralArea,
    minimumIncome: draft.minimumIncome,
  };
}

/** Checks made before sending: the three fields that identify a person. */
export function missingIdentity(draft: DetailsDraft): ('firstName' | 'lastName' | 'birthDate')[] {
  return (['firstName', 'lastName', 'birthDate'] as const).filter((field) => !draft[field].trim());
}
