import { isCommuneCode, isTradeCode } from '@jalon/reference-data/node';
import {
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { Extensions, getMetadataStorage } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import type { MessageKey } from '../i18n/messages';
import { InputProblems } from './errors';
import { selectedFields, type OperationScope } from './selected-fields';

/**
 * Every argument of every field an operation selects is checked here, against the limits its input
 * fields declare, before any resolver runs: a new input cannot forget them. Texts are one line of at most
 * TEXT_MAX characters unless declared otherwise, lists at most LIST_MAX items, and a field named
 * after a reference code holds a known code. PostgreSQL refuses NUL in text, and nobody types
 * control characters: they are refused too (tabs and line breaks only in multi-line texts).
 */
export const TEXT_MAX = 200;
export const LIST_MAX = 100;

interface InputLimits {
  maxLength?: number;
  multiline?: boolean;
  maxItems?: number;
}

/** A text of several lines (notes, minutes): line breaks and tabs allowed, up to `maxLength`. */
export const LongText = (maxLength: number) => Extensions({ maxLength, multiline: true } satisfies InputLimits);
/** A one-line text with its own length limit (a phone number, a code, a password). */
export const MaxLength = (maxLength: number) => Extensions({ maxLength } satisfies InputLimits);
/** A list that may hold more than LIST_MAX items (a month's reports for a large group). */
export const MaxItems = (maxItems: number) => Extensions({ maxItems } satisfies InputLimits);

/**
 * type-graphql builds the fields an input type inherits from its parent class (AddStageInput's
 * notes, from StagePlanInput) without their extensions: the limits declared there are given back
 * to them here, once the schema is built.
 */
export function inheritInputLimits(schema: GraphQLSchema): GraphQLSchema {
  const inputTypes = getMetadataStorage().inputTypes;
  for (const input of inputTypes) {
    const type = schema.getType(input.name);
    if (!isInputObjectType(type)) continue;
    const ancestors = inputTypes.filter((other) => other !== input && Object.prototype.isPrototypeOf.call(other.target, input.target));
    for (const field of Object.values(type.getFields())) {
      if (Object.keys(field.extensions).length > 0) continue;
      const declared = ancestors.map((ancestor) => ancestor.fields?.find((f) => f.name === field.name)?.extensions).find((e) => e && Object.keys(e).length > 0);
      if (declared) field.extensions = declared;
    }
  }
  return schema;
}

/** Arguments given outside an input type (type-graphql gives them no extensions) that need more than the defaults. */
const ARGUMENT_LIMITS: Record<string, InputLimits> = {
  // The ANCT's list of priority districts, as a CSV file.
  'Mutation.importPriorityDistricts.csv': { maxLength: 1_000_000, multiline: true },
  'Mutation.revokeConsent.reason': { maxLength: 1000, multiline: true },
  // As the names of ParticipantDetailsInput.
  'Query.possibleDuplicates.lastName': { maxLength: 100 },
  'Query.possibleDuplicates.firstName': { maxLength: 100 },
};

// Control characters are what these patterns are about.
// eslint-disable-next-line no-control-regex
const ONE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const MULTILINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

type CodeCheck = { message: MessageKey; known: (code: string) => boolean };

const commune: CodeCheck = { message: 'error.communeUnknown', known: isCommuneCode };
const trade: CodeCheck = { message: 'error.romeCodeUnknown', known: (code) => isTradeCode(code.toUpperCase()) };

/**
 * Fields named after a national reference code, whatever the input: their values must be known
 * codes (a tenant's own codes, such as stage kinds, are checked by the service that reads them).
 */
const REFERENCE_CODES: Record<string, CodeCheck> = {
  communeCode: commune,
  communeCodes: commune,
  inseeCode: commune,
  romeCode: trade,
  romeCodes: trade,
};

/**
 * Checks one value; what is wrong with it is added to `problems`. Problems are named as the services name them (and the portal its form
 * fields): by the field's name, nested objects flattened (`firstName`, not `details.firstName`),
 * list items by index (`reports.3.comment`), arguments other than `input` by their own name first.
 */
function checkValue(problems: InputProblems, value: unknown, type: GraphQLInputType, limits: InputLimits, prefix: string, name: string) {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  const path = join(prefix, name);
  if (isListType(nullable) && Array.isArray(value)) {
    const max = limits.maxItems ?? LIST_MAX;
    if (value.length > max) return problems.add(path, 'error.tooManyItems', { max });
    value.forEach((item, i) =>
      isInputObjectType(getNullableType(nullable.ofType))
        ? checkValue(problems, item, nullable.ofType, limits, join(path, String(i)), '')
        : checkValue(problems, item, nullable.ofType, limits, prefix, name),
    );
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      checkValue(problems, (value as Record<string, unknown>)[field.name], field.type, limitsOf(field), prefix, field.name);
    }
    return;
  }
  if (!isScalarType(nullable) || typeof value !== 'string') return;
  const max = limits.maxLength ?? TEXT_MAX;
  if (value.length > max) return problems.add(path, 'error.tooLong', { max });
  if ((limits.multiline ? MULTILINE_FORBIDDEN : ONE_LINE_FORBIDDEN).test(value)) return problems.add(path, 'error.controlCharacter');
  const code = REFERENCE_CODES[name];
  // A blank code means "none".
  if (code && value.trim() && !code.known(value.trim())) problems.add(path, code.message);
}

function join(path: string, name: string): string {
  return path && name ? `${path}.${name}` : path || name;
}

function limitsOf(field: GraphQLInputField | GraphQLArgument): InputLimits {
  return (field.extensions ?? {}) as InputLimits;
}

/**
 * Checks the arguments of every field the operation selects, before anything runs; throws the
 * every problem found at once, each on its field's path.
 */
export function checkOperationInputs(ctx: RequestContext, scope: OperationScope, rootType: GraphQLObjectType, selectionSet: SelectionSetNode): void {
  const problems = new InputProblems(ctx);
  const visit = (type: GraphQLCompositeType, selections: SelectionSetNode) => {
    for (const field of selectedFields(scope, type, selections)) {
      for (const argument of field.definition?.args ?? []) {
        const limits = ARGUMENT_LIMITS[`${type.name}.${field.name}.${argument.name}`] ?? limitsOf(argument);
        // `input` is the operation's form: its fields are named alone; another argument names its own (`filter.search`).
        const own = argument.name !== 'input' && isInputObjectType(getNullableType(argument.type));
        checkValue(problems, field.args[argument.name], argument.type, limits, own ? argument.name : '', own ? '' : argument.name);
      }
      if (field.selections) visit(field.selections.type, field.selections.selectionSet);
    }
  };
  visit(rootType, selectionSet);
  problems.throwIfAny();
}
