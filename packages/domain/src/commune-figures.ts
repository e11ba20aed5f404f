/**
 * Aggregate figures shown to a commune about its residents are counted over everyone, consented
 * or not: a count from 1 to SMALLEST_PUBLISHED_COUNT - 1 is withheld, as it could single someone out.
 */
export const SMALLEST_PUBLISHED_COUNT = 5;
