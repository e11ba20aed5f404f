import { describe, expect, it } from 'vitest';
import { CAPABILITIES, capabilitiesOf, holds } from './capability';
import { MembershipRole, isRoleAllowedIn } from './membership-role';
import { OrganisationKind } from './organisation-kind';

const referent = { role: MembershipRole.REFERENT, organisationKind: OrganisationKind.REFERENT_OPERATOR };
const team = { role: MembershipRole.ANIMATION_TEAM, organisationKind: OrganisationKind.ANIMATION_TEAM };
const admin = { role: MembershipRole.TENANT_ADMIN, organisationKind: OrganisationKind.ANIMATION_TEAM };
const commune = { role: MembershipRole.PARTNER_AGENT, organisationKind: OrganisationKind.COMMUNE };
const company = { role: MembershipRole.PARTNER_ADMIN, organisationKind: OrganisationKind.INTEGRATION_COMPANY };
const trainer = { role: MembershipRole.PARTNER_AGENT, organisationKind: OrganisationKind.TRAINING_OPERATOR };

const granted = (holder: typeof referent) => CAPABILITIES.filter((c) => holds(holder, c));

describe('capabilities', () => {
  it('let the animation team and tenant admins decide referrals, manage districts and read the whole tenant; not referents', () => {
    for (const capability of ['decideReferrals', 'manageDistricts', 'readWholeTenant', 'readAccessLog'] as const) {
      expect(holds(team, capability)).toBe(true);
      expect(holds(admin, capability)).toBe(true);
      expect(holds(referent, capability)).toBe(false);
      expect(holds(commune, capability)).toBe(false);
    }
  });

  it('give a partner no staff capability, whatever her organisation', () => {
    const staffOnly = [
      'followParticipants',
      'runMeetings',
      'readOrganisations',
      'manageOrganisations',
      'readWholeTenant',
      'decideReferrals',
      'holdCaseload',
    ] as const;
    for (const partner of [commune, company, trainer]) for (const capability of staffOnly) expect(holds(partner, capability)).toBe(false);
  });

  it('give staff no partner report, so pages for partners stay theirs', () => {
    for (const staff of [referent, team, admin]) {
      expect(holds(staff, 'followSharedParticipants')).toBe(false);
      expect(holds(staff, 'reportOnContracts')).toBe(false);
      expect(holds(staff, 'readCommuneFigures')).toBe(false);
    }
  });

  it('decide partner reports by organisation kind: commune figures for communes, contracts and job offers for employers, training for training operators, positionings for operators of actions, office hours for communes', () => {
    expect(granted(commune)).toEqual(['actInTenant', 'followSharedParticipants', 'readCommuneFigures', 'bookOfficeHours']);
    expect(granted(company)).toEqual(['actInTenant', 'manageUsers', 'followSharedParticipants', 'reportOnContracts', 'postJobOffers', 'answerPositionings']);
    expect(granted(trainer)).toEqual(['actInTenant', 'followSharedParticipants', 'reportOnContracts', 'reportOnTraining', 'answerPositionings']);
  });

  it('keep user management to tenant admins and partner admins, organisations to tenant admins', () => {
    expect(holds(admin, 'manageUsers')).toBe(true);
    expect(holds(company, 'manageUsers')).toBe(true);
    expect(holds(team, 'manageUsers')).toBe(false);
    expect(holds(commune, 'manageUsers')).toBe(false);
    expect(holds(admin, 'manageOrganisations')).toBe(true);
    expect(holds(team, 'manageOrganisations')).toBe(false);
  });

  it('keep the monitoring to staff, and the PLIE settings to its admins', () => {
    for (const holder of [referent, team, admin]) expect(holds(holder, 'readMonitoring')).toBe(true);
    for (const holder of [commune, company, trainer]) expect(holds(holder, 'readMonitoring')).toBe(false);
    expect(holds(admin, 'manageTenantSettings')).toBe(true);
    expect(holds(team, 'manageTenantSettings')).toBe(false);
  });

  it('let the animation team assign office hours, and communes alone book them', () => {
    for (const holder of [team, admin]) expect(holds(holder, 'assignOfficeHours')).toBe(true);
    for (const holder of [referent, commune, company, trainer]) expect(holds(holder, 'assignOfficeHours')).toBe(false);
    expect(holds(commune, 'bookOfficeHours')).toBe(true);
    for (const holder of [referent, team, admin, company, trainer]) expect(holds(holder, 'bookOfficeHours')).toBe(false);
  });

  it("keep the PLIE's companies to its staff: an integration company is one of them, not a reader", () => {
    for (const holder of [referent, team, admin]) expect(holds(holder, 'followCompanies')).toBe(true);
    for (const holder of [commune, company, trainer]) expect(holds(holder, 'followCompanies')).toBe(false);
  });

  it('give a referent her caseload, agenda, activity reports and companies, and the animation team every agenda', () => {
    expect(granted(referent)).toEqual([
      'actInTenant',
      'followParticipants',
      'holdCaseload',
      'runMeetings',
      'readOrganisations',
      'keepAgenda',
      'readActivityReports',
      'readMonitoring',
      'followCompanies',
    ]);
    expect(holds(team, 'readAnyAgenda')).toBe(true);
    expect(holds(team, 'holdCaseload')).toBe(false);
  });

  it('answer every capability for a membership, and only for roles its organisation may hold', () => {
    const can = capabilitiesOf(team);
    expect(Object.keys(can).sort()).toEqual([...CAPABILITIES].sort());
    expect(can.decideReferrals).toBe(true);
    expect(can.followSharedParticipants).toBe(false);
    expect(can.readActivityReports).toBe(true);
    expect(holds(commune, 'readActivityReports')).toBe(false);
    for (const holder of [referent, team, admin, commune, company, trainer]) expect(isRoleAllowedIn(holder.role, holder.organisationKind)).toBe(true);
  });
});
