import { Extensions } from 'type-graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import {
  getNamedType,
  isNonNullType,
  isAbstractType,
  isObjectType,
  responsePathAsArray,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type FieldNode,
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

/** How a participant-bearing type shows its objects: under which class, and whether some are narrowed to another. */
interface SharedTypeInfo {
  exists: FieldClass;
  narrowed: boolean;
}

/** Read once per type: `shown` asks it for each object of a list. */
const sharedTypes = new WeakMap<GraphQLNamedType, SharedTypeInfo | null>();

function sharedTypeOf(type: GraphQLNamedType | null | undefined): SharedTypeInfo | undefined {
  if (!type) return undefined;
  let info = sharedTypes.get(type);
  if (info === undefined) {
    const exists = type.extensions?.[TYPE_EXTENSION] as FieldClass | undefined;
    info = exists === undefined ? null : { exists, narrowed: type.extensions[NARROWED_EXTENSION] !== undefined };
    sharedTypes.set(type, info);
  }
  return info ?? undefined;
}

/** What the consent guard needs of a field, read once from the schema when the guard is put on it. */
export interface FieldConsent {
  /** The parent type is participant-bearing: its objects carry a ConsentSubject. */
  bearing: boolean;
  /** The field's declared data class (`id` takes its object's). */
  declared: FieldClass | undefined;
  /** The field's named type when objects of a participant-bearing type may come out of it: each is then kept or dropped. */
  returns: GraphQLObjectType | GraphQLAbstractType | undefined;
}

export function fieldConsentOf(schema: GraphQLSchema, type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): FieldConsent {
  const named = getNamedType(field.type);
  const returnsShared = isObjectType(named) ? !!sharedTypeOf(named) : isAbstractType(named) && schema.getPossibleTypes(named).some((t) => sharedTypeOf(t));
  return {
    bearing: sharedTypeOf(type) !== undefined,
    declared: field.extensions?.[FIELD_EXTENSION] as FieldClass | undefined,
    returns: returnsShared ? (named as GraphQLObjectType | GraphQLAbstractType) : undefined,
  };
}

/**
 * Whether consent has anything to decide on this field. It has not when the field neither returns
 * participant-bearing objects nor belongs to one under another class than the object's own: such
 * a field is shown exactly when its object is, and its object was decided (keepShared) on the
 * field that returned it, under the type's class, checked there. Those fields are left plain, so
 * the bulk of a list's fields (names, dates, statuses) is read without any guard.
 */
export function consentDecidesOn(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, consent: FieldConsent): boolean {
  if (consent.returns) return true;
  const shared = sharedTypeOf(type);
  if (!shared) return false;
  if (shared.narrowed) return true;
  return (consent.declared ?? (field.name === 'id' ? shared.exists : undefined)) !== shared.exists;
}

/** The fields of each participant-bearing type decided with their object, and their classes. */
const decidedWithObject = new WeakMap<GraphQLObjectType, Map<string, FieldClass>>();

/**
 * Whether consent decides on this field with its object rather than on the field itself, and if
 * so records it: a plain value (no resolver of its own) declaring another class than its object's,
 * in a type whose objects are not narrowed. Where its class is withheld, the field is null in the
 * object handed to graphql-js, made when the field that returned the object keeps it
 * (keepShared): the same decision, taken without a resolver per field (700 stages' summaries in a
 * partner's list). A field with a resolver or a rule of its own stays guarded on the field.
 */
export function decideWithObject(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, consent: FieldConsent): boolean {
  const shared = sharedTypeOf(type);
  if (!shared || shared.narrowed || consent.returns || field.resolve || !consent.declared || consent.declared === shared.exists) return false;
  let fields = decidedWithObject.get(type);
  if (!fields) decidedWithObject.set(type, (fields = new Map()));
  fields.set(field.name, consent.declared);
  return true;
}

/** The concrete type of an object a field returned (abstract types say it themselves, as graphql-js would ask). */
function concreteTypeOf(value: object, returns: GraphQLObjectType | GraphQLAbstractType, context: RequestContext, info: GraphQLResolveInfo) {
  if (isObjectType(returns)) return returns;
  const name = returns.resolveType?.(value, context, info, returns);
  if (typeof name !== 'string') throw new Error(`${returns.name}: the type of an object must be known to decide consent on it`);
  return info.schema.getType(name);
}

/** An object the viewer may not see: dropped from a list, null in place of a single one. */
const DROPPED = Symbol('dropped');

/**
 * The object as shown, decided on the field that returns it: DROPPED unless the object itself is
 * shared, else the object with its fields decided with it (decideWithObject) null where withheld.
 * Fails closed on an object of a participant-bearing type that does not say whose data it is, or
 * that claims another class than its type's: its fields of the type's class are shown without a
 * decision of their own. `index`: its place in the list the field returned, for the redactions' paths.
 */
function shown(
  scope: ConsentScope,
  value: unknown,
  returns: GraphQLObjectType | GraphQLAbstractType,
  context: RequestContext,
  info: GraphQLResolveInfo,
  index?: number,
) {
  if (value === null || typeof value !== 'object') return value;
  const type = concreteTypeOf(value, returns, context, info);
  const shared = sharedTypeOf(type);
  if (!shared) return value;
  const subject = subjectOf(value);
  if (!subject) throw new Error(`${type!.name} object without a consent subject`);
  if (!shared.narrowed && subject.itemClass !== shared.exists) throw new Error(`${type!.name} object shown under ${subject.itemClass}, not ${shared.exists}`);
  const itemScope = subject.scope ?? scope;
  if (!itemScope.allows(subject, subject.itemClass)) return DROPPED;
  return withFieldsDecided(value, type as GraphQLObjectType, subject, itemScope, context, info, index);
}

