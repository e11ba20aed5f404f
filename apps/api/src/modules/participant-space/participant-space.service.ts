import { normaliseAccessCode, NotificationKind, RightsRequestKind, RightsRequestStatus, rightsRequestDueOn } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { assertMayEdit } from '../../access/participant-access';
import { RIGHTS_REQUEST_RECIPIENT_KINDS } from '../../access/rights-request-access';
import {
  CODE_ATTEMPT_KEY,
  EMAIL_LINK_MINUTES,
  newAccessCode,
  PARTICIPANT_IDLE_MINUTES,
  PARTICIPANT_SESSION_HOURS,
  PRINTED_CODE_DAYS,
} from '../../access/participant-session';
import { countFailedAttempt, oneAttemptAtATime } from '../../access/login-throttle';
import { applyRlsSettings } from '../../access/request-transaction';
import { hashSecretToken, newSecretToken } from '../../access/secret-token';
import { activeMembership } from '../../access/tenant-scope';
import {
  codeFailuresFromIp,
  endParticipantSession,
  insertAccessCode,
  participantAccessState,
  redeemAccessCode,
  revokeParticipantAccess,
} from '../../db/participant-session.query';
import {
  activeOrganisationsOfKinds,
  answerRightsRequestRow,
  countRightsRequests,
  findRightsRequest,
  insertOwnRightsRequest,
  listRightsRequests,
  withdrawOwnConsent,
  type RightsRequestSortKey,
} from '../../db/participant-space.query';
import { errors, InputProblems } from '../../graphql/errors';
import { pageOf, type Cursor, type PageArgs } from '../../graphql/pagination';
import { encodeCursor, parseGlobalId, toConnection } from '../../graphql/relay';
import { requiredText } from '../../graphql/text-input';
import { Consent } from '../consent/consent.entity';
import { notifyGrantee } from '../consent/consent-events';
import { Notification } from '../notifications/notification.entity';
import { Participant, shortNameOf } from '../participants/participant.entity';
import { Organisation } from '../organisations/organisation.entity';
import { findParticipant } from '../participants/participant.service';
import { mailTransport } from '../notifications/notification-emails';
import { RightsRequestConnection, RightsRequestType } from './participant-space.type';

/** Failed codes from one address within the lock window before it must wait (a shared office keeps some slack). */
export const MAX_CODE_FAILURES_PER_IP = 10;

/**
 * Signs a participant in with what her referent handed her: a printed code typed back, or the
 * secret of a link sent by email. Attempts from one address run one after the other, each failure
 * counted before the next (access/login-throttle.ts), and an address that fails too often waits; a code opens one session and is spent.
 */
async function signIn(ctx: RequestContext, delivery: 'PRINTED' | 'EMAIL', secret: string | null): Promise<boolean> {
  const now = ctx.now;
  const settings = { authEmail: CODE_ATTEMPT_KEY, authIp: ctx.ip };
  await applyRlsSettings(ctx.em, settings);
  await oneAttemptAtATime(ctx.em, [`ip:${ctx.ip}`]);
  const countFailure = () => countFailedAttempt(ctx, CODE_ATTEMPT_KEY, ctx.ip, now);
  const windowStart = new Date(now.getTime() - ctx.config.LOGIN_LOCK_MINUTES * 60_000);
  if ((await codeFailuresFromIp(ctx.em, CODE_ATTEMPT_KEY, ctx.ip, windowStart)) >= MAX_CODE_FAILURES_PER_IP) {
    await countFailure();
    throw errors.rateLimited(ctx, 'error.tooManyAttempts', ctx.config.LOGIN_LOCK_MINUTES * 60);
  }
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(now.getTime() + PARTICIPANT_SESSION_HOURS * 3_600_000);
  const participantId = secret && (await redeemAccessCode(ctx.em, hashSecretToken(secret), delivery, hash, now, expiresAt));
  if (!participantId) {
    await countFailure();
    throw errors.badInput(
      ctx,
      delivery === 'PRINTED' ? 'code' : 'token',
      delivery === 'PRINTED' ? 'error.participantCodeInvalid' : 'error.participantLinkInvalid',
    );
  }
  ctx.participantCookie.set(token, expiresAt);
  return true;
}

export function signInWithCode(ctx: RequestContext, typed: string): Promise<boolean> {
  return signIn(ctx, 'PRINTED', normaliseAccessCode(typed));
}

export function signInWithLink(ctx: RequestContext, token: string): Promise<boolean> {
  return signIn(ctx, 'EMAIL', token.trim() || null);
}

export async function signOutParticipant(ctx: RequestContext): Promise<boolean> {
  if (ctx.participant) await endParticipantSession(ctx.em, ctx.participant.sessionId, ctx.now);
  ctx.participantCookie.clear();
  return true;
}

