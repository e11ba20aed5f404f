import type { RequestContext } from '../context/request-context';
import { errors } from './errors';

/** Trims a required text field; empty or too long is refused with the field named. */
export function requiredText(ctx: RequestContext, field: string, value: string | null | undefined, max = 200): string {
  const text = value?.trim() ?? '';
  if (!text) throw errors.badInput(ctx, field, 'error.required');
  if (text.length > max) throw errors.badInput(ctx, field, 'error.tooLong', { max });
  return text;
}

/** Trims an optional text field; blank becomes null. */
export function optionalText(ctx: RequestContext, field: string, value: string | null | undefined, max = 200): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) throw errors.badInput(ctx, field, 'error.tooLong', { max });
  return text || null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requiredEmail(ctx: RequestContext, field: string, value: string | null | undefined): string {
  const email = requiredText(ctx, field, value, 254).toLowerCase();
  if (!EMAIL.test(email)) throw errors.badInput(ctx, field, 'error.emailInvalid');
  return email;
}

/** A LIKE pattern matching the text anywhere, with LIKE's own wildcards taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
