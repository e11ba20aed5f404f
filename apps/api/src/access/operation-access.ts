import { Extensions } from 'type-graphql';
import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { consentDecidesOn, decideWithObject, enforceConsent, fieldConsentOf } from './field-consent';
import { holds, rolesHolding, type Capability } from '@jalon/domain';
import type { Actor, RequestContext } from '../context/request-context';
import { errors } from '../graphql/errors';

/**
 * Who may call an operation or read a field: anyone, any logged-in user (with or without an
 * active membership), or holders of a capability (packages/domain, capability.ts) through their
 * active membership. What partners then reach is narrowed by consent (consent-scope.ts, field-consent.ts).
 */
export type AccessRule = 'PUBLIC' | 'AUTHENTICATED' | 'PARTICIPANT' | Capability;

const EXTENSION = 'allow';

/** Declares the access rule of a query, mutation or field. Undeclared operations are refused. */
export function Allow(rule: AccessRule): MethodDecorator & PropertyDecorator {
  return Extensions({ [EXTENSION]: rule });
}

function ruleOf(field: GraphQLField<unknown, unknown> | undefined): AccessRule | undefined {
  return field?.extensions?.[EXTENSION] as AccessRule | undefined;
}

/** Whether the actor's active membership holds the capability (false without one). */
export function may(actor: Actor | null, capability: Capability): boolean {
  return !!actor?.membership && holds(actor.membership, capability);
}

export function mayCall(rule: AccessRule, actor: Actor | null): boolean {
  if (rule === 'PUBLIC') return true;
  // A participant's own operations: no user or membership ever calls them (assertRuleAllows).
  if (!actor || rule === 'PARTICIPANT') return false;
  if (rule === 'AUTHENTICATED') return true;
  return may(actor, rule);
}

/** Whether the request's principal (a user's membership, or a participant in her own space) may call an operation of this rule. */
export function mayCallIn(rule: AccessRule, context: Pick<RequestContext, 'actor' | 'participant'>): boolean {
  return rule === 'PARTICIPANT' ? !!context.participant : mayCall(rule, context.actor);
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * The role gate of one field: operations must declare a rule (deny by default), fields may
 * narrow it. An anonymous caller is told to log in (and why, if their session just ended).
 */
function assertRuleAllows(rule: AccessRule | undefined, root: boolean, context: RequestContext): void {
  if (rule === undefined) {
    if (root) throw errors.forbidden(context);
    return;
  }
  // A participant in her own space reaches the operations for her and nothing else; they, nobody else.
  if (rule === 'PARTICIPANT') {
    if (!context.participant) throw errors.unauthenticated(context, context.sessionExpired ? 'SESSION_EXPIRED' : 'NOT_LOGGED_IN');
    return;
  }
  if (!mayCall(rule, context.actor)) {
    if (!context.actor) throw errors.unauthenticated(context, context.sessionExpired ? 'SESSION_EXPIRED' : 'NOT_LOGGED_IN');
    throw errors.forbidden(context, context.actor.membership ? 'error.forbidden' : 'error.noActiveMembership');
  }
}

/**
 * Puts the one guard every field goes through on the built schema: the role rule, then consent
 * (field-consent.ts). What each field declares is read here once, not on every call. A field with
 * no rule of its own, on which consent has nothing to decide (field-consent.ts, consentDecidesOn)
 * or decides with its object (decideWithObject), keeps its own resolver: a list of 700 stages
 * reads its names, dates, statuses and summaries as they are.
 */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const root = ROOT_TYPES.has(type.name);
    for (const field of Object.values(type.getFields())) {
      const rule = ruleOf(field);
      const consent = fieldConsentOf(schema, type, field);
      if (!root && rule === undefined && (!consentDecidesOn(type, field, consent) || decideWithObject(type, field, consent))) continue;
      const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        assertRuleAllows(rule, root, context);
        return enforceConsent(consent, resolve, source, args, context, info);
      };
    }
  }
  return schema;
}

/** A rule as the snapshot shows it: the capability and, for review, the roles holding it. */
function describeRule(rule: AccessRule): string {
  return rule === 'PUBLIC' || rule === 'AUTHENTICATED' || rule === 'PARTICIPANT' ? rule : `${rule} [${rolesHolding(rule).join(', ')}]`;
}

/** Every operation and field with its access rule, for the permission snapshot. */
export function describeAccessRules(schema: GraphQLSchema): string[] {
  const lines: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = ruleOf(field);
      if (ROOT_TYPES.has(type.name)) lines.push(`${type.name}.${field.name}: ${rule ? describeRule(rule) : 'UNDECLARED'}`);
      else if (rule) lines.push(`${type.name}.${field.name}: ${describeRule(rule)} (${getNamedType(field.type).name})`);
    }
  }
  return lines.sort();
}
