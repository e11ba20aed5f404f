import { describe, expect, it } from 'vitest';
import { MembershipRole, OrganisationKind } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { toGlobalId } from '../graphql/relay';
import { mayManageAgendaOf, readableAgendaReferent } from './agenda-access';
import { mayBeReferrer, readableAuthoredRows, readableMembersOrganisation, readableSubmitter } from './authored-access';
import { assertMayAddAgendaItem, assertMayDecideReferrals, mayManage, maySeeWholeMeeting, submitterOf } from './meeting-access';
import { readableMonitoredReferent } from './monitoring-access';
import { may, mayCall } from './operation-access';
import { assertMayEdit, assertMayReadAccessLog, mayEdit, mayReadWholeTenant } from './participant-access';
import { readableReferents } from './referent-access';

// The decisions that need only the actor; those reading the database are covered by the integration tests.
function as(role: MembershipRole, organisationKind: OrganisationKind, colleaguesCanRead = false): RequestContext {
  const membership = { id: `m-${role}`, tenantId: 't', organisationId: `o-${organisationKind}`, organisationKind, role, colleaguesCanRead };
  return { locale: 'fr', actor: { userId: `u-${role}`, sessionId: 's', membership } } as unknown as RequestContext;
}
const referent = as(MembershipRole.REFERENT, OrganisationKind.REFERENT_OPERATOR);
const sharingReferent = as(MembershipRole.REFERENT, OrganisationKind.REFERENT_OPERATOR, true);
const team = as(MembershipRole.ANIMATION_TEAM, OrganisationKind.ANIMATION_TEAM);
const admin = as(MembershipRole.TENANT_ADMIN, OrganisationKind.ANIMATION_TEAM);
const commune = as(MembershipRole.PARTNER_ADMIN, OrganisationKind.COMMUNE);
const siae = as(MembershipRole.PARTNER_AGENT, OrganisationKind.INTEGRATION_COMPANY);
const forbidden = (code = 'FORBIDDEN') => expect.objectContaining({ extensions: expect.objectContaining({ code }) });

describe('operation rules', () => {
  it('let anyone call a public operation, a logged-in user an authenticated one, and a capability holder the rest', () => {
    expect(mayCall('PUBLIC', null)).toBe(true);
    expect(mayCall('AUTHENTICATED', null)).toBe(false);
    expect(mayCall('AUTHENTICATED', { userId: 'u', sessionId: 's', membership: null })).toBe(true);
    expect(mayCall('decideReferrals', team.actor)).toBe(true);
    expect(mayCall('decideReferrals', referent.actor)).toBe(false);
    expect(may({ userId: 'u', sessionId: 's', membership: null }, 'actInTenant')).toBe(false);
  });
});

describe('participant files', () => {
  const own = { referent: { id: `m-${MembershipRole.REFERENT}` } };
  const colleagues = { referent: { id: 'someone-else' } };

  it('give the animation team the whole tenant, a referent her caseload, and a colleague’s file read-only when the tenant allows it', () => {
    expect(mayReadWholeTenant(team)).toBe(true);
    expect(mayReadWholeTenant(referent)).toBe(false);
    expect(mayEdit(team, colleagues)).toBe(true);
    expect(mayEdit(referent, own)).toBe(true);
    expect(mayEdit(referent, colleagues)).toBe(false);
    expect(mayEdit(sharingReferent, colleagues)).toBe(false);
    expect(mayEdit(commune, own)).toBe(false);
  });

  it('refuse a change to a colleague’s file as forbidden and to an unknown one as not found', () => {
    expect(() => assertMayEdit(sharingReferent, colleagues)).toThrow(forbidden());
    expect(() => assertMayEdit(referent, colleagues)).toThrow(forbidden('NOT_FOUND'));
    expect(() => assertMayEdit(referent, own)).not.toThrow();
  });

  it('keep the whole access log to the animation team and tenant admins, with a message saying why', () => {
    expect(() => assertMayReadAccessLog(team, null)).not.toThrow();
    expect(() => assertMayReadAccessLog(admin, undefined)).not.toThrow();
    expect(() => assertMayReadAccessLog(referent, 'participant')).not.toThrow();
    expect(() => assertMayReadAccessLog(referent, null)).toThrow(/réservé à l'équipe d'animation/);
    expect(() => assertMayReadAccessLog(referent, null)).toThrow(forbidden());
  });
});

