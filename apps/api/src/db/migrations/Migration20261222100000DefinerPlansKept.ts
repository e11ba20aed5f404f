import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * Four security definer functions on a request's path keep their plan (issue 15): the names beside
 * an agenda, the inbox's pathway statuses, the staff organisations and the seal of a partner's
 * reach become PL/pgSQL with a generic plan; as SQL (or, for the names, PL/pgSQL choosing a custom
 * plan) each was planned on every call. Same signatures, same rows; the files are applied again.
 */
export class Migration20261222100000DefinerPlansKept extends RowLevelSecurityMigration {}
