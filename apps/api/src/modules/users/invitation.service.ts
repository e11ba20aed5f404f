import { isRoleAllowedIn, checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { findValidInvitation } from './invitation-lookup';
import { readableMembersOrganisation } from '../../access/authored-access';
import { activeMembership } from '../../access/tenant-scope';
import { errors, InputProblems } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import { requiredEmail, requiredText } from '../../graphql/text-input';
import { openSession } from '../auth/auth.service';
import { hashPassword, verifyPassword } from '../auth/password-hash';
import { UserCredential } from '../auth/user-credential.entity';
import { newSecretToken } from '../../access/secret-token';
import type { ViewerType } from '../auth/viewer.type';
import { getOrganisation } from '../organisations/organisation.service';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { Invitation } from './invitation.entity';
import type { InvitationPreviewType } from './invitation.type';
import { User } from './user.entity';
import type { AcceptInvitationInput, InviteUserInput } from './user.inputs';

function acceptUrl(ctx: RequestContext, token: string): string {
  return `${ctx.config.PUBLIC_URL ?? ctx.origin}/invitation/${token}`;
}

export async function inviteUser(ctx: RequestContext, input: InviteUserInput): Promise<{ invitation: Invitation; acceptUrl: string }> {
  const { tenantId, userId } = { ...activeMembership(ctx), userId: ctx.actor!.userId };
  const problems = new InputProblems(ctx);
  const checkedEmail = problems.check(() => requiredEmail(ctx, 'email', input.email));
  const displayName = problems.check(() => requiredText(ctx, 'displayName', input.displayName));
  const organisation = await getOrganisation(ctx, input.organisationId, 'organisationId');
  const own = readableMembersOrganisation(ctx);
  if (own && organisation.id !== own) problems.add('organisationId', 'error.notYourOrganisation');
  if (!isRoleAllowedIn(input.role, organisation.kind)) problems.add('role', 'error.roleNotAllowed');
  if (checkedEmail && (await ctx.em.count(Membership, { organisation, active: true, user: { email: checkedEmail } })) > 0)
    problems.add('email', 'error.alreadyMember');
  problems.throwIfAny();
  const email = checkedEmail!;

  const now = ctx.now;
  // A new invitation replaces any pending one for the same person and organisation.
  await ctx.em.nativeUpdate(Invitation, { email, organisation, acceptedAt: null, revokedAt: null }, { revokedAt: now });
  const { token, hash } = newSecretToken();
  const invitation = ctx.em.create(Invitation, {
    tenant: ctx.em.getReference(Tenant, tenantId),
    email,
    displayName: displayName!,
    organisation,
    role: input.role,
    tokenHash: hash,
    invitedBy: ctx.em.getReference(User, userId),
    expiresAt: new Date(now.getTime() + ctx.config.INVITATION_VALID_DAYS * 86_400_000),
  });
  await ctx.em.flush();
  return { invitation, acceptUrl: acceptUrl(ctx, token) };
}

export function listPendingInvitations(ctx: RequestContext): Promise<Invitation[]> {
  const own = readableMembersOrganisation(ctx);
  return ctx.em.find(
    Invitation,
    { acceptedAt: null, revokedAt: null, ...(own ? { organisation: own } : {}) },
    { populate: ['organisation'], orderBy: { createdAt: 'desc' } },
  );
}

export async function revokeInvitation(ctx: RequestContext, globalId: string): Promise<Invitation> {
  const parsed = parseGlobalId(globalId, 'Invitation');
  const own = readableMembersOrganisation(ctx);
  const invitation = parsed && (await ctx.em.findOne(Invitation, { id: parsed.id, ...(own ? { organisation: own } : {}) }, { populate: ['organisation'] }));
  if (!invitation) throw errors.notFound(ctx, 'id');
  invitation.revokedAt ??= ctx.now;
  await ctx.em.flush();
  return invitation;
}

export async function previewInvitation(ctx: RequestContext, token: string): Promise<InvitationPreviewType | null> {
  const invitation = await findValidInvitation(ctx.em, token);
  if (!invitation) return null;
  const existing = await ctx.em.count(UserCredential, { user: { email: invitation.email } });
  return {
    email: invitation.email,
    displayName: invitation.displayName,
    tenantName: invitation.tenant.name,
    organisationName: invitation.organisation.name,
    role: invitation.role,
    accountExists: existing > 0,
  };
}

/**
 * Sets the invitee's password (or checks it, if the email already has an account), grants the
 * membership and logs them in acting through it.
 */
export async function acceptInvitation(ctx: RequestContext, input: AcceptInvitationInput): Promise<ViewerType> {
  const invitation = await findValidInvitation(ctx.em, input.token);
  if (!invitation) throw errors.badInput(ctx, 'token', 'error.invitationInvalid');
  const existing = await ctx.em.findOne(User, { email: invitation.email });
  let credential = existing && (await ctx.em.findOne(UserCredential, { user: existing }));
  if (credential) {
    if (!(await verifyPassword(credential.passwordHash, input.password))) throw errors.badInput(ctx, 'password', 'error.existingAccountPassword');
  } else {
    const problem = checkPassword(input.password);
    if (problem === 'TOO_SHORT') throw errors.badInput(ctx, 'password', 'error.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    if (problem === 'TOO_LONG') throw errors.badInput(ctx, 'password', 'error.passwordTooLong', { max: PASSWORD_MAX_LENGTH });
    const user = existing ?? ctx.em.create(User, { email: invitation.email, displayName: invitation.displayName });
    credential = ctx.em.create(UserCredential, { user, passwordHash: await hashPassword(input.password) });
  }
  const { user } = credential;
  const membership =
    (await ctx.em.findOne(Membership, { user, organisation: invitation.organisation })) ??
    ctx.em.create(Membership, { tenant: invitation.tenant, user, organisation: invitation.organisation, role: invitation.role });
  membership.role = invitation.role;
  membership.active = true;
  invitation.acceptedAt = ctx.now;
  await ctx.em.flush();
  return openSession(ctx, user, membership.id);
}