/**
 * She withdraws one of her consents: ended at once in her own transaction (the partner's next
 * request sees nothing), then the partners it named and her referent's organisation are told, as
 * the system in her tenant once her withdrawal is committed.
 */
export async function withdrawOwnConsentAndTell(ctx: RequestContext, consentGlobalId: string): Promise<boolean> {
  const principal = ctx.participant!;
  const parsed = parseGlobalId(consentGlobalId, 'Consent');
  const withdrawn = parsed && (await withdrawOwnConsent(ctx.em, parsed.id, ctx.now));
  if (!withdrawn) throw errors.notFound(ctx, 'consentId');
  const now = ctx.now;
  ctx.afterRequest.push({
    settings: { tenantId: principal.tenantId, staff: true, now },
    work: async (em) => {
      const consent = await em.findOne(
        Consent,
        { id: withdrawn, participant: principal.participantId },
        { populate: ['participant.referent.organisation', 'granteeOrganisation'] },
      );
      // Told only of what happened: the request may have failed after the withdrawal, which then never was.
      if (!consent || consent.endedAt?.getTime() !== now.getTime()) return;
      await notifyGrantee(em, consent, NotificationKind.CONSENT_REVOKED, now);
      em.create(Notification, {
        tenant: consent.tenant,
        organisation: consent.participant.referent.organisation,
        kind: NotificationKind.CONSENT_WITHDRAWN_BY_PARTICIPANT,
        participant: consent.participant,
        participantLabel: shortNameOf(consent.participant),
      });
      await em.flush();
    },
  });
  return true;
}

/** Her request for correction or erasure, due in one month: listed for the animation team, and told to them. */
export async function submitOwnRightsRequest(ctx: RequestContext, kind: RightsRequestKind, message: string): Promise<string> {
  const principal = ctx.participant!;
  const problems = new InputProblems(ctx);
  const text = problems.check(() => requiredText(ctx, 'message', message));
  if (text && text.length > 4000) problems.add('message', 'error.tooLong', { max: 4000 });
  problems.throwIfAny();
  const today = ctx.now.toISOString().slice(0, 10);
  const id = await insertOwnRightsRequest(ctx.em, {
    participantId: principal.participantId,
    tenantId: principal.tenantId,
    kind,
    message: text!,
    now: ctx.now,
    dueOn: rightsRequestDueOn(today),
  });
  ctx.afterRequest.push({
    settings: { tenantId: principal.tenantId, staff: true, now: ctx.now },
    work: async (em) => {
      // Told only of a request that was recorded (the request may have failed after it), and once.
      const recorded = await findRightsRequest(em, id);
      if (!recorded || recorded.status !== 'OPEN' || (await em.count(Notification, { dedupeKey: `rights-request:${id}` })) > 0) return;
      const participant = await em.findOneOrFail(Participant, { id: principal.participantId });
      for (const organisationId of await activeOrganisationsOfKinds(em, RIGHTS_REQUEST_RECIPIENT_KINDS))
        em.create(Notification, {
          tenant: participant.tenant,
          organisation: em.getReference(Organisation, organisationId),
          kind: NotificationKind.RIGHTS_REQUEST_RECEIVED,
          participant,
          participantLabel: shortNameOf(participant),
          dedupeKey: `rights-request:${id}`,
        });
      await em.flush();
    },
  });
  return id;
}

/** Staff: whether the person can reach her space now, from the file they may edit. */
export async function accessOf(ctx: RequestContext, participantGlobalId: string) {
  const participant = await findParticipant(ctx, participantGlobalId, 'participantId');
  assertMayEdit(ctx, participant);
  const state = await participantAccessState(ctx.em, participant.id, ctx.now, new Date(ctx.now.getTime() - PARTICIPANT_IDLE_MINUTES * 60_000));
  return { participantId: participant.id, ...state };
}

/** Staff: a new printed code for the person (the one before, if unused, stops working). Shown once, never stored in clear. */
export async function issueCode(ctx: RequestContext, participantGlobalId: string): Promise<{ code: string; expiresAt: Date }> {
  const participant = await findParticipant(ctx, participantGlobalId, 'participantId');
  assertMayEdit(ctx, participant);
  const code = newAccessCode();
  const expiresAt = new Date(ctx.now.getTime() + PRINTED_CODE_DAYS * 86_400_000);
  await insertAccessCode(ctx.em, {
    tenantId: activeMembership(ctx).tenantId,
    participantId: participant.id,
    codeHash: hashSecretToken(code),
    delivery: 'PRINTED',
    createdById: ctx.actor!.userId,
    now: ctx.now,
    expiresAt,
  });
  return { code, expiresAt };
}

