/** The PostgreSQL role every request runs as: it owns no table, so row-level security always applies. */
export const APP_ROLE = 'jalon_app';
