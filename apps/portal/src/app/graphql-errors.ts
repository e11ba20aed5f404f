import { CombinedGraphQLErrors, ServerError, type ErrorLike } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';

/** The stable codes the API puts in `extensions.code`, listed in the README ("The API"). */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

/** The GraphQL errors of a failure, also those of a 503 answer (SERVICE_UNAVAILABLE), which Apollo reports as a ServerError. */
export function graphQLErrorsOf(error: unknown): readonly GraphQLFormattedError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error) && error.statusCode === 503) {
    try {
      return (JSON.parse(error.bodyText) as { errors?: GraphQLFormattedError[] }).errors ?? [];
    } catch {
      return [];
    }
  }
  return [];
}

/** The code of the first GraphQL error, or null for a network failure or anything else. */
export function errorCode(error: unknown): ErrorCode | string | null {
  const code = graphQLErrorsOf(error)[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return graphQLErrorsOf(error).some((e) => e.extensions?.code === code);
}

/** The field an error is about (`extensions.field`), when the API named one. */
export function errorField(error: GraphQLFormattedError): string | null {
  const field = error.extensions?.field;
  return typeof field === 'string' ? field : null;
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every field an error is about: `extensions.fields` lists them all when the API checked several;
 * an API that names only one (`extensions.field`) gives that one with the error's message.
 */
export function errorFields(error: GraphQLFormattedError): FieldError[] {
  const fields = error.extensions?.fields;
  if (Array.isArray(fields)) {
    return fields.filter((f): f is FieldError => typeof f?.field === 'string' && typeof f?.message === 'string');
  }
  const field = errorField(error);
  return field ? [{ field, message: error.message }] : [];
}

/**
 * A message for people: the API's own (already in the UI language) for GraphQL errors, else the
 * given fallback for network failures, which carry no message fit to show.
 */
export function errorMessage(error: ErrorLike | unknown, networkFallback: string): string {
  const first = graphQLErrorsOf(error)[0];
  return first?.message ?? networkFallback;
}
