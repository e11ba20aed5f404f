import type { RequestContext } from '../context/request-context';
import { errors } from './errors';

/*
 * Texts arrive through GraphQL inputs, whose fields declare their length (input-limits.ts:
 * `LongText`, `MaxLength`, or TEXT_MAX characters): it is checked before any resolver runs, so
 * these helpers only trim and require. A code with a fixed format (postcode, commune, SIRET…) is
 * bounded by its format check.
 */

/** Trims a required text field; empty is refused with the field named. */
export function requiredText(ctx: RequestContext, field: string, value: string | null | undefined): string {
  const text = value?.trim() ?? '';
  if (!text) throw errors.badInput(ctx, field, 'error.required');
  return text;
}

/** Trims an optional text field; blank becomes null. */
export function optionalText(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

/** What an email address and a phone number look like when typed: checked for shape, not existence. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE = /^\+?[\d\s.()-]{6,20}$/;

export function requiredEmail(ctx: RequestContext, field: string, value: string | null | undefined): string {
  const email = requiredText(ctx, field, value).toLowerCase();
  if (!EMAIL.test(email)) throw errors.badInput(ctx, field, 'error.emailInvalid');
  return email;
}

/** A LIKE pattern matching the text anywhere, with LIKE's own wildcards taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
