import { isCommuneCode } from '@jalon/reference-data/node';
import { isQpvCode } from '@jalon/reference-data';
import type { RequestContext } from '../../context/request-context';
import { PATHWAY_MINIMUM_AGE } from '@jalon/domain';
import { errors, InputProblems } from '../../graphql/errors';
import { notInFuture, requiredDate, todayInFrance, yearsBetween } from '../../graphql/date-input';
import { EMAIL, optionalText, PHONE, requiredText } from '../../graphql/text-input';
import type { EsfEntryInput, ParticipantDetailsInput } from './participant.inputs';

/** Lower-case, accent-free "last first", for duplicate detection and search. */
export function searchKeyOf(lastName: string, firstName: string): string {
  return `${lastName} ${firstName}`
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Checks and normalises what the referent typed; every problem is refused at once, each with its field. */
export type CheckedDetails = ReturnType<typeof checkedDetails>;

export function checkedDetails(ctx: RequestContext, input: ParticipantDetailsInput) {
  const problems = new InputProblems(ctx);
  const firstName = problems.check(() => requiredText(ctx, 'firstName', input.firstName));
  const lastName = problems.check(() => requiredText(ctx, 'lastName', input.lastName));
  const birthDate = problems.check(() => notInFuture(ctx, 'birthDate', requiredDate(ctx, 'birthDate', input.birthDate)));
  const age = birthDate ? yearsBetween(birthDate, todayInFrance(ctx.now)) : PATHWAY_MINIMUM_AGE;
  if (age < PATHWAY_MINIMUM_AGE || age > 100) problems.add('birthDate', 'error.birthDateImplausible');
  const email = optionalText(input.email)?.toLowerCase() ?? null;
  if (email && !EMAIL.test(email)) problems.add('email', 'error.emailInvalid');
  const phone = optionalText(input.phone);
  if (phone && !PHONE.test(phone)) problems.add('phone', 'error.phoneInvalid');
  const postcode = optionalText(input.postcode);
  if (postcode && !/^\d{5}$/.test(postcode)) problems.add('postcode', 'error.postcodeInvalid');
  const communeCode = optionalText(input.communeCode)?.toUpperCase() ?? null;
  if (communeCode && !isCommuneCode(communeCode)) problems.add('communeCode', 'error.communeUnknown');
  const priorityDistrictCode = optionalText(input.priorityDistrictCode)?.toUpperCase() ?? null;
  if (priorityDistrictCode && !isQpvCode(priorityDistrictCode)) problems.add('priorityDistrictCode', 'error.qpvCodeInvalid');
  problems.throwIfAny();
  return {
    firstName: firstName!,
    lastName: lastName!,
    searchKey: searchKeyOf(lastName!, firstName!),
    birthDate: birthDate!,
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
    minimumIncome: input?.minimumIncome ?? null,
  };
}

/** The three fields that identify a person, checked as at creation. */
export function checkedDetailsForLookup(ctx: RequestContext, lastName: string, firstName: string, birthDate: string) {
  const problems = new InputProblems(ctx);
  const checked = {
    lastName: problems.check(() => requiredText(ctx, 'lastName', lastName)),
    firstName: problems.check(() => requiredText(ctx, 'firstName', firstName)),
    birthDate: problems.check(() => requiredDate(ctx, 'birthDate', birthDate)),
  };
  problems.throwIfAny();
  return checked as { [K in keyof typeof checked]: string };
}