/**
 * The object with each field decided with it that the query selects (by any alias or fragment)
 * null where the viewer may not see its class, and listed in the answer's redactions; a copy, so
 * the object the resolver made is left as it was. Only the selected fields are decided: a decision
 * that allows is a read, and goes to the access log.
 */
function withFieldsDecided(
  value: object,
  type: GraphQLObjectType,
  subject: ConsentSubject,
  scope: ConsentScope,
  context: RequestContext,
  info: GraphQLResolveInfo,
  index: number | undefined,
): object {
  const fields = decidedWithObject.get(type);
  if (!fields || !scope.governsByConsent) return value;
  let copy: object | undefined;
  const selected = selectedFields(type, context, info);
  // Indexed loops here and in keepShared: they run for every object of a list, and an iterator allocates.
  for (let i = 0; i < selected.length; i++) {
    const { responseKey, fieldName } = selected[i]!;
    const fieldClass = fields.get(fieldName);
    if (fieldClass === undefined || scope.allows(subject, fieldClass)) continue;
    copy ??= Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value);
    // Defined, not assigned: a getter the class may have for the field is shadowed, not called.
    Object.defineProperty(copy, fieldName, { value: null, enumerable: true });
    const path = responsePathAsArray(info.path);
    if (index !== undefined) path.push(index);
    path.push(responseKey);
    context.redactions.push({ path: path.join('.'), dataClass: fieldClass });
  }
  return copy ?? value;
}

/** The fields the query selects on objects of `type` returned by this field, by response key: once per request. */
const selections = new WeakMap<RequestContext, Map<readonly FieldNode[], Map<GraphQLObjectType, SelectedField[]>>>();

interface SelectedField {
  responseKey: string;
  fieldName: string;
}

function selectedFields(type: GraphQLObjectType, context: RequestContext, info: GraphQLResolveInfo): SelectedField[] {
  let byNodes = selections.get(context);
  if (!byNodes) selections.set(context, (byNodes = new Map()));
  let byType = byNodes.get(info.fieldNodes);
  if (!byType) byNodes.set(info.fieldNodes, (byType = new Map()));
  let fields = byType.get(type);
  if (!fields) {
    const collected = collectSubfields(info.schema, info.fragments, info.variableValues, type, info.fieldNodes);
    fields = [...collected].map(([responseKey, nodes]) => ({ responseKey, fieldName: nodes[0]!.name.value }));
    byType.set(type, fields);
  }
  return fields;
}

/** Drops, from a resolved value, the objects the viewer may not see: lists shrink, single objects become null. */
function keepShared(consent: FieldConsent, scope: ConsentScope, value: unknown, context: RequestContext, info: GraphQLResolveInfo): unknown {
  const returns = consent.returns;
  if (!returns || value === null || typeof value !== 'object') return value;
  if (!Array.isArray(value)) {
    const one = shown(scope, value, returns, context, info);
    return one === DROPPED ? null : one;
  }
  const kept: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    const one = shown(scope, value[i], returns, context, info, kept.length);
    if (one !== DROPPED) kept.push(one);
  }
  return kept;
}

/**
 * What staff are shown as it is, their role having scoped the rows, except a preview of what a
 * partner would see (consent.resolver.ts, consentPreview): objects made for it carry the partner's
 * scope, and their fields decided with them are decided for that partner.
 */
function previewed(consent: FieldConsent, value: unknown, context: RequestContext, info: GraphQLResolveInfo): unknown {
  const returns = consent.returns!;
  const one = (item: unknown, index?: number) => {
    const subject = subjectOf(item);
    if (!subject?.scope?.governsByConsent) return item;
    const type = concreteTypeOf(item as object, returns, context, info) as GraphQLObjectType;
    return withFieldsDecided(item as object, type, subject, subject.scope, context, info, index);
  };
  if (!Array.isArray(value)) return one(value);
  return value.some((item) => subjectOf(item)?.scope) ? value.map((item, index) => one(item, index)) : value;
}

const isPromise = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/**
 * The one place consent is enforced on the API's output. For a partner (or a referent's preview
 * of one), a field of a participant-bearing object is null unless its class is shared, and every
 * participant-bearing object reached by any path (root query, nested field, node) is dropped
 * unless the object itself is shared. Staff pass through: their role already scoped the rows.
 * It runs on the fields `consentDecidesOn` names; the others are shown with their object.
 *
 * Synchronous once the request's consents are loaded (the first field that needs them loads
 * them): a field whose value is plain stays plain. `resolve` is the field's own resolver.
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
  if (!scope.governsByConsent) {
    const value = resolve(root, args, context, info);
    if (!consent.returns) return value;
    return isPromise(value) ? Promise.resolve(value).then((resolved) => previewed(consent, resolved, context, info)) : previewed(consent, value, context, info);
  }
  if (!scope.loaded) return scope.load().then(() => decided(consent, resolve, scope, subject, root, args, context, info));
  return decided(consent, resolve, scope, subject, root, args, context, info);
}

// The field's arguments are passed along rather than closed over: this runs for many fields of
// every object, and a closure each was a tenth of the allocations.
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
  return isPromise(value)
    ? Promise.resolve(value).then((resolved) => keepShared(consent, scope, resolved, context, info))
    : keepShared(consent, scope, value, context, info);
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
