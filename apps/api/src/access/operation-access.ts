import { Extensions, type MiddlewareFn } from 'type-graphql';
import { getNamedType, isObjectType, type GraphQLField, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { enforceConsent } from './field-consent';
import { MembershipRole } from '@jalon/domain';
import type { Actor, RequestContext } from '../context/request-context';
import { errors } from '../graphql/errors';

/**
 * Who may call an operation or read a field: anyone, any logged-in user (with or without an
 * active membership), or holders of the listed roles in the active tenant.
 */
export type AccessRule = 'PUBLIC' | 'AUTHENTICATED' | MembershipRole;

const EXTENSION = 'allow';

/** Declares the access rule of a query, mutation or field. Undeclared operations are refused. */
export function Allow(...rules: [AccessRule, ...AccessRule[]]): MethodDecorator & PropertyDecorator {
  return Extensions({ [EXTENSION]: rules });
}

export const STAFF: [MembershipRole, ...MembershipRole[]] = [MembershipRole.TENANT_ADMIN, MembershipRole.ANIMATION_TEAM, MembershipRole.REFERENT];
/** Partners' members: what they reach is then narrowed by consent (consent-scope.ts, field-consent.ts). */
export const PARTNERS: [MembershipRole, ...MembershipRole[]] = [MembershipRole.PARTNER_AGENT, MembershipRole.PARTNER_ADMIN];

function rulesOf(field: GraphQLField<unknown, unknown> | undefined): readonly AccessRule[] | undefined {
  return field?.extensions?.[EXTENSION] as readonly AccessRule[] | undefined;
}

export function isAllowed(rules: readonly AccessRule[], actor: Actor | null): boolean {
  if (rules.includes('PUBLIC')) return true;
  if (!actor) return false;
  if (rules.includes('AUTHENTICATED')) return true;
  return actor.membership !== null && rules.includes(actor.membership.role);
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * The role gate on every resolver: operations must declare a rule (deny by default), fields may
 * narrow it. An anonymous caller is told to log in (and why, if their session just ended).
 */
function assertRuleAllows(info: GraphQLResolveInfo, context: RequestContext): void {
  const rules = rulesOf(info.parentType.getFields()[info.fieldName]);
  if (rules === undefined) {
    if (ROOT_TYPES.has(info.parentType.name)) throw errors.forbidden(context);
    return;
  }
  if (!isAllowed(rules, context.actor)) {
    if (!context.actor) throw errors.unauthenticated(context, context.sessionExpired ? 'SESSION_EXPIRED' : 'NOT_LOGGED_IN');
    throw errors.forbidden(context, context.actor.membership ? 'error.forbidden' : 'error.noActiveMembership');
  }
}

/**
 * The one middleware every field goes through: the role rule, then consent (field-consent.ts).
 * One function rather than two keeps a list of 700 stages from paying two async hops per field.
 */
export const guardField: MiddlewareFn<RequestContext> = (action, next) => {
  assertRuleAllows(action.info, action.context);
  return enforceConsent(action, next);
};

/** Every operation and field with its access rule, for the permission snapshot. */
export function describeAccessRules(schema: GraphQLSchema): string[] {
  const lines: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rules = rulesOf(field);
      if (ROOT_TYPES.has(type.name)) lines.push(`${type.name}.${field.name}: ${rules ? rules.join(', ') : 'UNDECLARED'}`);
      else if (rules) lines.push(`${type.name}.${field.name}: ${rules.join(', ')} (${getNamedType(field.type).name})`);
    }
  }
  return lines.sort();
}
