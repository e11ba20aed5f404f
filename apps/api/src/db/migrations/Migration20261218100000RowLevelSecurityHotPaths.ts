import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * Row-level security's hot paths made cheaper (issue 15): the access log's head found by index
 * whatever the statistics, its chain built in one pass over the entries, and the partner's stages
 * a set asked by key (db/rls). jalon_partner_stages() now returns a set rather than an array,
 * which `create or replace` cannot do: it is dropped here with the stage's policy that reads it,
 * and both made again from their files in the same transaction.
 */
export class Migration20261218100000RowLevelSecurityHotPaths extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql('drop policy if exists stage_partner_read on stage;');
    this.addSql('drop function if exists jalon_partner_stages();');
    await super.up();
  }
}
