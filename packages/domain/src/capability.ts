import { MembershipRole } from './membership-role';
import { OrganisationKind } from './organisation-kind';

/**
 * What a membership may do. Every access decision by role or organisation kind (the API's
 * operation gate, the access/ functions, the portal's pages and buttons) reads this one table,
 * so a change here is a permission change (the API's permission snapshot lists it).
 */
export const CAPABILITIES = [
  /** Any member of the tenant: what a partner then reaches is narrowed by consent. */
  'actInTenant',
  /** Staff: follow participants' pathways (create, read, record), consents, appointments, reference data. */
  'followParticipants',
  /** A referent: participants are assigned to her, and lists start from her own caseload. */
  'holdCaseload',
  /** Staff: plan and hold meetings, and see every item of them. */
  'runMeetings',
  /** Staff: read the tenant's organisations. */
  'readOrganisations',
  /** Create and edit the tenant's organisations. */
  'manageOrganisations',
  /** Invite users and (de)activate memberships (a partner admin: in her own organisation). */
  'manageUsers',
  /** Read every participant of the tenant, whoever their referent. */
  'readWholeTenant',
  /** Review and decide referrals (the accreditation commission). */
  'decideReferrals',
  /** Import and edit the priority districts (QPV). */
  'manageDistricts',
  /** Read the whole access log, every participant, filtered by partner. */
  'readAccessLog',
  /** Keep an agenda of appointments. */
  'keepAgenda',
  /** Read and book into any referent's agenda, not only one's own. */
  'readAnyAgenda',
  /** A partner: follow the participants shared with her organisation, and refer people. */
  'followSharedParticipants',
  /** A partner employing participants: file the monthly assisted-contract reports. */
  'reportOnContracts',
  /** A training operator: record attendance and results of its trainings. */
  'reportOnTraining',
  /** A commune: read the figures of its inhabitants. */
  'readCommuneFigures',
  /** Staff: read activity reports (a referent: her own caseload; her operator's when colleagues' files are readable). */
  'readActivityReports',
  /** Staff: read the referents' monitoring figures (a referent her own; whole-tenant staff every referent's). */
  'readMonitoring',
  /** Set the PLIE's own settings (the caseload target of its referents). */
  'manageTenantSettings',
  /** Keep the ESF+ operations and move a pathway from one to another (the animation team). */
  'manageEsfOperations',
  /** Read the ESF+ indicators of the PLIE's operations and export them. */
  'readEsfIndicators',
  /** Staff: keep the PLIE's directory of companies, their contacts and what happened with each. */
  'followCompanies',
  'postJobOffers',
  /** Import participants, pathways and stages from another tool's export (the animation team). */
  'importFiles',
  /** The animation team: keep the PLIE's programme of actions, their sessions and the stage-kind catalogue. */
  'manageProgramme',
  /** A partner running actions of the programme: answer the positionings shared with it. */
  'answerPositionings',
  /** The animation team: the files' life cycle (dry run, runs, archived files opened with a reason, erasure on request). */
  'manageRetention',
  /** Answer the participants' requests for correction or erasure of their data (RGPD art. 16, 17). */
  'answerRightsRequests',
  /** Send referents to hold office hours in member communes and priority districts. */
  'assignOfficeHours',
  /** A commune: see its office hours, book them for residents it refers, read their occupancy. */
  'bookOfficeHours',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

const STAFF = [MembershipRole.TENANT_ADMIN, MembershipRole.ANIMATION_TEAM, MembershipRole.REFERENT];
const WHOLE_TENANT = [MembershipRole.TENANT_ADMIN, MembershipRole.ANIMATION_TEAM];
const PARTNERS = [MembershipRole.PARTNER_AGENT, MembershipRole.PARTNER_ADMIN];

interface Grant {
  roles: readonly MembershipRole[];
  /** Absent: any kind of organisation the role may be held in. */
  organisationKinds?: readonly OrganisationKind[];
}

/** THE table: who holds each capability, by role and, where the rule depends on it, organisation kind. */
const GRANTS: Record<Capability, Grant> = {
  actInTenant: { roles: [...STAFF, ...PARTNERS] },
  followParticipants: { roles: STAFF },
  holdCaseload: { roles: [MembershipRole.REFERENT] },
  runMeetings: { roles: STAFF },
  readOrganisations: { roles: STAFF },
  manageOrganisations: { roles: [MembershipRole.TENANT_ADMIN] },
  manageUsers: { roles: [MembershipRole.TENANT_ADMIN, MembershipRole.PARTNER_ADMIN] },
  readWholeTenant: { roles: WHOLE_TENANT },
  decideReferrals: { roles: WHOLE_TENANT },
  manageDistricts: { roles: WHOLE_TENANT },
  readAccessLog: { roles: WHOLE_TENANT },
  keepAgenda: { roles: [MembershipRole.REFERENT, MembershipRole.ANIMATION_TEAM] },
  readAnyAgenda: { roles: WHOLE_TENANT },
  followSharedParticipants: { roles: PARTNERS },
  // Communes refer and follow but employ nobody through the PLIE.
  reportOnContracts: {
    roles: PARTNERS,
    organisationKinds: [OrganisationKind.INTEGRATION_COMPANY, OrganisationKind.TRAINING_OPERATOR, OrganisationKind.OTHER_PARTNER],
  },
  reportOnTraining: { roles: PARTNERS, organisationKinds: [OrganisationKind.TRAINING_OPERATOR] },
  readCommuneFigures: { roles: PARTNERS, organisationKinds: [OrganisationKind.COMMUNE] },
  readActivityReports: { roles: STAFF },
  readMonitoring: { roles: STAFF },
  manageTenantSettings: { roles: [MembershipRole.TENANT_ADMIN] },
  manageEsfOperations: { roles: WHOLE_TENANT },
  readEsfIndicators: { roles: WHOLE_TENANT },
  followCompanies: { roles: STAFF },
  // The employers among partners (the ACI, the ETTI) post their offers and answer candidacies.
  postJobOffers: { roles: PARTNERS, organisationKinds: [OrganisationKind.INTEGRATION_COMPANY] },
  importFiles: { roles: WHOLE_TENANT },
  manageProgramme: { roles: WHOLE_TENANT },
  // The operators of actions: trainings, integration work and other partners' workshops.
  answerPositionings: {
    roles: PARTNERS,
    organisationKinds: [OrganisationKind.INTEGRATION_COMPANY, OrganisationKind.TRAINING_OPERATOR, OrganisationKind.OTHER_PARTNER],
  },
  manageRetention: { roles: WHOLE_TENANT },
  answerRightsRequests: { roles: WHOLE_TENANT },
  assignOfficeHours: { roles: WHOLE_TENANT },
  bookOfficeHours: { roles: PARTNERS, organisationKinds: [OrganisationKind.COMMUNE] },
};

/** Who acts: the role of the active membership and the kind of its organisation. */
export interface CapabilityHolder {
  role: MembershipRole;
  organisationKind: OrganisationKind;
}

export function holds(holder: CapabilityHolder, capability: Capability): boolean {
  const grant = GRANTS[capability];
  return grant.roles.includes(holder.role) && (!grant.organisationKinds || grant.organisationKinds.includes(holder.organisationKind));
}

/** Every capability, true or false, for one membership (the API's `me { can }`). */
export function capabilitiesOf(holder: CapabilityHolder): Record<Capability, boolean> {
  return Object.fromEntries(CAPABILITIES.map((capability) => [capability, holds(holder, capability)])) as Record<Capability, boolean>;
}

/** The roles holding a capability, whatever the organisation kind condition (the permission snapshot). */
export function rolesHolding(capability: Capability): readonly MembershipRole[] {
  return GRANTS[capability].roles;
}

/** The table as reviewable lines, one per capability: `name: ROLE, ROLE (in KIND, KIND)`. */
export function describeCapabilities(): string[] {
  return CAPABILITIES.map((capability) => {
    const { roles, organisationKinds } = GRANTS[capability];
    return `${capability}: ${roles.join(', ')}${organisationKinds ? ` (in ${organisationKinds.join(', ')})` : ''}`;
  });
}