/**
 * Staff: emails the person a sign-in link (single use, valid EMAIL_LINK_MINUTES) to the address on
 * her file. The secret is in the link's fragment, which browsers never send to a server or in a
 * Referer; only its hash is stored. The mail goes out before the request commits: unsent, no code.
 */
export async function emailSignInLink(ctx: RequestContext, participantGlobalId: string): Promise<Date> {
  const participant = await findParticipant(ctx, participantGlobalId, 'participantId');
  assertMayEdit(ctx, participant);
  if (!participant.email) throw errors.badInput(ctx, 'participantId', 'error.participantHasNoEmail');
  const transport = mailTransport(ctx.config);
  if (!transport) throw errors.badInput(ctx, 'participantId', 'error.mailNotConfigured');
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(ctx.now.getTime() + EMAIL_LINK_MINUTES * 60_000);
  await insertAccessCode(ctx.em, {
    tenantId: activeMembership(ctx).tenantId,
    participantId: participant.id,
    codeHash: hash,
    delivery: 'EMAIL',
    createdById: ctx.actor!.userId,
    now: ctx.now,
    expiresAt,
  });
  const link = `${ctx.config.PUBLIC_URL ?? ctx.origin}/mon-espace/connexion#lien=${token}`;
  await transport.sendMail({
    from: ctx.config.SMTP_FROM,
    to: participant.email,
    subject: 'Votre lien pour entrer dans votre espace',
    text:
      `Bonjour ${participant.firstName},\n\n` +
      `Pour entrer dans votre espace et voir vos rendez-vous, votre plan d'action et qui a consulté votre dossier, ouvrez ce lien :\n\n${link}\n\n` +
      `Il ne sert qu'une fois et marche pendant ${EMAIL_LINK_MINUTES} minutes. Si vous n'avez rien demandé, ne l'ouvrez pas et prévenez votre référent.\n`,
  });
  return expiresAt;
}

/** Staff: ends the person's sessions (at their next request) and her unused codes. */
export async function revokeAccess(ctx: RequestContext, participantGlobalId: string): Promise<string> {
  const participant = await findParticipant(ctx, participantGlobalId, 'participantId');
  assertMayEdit(ctx, participant);
  await revokeParticipantAccess(ctx.em, participant.id, ctx.now);
  return participantGlobalId;
}

/** The animation team closes a request with its answer, at the version it read. */
export async function answerRequest(ctx: RequestContext, globalId: string, version: number, answer: string) {
  const parsed = parseGlobalId(globalId, 'RightsRequest');
  const existing = parsed && (await findRightsRequest(ctx.em, parsed.id));
  if (!existing) throw errors.notFound(ctx, 'id');
  const text = requiredText(ctx, 'answer', answer);
  if (!(await answerRightsRequestRow(ctx.em, { id: existing.id, version, text, userId: ctx.actor!.userId, now: ctx.now }))) throw errors.conflict(ctx);
  return (await findRightsRequest(ctx.em, existing.id))!;
}

/** A cursor's sort key of the to-do list (« 0 2026-05-01 2026-04-01T08:00:00.000000 »), or null when the API did not write it. */
function rightsRequestSortKey(cursor: Cursor): RightsRequestSortKey | null {
  const match = /^([01]) (\d{4}-\d{2}-\d{2}) (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6})$/.exec(cursor.key);
  if (!match) return null;
  const [, answered, dueOn, createdAt] = match as unknown as [string, string, string, string];
  const real = (day: string) => !Number.isNaN(Date.parse(day)) && new Date(day).toISOString().startsWith(day);
  return real(dueOn) && real(createdAt.slice(0, 10)) ? { answered: answered === '1', dueOn, createdAt } : null;
}

/** The animation team's to-do list of correction and erasure requests, a page at a time: open ones first by deadline. */
export async function rightsRequestsPage(
  ctx: RequestContext,
  status: RightsRequestStatus | null,
  page: PageArgs | undefined,
): Promise<RightsRequestConnection> {
  type Row = Awaited<ReturnType<typeof listRightsRequests>>[number];
  const cursorOf = (row: Row) => encodeCursor(`${row.status === RightsRequestStatus.ANSWERED ? 1 : 0} ${row.due_on} ${row.sort_created_at}`, row.id);
  const result = await pageOf(ctx, page, {
    key: 'text',
    fetch: (after, limit) => {
      const key = after && rightsRequestSortKey(after);
      if (after && !key) throw errors.badInput(ctx, 'after', 'error.invalidId');
      return listRightsRequests(ctx.em, status, after && key ? { key, id: after.id } : null, limit);
    },
    count: () => countRightsRequests(ctx.em, status),
    cursorOf,
  });
  return toConnection(
    result,
    cursorOf,
    result.nodes.map((row) => RightsRequestType.fromRow(row)),
  );
}
