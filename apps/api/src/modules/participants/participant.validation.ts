import { isCommuneCode } from '@jalon/reference-data/node';
import { isQpvCode } from '@jalon/reference-data';
import type { RequestContext } from '../../context/request-context';
import { errors } from '../../graphql/errors';
import { notInFuture, requiredDate, todayInFrance, yearsBetween } from '../../graphql/date-input';
import { optionalText, requiredText } from '../../graphql/text-input';
import type { EsfEntryInput, ParticipantDetailsInput } from './participant.inputs';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s.()-]{6,20}$/;

/** Lower-case, accent-free "last first", for duplicate detection and search. */
export function searchKeyOf(lastName: string, firstName: string): string {
  return `${lastName} ${firstName}`
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Checks and normalises what the referent typed; the first problem is refused with its field. */
export type CheckedDetails = ReturnType<typeof checkedDetails>;

export function checkedDetails(ctx: RequestContext, input: ParticipantDetailsInput) {
  const firstName = requiredText(ctx, 'firstName', input.firstName);
  const lastName = requiredText(ctx, 'lastName', input.lastName);
  const birthDate = notInFuture(ctx, 'birthDate', requiredDate(ctx, 'birthDate', input.birthDate));
  const age = yearsBetween(birthDate, todayInFrance());
  if (age < 16 || age > 100) throw errors.badInput(ctx, 'birthDate', 'error.birthDateImplausible');
  const email = optionalText(input.email)?.toLowerCase() ?? null;
  if (email && !EMAIL.test(email)) throw errors.badInput(ctx, 'email', 'error.emailInvalid');
  const phone = optionalText(input.phone);
  if (phone && !PHONE.test(phone)) throw errors.badInput(ctx, 'phone', 'error.phoneInvalid');
  const postcode = optionalText(input.postcode);
  if (postcode && !/^\d{5}$/.test(postcode)) throw errors.badInput(ctx, 'postcode', 'error.postcodeInvalid');
  const communeCode = optionalText(input.communeCode)?.toUpperCase() ?? null;
  if (communeCode && !isCommuneCode(communeCode)) throw errors.badInput(ctx, 'communeCode', 'error.communeUnknown');
  const priorityDistrictCode = optionalText(input.priorityDistrictCode)?.toUpperCase() ?? null;
  if (priorityDistrictCode && !isQpvCode(priorityDistrictCode)) throw errors.badInput(ctx, 'priorityDistrictCode', 'error.qpvCodeInvalid');
  return {
    firstName,
    lastName,
    searchKey: searchKeyOf(lastName, firstName),
    birthDate,
    gender: input.gender ?? null,
    email,
    phone,
    addressLine: optionalText(input.addressLine),
    postcode,
    communeCode,
    priorityDistrictCode,
  };
}

export function checkedEntry(ctx: RequestContext, input: EsfEntryInput | null | undefined) {
  const level = input?.educationLevel ?? null;
  if (level !== null && (!Number.isInteger(level) || level < 0 || level > 8)) throw errors.badInput(ctx, 'educationLevel', 'error.educationLevelInvalid');
  return {
    employmentSituation: input?.employmentSituation ?? null,
    educationLevel: level,
    disability: input?.disability ?? null,
    thirdCountryNational: input?.thirdCountryNational ?? null,
    foreignBackground: input?.foreignBackground ?? null,
    minority: input?.minority ?? null,
    homeless: input?.homeless ?? null,
    ruralArea: input?.ruralArea ?? null,
  };
}

/** The three fields that identify a person, checked as at creation. */
export function checkedDetailsForLookup(ctx: RequestContext, lastName: string, firstName: string, birthDate: string) {
  return {
    lastName: requiredText(ctx, 'lastName', lastName),
    firstName: requiredText(ctx, 'firstName', firstName),
    birthDate: requiredDate(ctx, 'birthDate', birthDate),
  };
}
