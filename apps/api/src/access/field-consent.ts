import { Extensions } from 'type-graphql';
import {
  getNamedType,
  isNonNullType,
  isObjectType,
  responsePathAsArray,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { FieldClass } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { type ConsentScope, type ConsentSubject, subjectOf } from './consent-scope';

const FIELD_EXTENSION = 'dataClass';
const TYPE_EXTENSION = 'sharedAs';
const NARROWED_EXTENSION = 'sharedAsNarrowedBy';

/** Declares the data class of a field of a participant-bearing type. */
export function Shared(fieldClass: FieldClass): PropertyDecorator & MethodDecorator {
  return Extensions({ [FIELD_EXTENSION]: fieldClass });
}

/**
 * Marks a type as participant-bearing: its objects carry a ConsentSubject, and every field must
 * declare a class. `exists` says under which class an object of the type is shown at all.
 */
export function SharedType(exists: FieldClass, narrowedBy?: string): ClassDecorator {
  return Extensions({ [TYPE_EXTENSION]: exists, ...(narrowedBy ? { [NARROWED_EXTENSION]: narrowedBy } : {}) });
}

function visible(scope: ConsentScope, value: unknown): boolean {
  const subject = subjectOf(value);
  return !subject || (subject.scope ?? scope).allows(subject, subject.itemClass);
}

/** Drops, from a resolved value, the objects the viewer may not see: lists shrink, single objects become null. */
function keepShared(scope: ConsentScope, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.some((item) => subjectOf(item)) ? value.filter((item) => visible(scope, item)) : value;
  return visible(scope, value) ? value : null;
}

/** What the consent guard needs of a field, read once from the schema when the guard is put on it. */
export interface FieldConsent {
  /** The parent type is participant-bearing: its objects must carry a ConsentSubject. */
  bearing: boolean;
  /** The field's declared data class (`id` takes its object's). */
  declared: FieldClass | undefined;
}

export function fieldConsentOf(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): FieldConsent {
  return { bearing: type.extensions?.[TYPE_EXTENSION] !== undefined, declared: field.extensions?.[FIELD_EXTENSION] as FieldClass | undefined };
}

const isPromise = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/**
 * The one place consent is enforced on the API's output. For a partner (or a referent's preview
 * of one), a field of a participant-bearing object is null unless its class is shared, and every
 * participant-bearing object reached by any path (root query, nested field, node) is dropped
 * unless the object itself is shared. Staff pass through: their role already scoped the rows.
 *
 * Synchronous once the request's consents are loaded (the first field that needs them loads
 * them): a field whose value is plain stays plain, so graphql-js resolves the thousands of fields
 * of a list without a promise each. `resolve` is the field's own resolver.
 */
export function enforceConsent(
  consent: FieldConsent,
  resolve: GraphQLFieldResolver<unknown, RequestContext>,
  root: unknown,
  args: Record<string, unknown>,
  context: RequestContext,
  info: GraphQLResolveInfo,
): unknown {
  const subject = subjectOf(root);
  const scope = subject?.scope ?? context.consent;
  if (!scope.governsByConsent) return resolve(root, args, context, info);
  if (!scope.loaded) return scope.load().then(() => decided(consent, resolve, scope, subject, root, args, context, info));
  return decided(consent, resolve, scope, subject, root, args, context, info);
}

// The field's arguments are passed along rather than closed over: this runs for every field of
// every object (5,000 in a page of 70 people), and a closure each was a tenth of the allocations.
function decided(
  consent: FieldConsent,
  resolve: GraphQLFieldResolver<unknown, RequestContext>,
  scope: ConsentScope,
  subject: ConsentSubject | undefined,
  root: unknown,
  args: Record<string, unknown>,
  context: RequestContext,
  info: GraphQLResolveInfo,
): unknown {
  // Fail closed: an object of a participant-bearing type that does not say whose data it is shows nothing.
  if (!subject && consent.bearing) throw new Error(`${info.parentType.name} object without a consent subject`);
  if (subject) {
    // The Node id is shown exactly when its object is.
    const fieldClass = consent.declared ?? (info.fieldName === 'id' ? subject.itemClass : undefined);
    if (!fieldClass) throw new Error(`${info.parentType.name}.${info.fieldName} declares no data class`);
    // The object was shown under its own class (keepShared, on the field that returned it): so are its fields of that class.
    if (fieldClass !== subject.itemClass && !scope.allows(subject, fieldClass)) {
      context.redactions.push({ path: responsePathAsArray(info.path).join('.'), dataClass: fieldClass });
      return null;
    }
  }
  const value = resolve(root, args, context, info);
  // Objects a resolver returns may belong to a preview scope already loaded, or to this one.
  return isPromise(value) ? Promise.resolve(value).then((resolved) => keepShared(scope, resolved)) : keepShared(scope, value);
}

/**
 * Every participant-bearing type and field with its data class, for the permission snapshot; and
 * the mistakes that would leak or break: an undeclared field, or a non-null field whose class may
 * be withheld while its object is shown.
 */
export function describeDataClasses(schema: GraphQLSchema): { lines: string[]; problems: string[] } {
  const lines: string[] = [];
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const exists = type.extensions?.[TYPE_EXTENSION] as string | undefined;
    if (exists === undefined) continue;
    const narrowed = type.extensions?.[NARROWED_EXTENSION] as string | undefined;
    lines.push(`${type.name} (shown under ${exists}${narrowed ? `, ${narrowed}` : ''})`);
    for (const field of Object.values(type.getFields())) {
      const fieldClass: string | undefined = (field.extensions?.[FIELD_EXTENSION] as string | undefined) ?? (field.name === 'id' ? exists : undefined);
      if (!fieldClass) problems.push(`${type.name}.${field.name} declares no data class`);
      else if (isNonNullType(field.type) && fieldClass !== exists && fieldClass !== 'IDENTIFICATION')
        problems.push(`${type.name}.${field.name} (${fieldClass}) must be nullable: it is withheld while ${type.name} is shown`);
      lines.push(`${type.name}.${field.name}: ${fieldClass ?? 'UNDECLARED'} (${getNamedType(field.type).name})`);
    }
  }
  return { lines: lines.sort(), problems };
}
