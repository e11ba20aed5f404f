/**
 * `{"a","b"}`: PostgreSQL's text form of an array, each element quoted, for one bound value that
 * a statement casts (`?::uuid[]`, `?::text[]`, an enum's array): the statement's text then stays
 * the same whatever the list's length.
 */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
