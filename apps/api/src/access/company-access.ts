import { rolesHolding, type MembershipRole } from '@jalon/domain';

/** The staff who may be in charge of a company: those who follow companies, still active. */
export function companyOfficers(): { role: { $in: MembershipRole[] }; active: true } {
  return { role: { $in: [...rolesHolding('followCompanies')] }, active: true };
}
