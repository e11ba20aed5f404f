import type { EntityManager } from '@mikro-orm/postgresql';
import type { FieldClass, MembershipRole, OrganisationKind } from '@jalon/domain';
import type { Config } from '../config';
import type { Locale } from '../i18n/messages';
import type { RlsSettings } from '../access/request-transaction';
import type { ConsentScope } from '../access/consent-scope';

/** Who is acting, resolved once at the edge from the session cookie. */
export interface Actor {
  userId: string;
  sessionId: string;
  /** The membership the user acts through; null when they have no active one left. */
  membership: {
    id: string;
    tenantId: string;
    organisationId: string;
    organisationKind: OrganisationKind;
    role: MembershipRole;
    /** The tenant lets referents read (never edit) their colleagues' participant files. */
    colleaguesCanRead: boolean;
  } | null;
}

/**
 * A participant signed in to her own space: a principal of its own kind, neither a user nor a
 * membership, so that every operation but her own (rule PARTICIPANT) refuses her.
 */
export interface ParticipantPrincipal {
  participantId: string;
  tenantId: string;
  sessionId: string;
}

/** A field withheld from the viewer (access/field-consent.ts), listed in the response's `extensions.redacted`. */
export interface Redaction {
  path: string;
  dataClass: FieldClass;
}

/** Cookie operations the auth resolvers need, without handing them the HTTP reply. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** One per request; built in access/authenticate.ts, read by every resolver and service. */
export interface RequestContext {
  readonly requestId: string;
  readonly config: Config;
  readonly em: EntityManager;
  readonly locale: Locale;
  readonly ip: string;
  /** Scheme and host the request was made to: the address people reach the portal at. */
  readonly origin: string;
  readonly userAgent: string | null;
  readonly actor: Actor | null;
  /** Set instead of `actor` when the request comes with a participant's own session. */
  readonly participant: ParticipantPrincipal | null;
  /** The cookie named a session that is no longer valid (expired, revoked, deactivated). */
  readonly sessionExpired: boolean;
  readonly cookie: SessionCookie;
  readonly participantCookie: SessionCookie;
  /** Writes that must persist even when the request fails (e.g. a failed login is counted). */
  readonly afterRequest: Array<{ settings: RlsSettings; work: (em: EntityManager) => Promise<void> }>;
  /** Set when the operation raised an error. A holder, not a flag: Apollo hands resolvers a shallow copy of the context. */
  /** Whether the request failed, and then whether its writes are kept all the same (a failed sign-in's count). */
  readonly outcome: { failed: boolean; keepOnFailure?: boolean };
  /** The request's instant: every rule that depends on time (sessions, consent validity) reads this one. */
  readonly now: Date;
  /** The consents governing what a partner viewer sees, loaded once per request. */
  readonly consent: ConsentScope;
  /** Per-request batch loaders (DataLoader), by name: one query for a whole page of parents. */
  readonly loaders: Map<string, unknown>;
  /** Fields withheld from the viewer, reported in the response's extensions. */
  readonly redactions: Redaction[];
}