describe('meetings', () => {
  it('show staff the whole meeting and a partner organisation its invited view', () => {
    expect(maySeeWholeMeeting(referent)).toBe(true);
    expect(maySeeWholeMeeting(commune)).toBe(false);
    expect(() => assertMayAddAgendaItem(referent)).not.toThrow();
    expect(() => assertMayAddAgendaItem(commune)).toThrow(forbidden());
  });

  it("read an agenda with the partner's own submissions of its referrals, and with none for staff", () => {
    const viewing = (viewer: { organisationId: string } | null) => ({ consent: { viewer } }) as unknown as RequestContext;
    expect(submitterOf(viewing({ organisationId: 'o-commune' }))).toBe('o-commune');
    expect(submitterOf(viewing(null))).toBeNull();
  });

  it('let the organiser and the animation team run a meeting, and only the commission decide referrals', () => {
    expect(mayManage(referent, { organiser: { id: `u-${MembershipRole.REFERENT}` } })).toBe(true);
    expect(mayManage(referent, { organiser: { id: 'other' } })).toBe(false);
    expect(mayManage(team, { organiser: { id: 'other' } })).toBe(true);
    expect(mayManage(commune, { organiser: { id: `u-${MembershipRole.PARTNER_ADMIN}` } })).toBe(false);
    expect(() => assertMayDecideReferrals(team)).not.toThrow();
    expect(() => assertMayDecideReferrals(referent)).toThrow(forbidden());
  });
});

describe('agendas', () => {
  it('keep a referent to her own agenda and let the animation team name any referent’s', () => {
    expect(readableAgendaReferent(referent, null)).toBe(`m-${MembershipRole.REFERENT}`);
    expect(() => readableAgendaReferent(referent, toGlobalId('Membership', '00000000-0000-4000-8000-000000000001'))).toThrow(forbidden());
    expect(readableAgendaReferent(team, null)).toBeNull();
    expect(mayManageAgendaOf(referent, 'other')).toBe(false);
    expect(mayManageAgendaOf(team, 'other')).toBe(true);
  });
});

describe('referents', () => {
  it('are the active memberships holding a caseload, whom a file or an appointment may be given to', () => {
    expect(readableReferents()).toEqual({ role: { $in: [MembershipRole.REFERENT] }, active: true });
  });
});

describe('what partners authored', () => {
  it('keep a partner to its own organisation’s rows and submissions, and show staff every one', () => {
    expect(readableAuthoredRows(commune)).toEqual({ organisation: `o-${OrganisationKind.COMMUNE}` });
    expect(readableAuthoredRows(team)).toEqual({});
    expect(readableSubmitter(siae)).toBe(`o-${OrganisationKind.INTEGRATION_COMPANY}`);
    expect(readableSubmitter(referent)).toBeNull();
  });

  it('let staff record a referral as coming from a partner only, never from the PLIE’s own staff', () => {
    expect(mayBeReferrer({ kind: OrganisationKind.COMMUNE })).toBe(true);
    expect(mayBeReferrer({ kind: OrganisationKind.OTHER_PARTNER })).toBe(true);
    expect(mayBeReferrer({ kind: OrganisationKind.REFERENT_OPERATOR })).toBe(false);
    expect(mayBeReferrer({ kind: OrganisationKind.ANIMATION_TEAM })).toBe(false);
  });

  it('give a partner’s administrator her own organisation’s members, and the tenant administrator the whole PLIE’s', () => {
    expect(readableMembersOrganisation(commune)).toBe(`o-${OrganisationKind.COMMUNE}`);
    expect(readableMembersOrganisation(admin)).toBeNull();
  });
});

describe('referent monitoring', () => {
  const colleague = toGlobalId('Membership', '00000000-0000-4000-8000-000000000002');

  it("gives a referent her own figures only, even where she may read colleagues' files, and whole-tenant staff anyone's", () => {
    expect(readableMonitoredReferent(referent, null)).toBe(`m-${MembershipRole.REFERENT}`);
    expect(() => readableMonitoredReferent(sharingReferent, colleague)).toThrow(/votre propre file active/);
    expect(() => readableMonitoredReferent(referent, colleague)).toThrow(forbidden());
    expect(readableMonitoredReferent(team, null)).toBeNull();
    expect(readableMonitoredReferent(admin, colleague)).toBe('00000000-0000-4000-8000-000000000002');
    expect(() => readableMonitoredReferent(team, 'not-an-id')).toThrow(forbidden('BAD_USER_INPUT'));
    expect(() => readableMonitoredReferent(commune, null)).toThrow(forbidden());
  });
});
