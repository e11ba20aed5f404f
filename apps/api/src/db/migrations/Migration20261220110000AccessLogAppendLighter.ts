import { Migration } from '@mikro-orm/migrations';

/**
 * A partner's list of 70 people appends 70 entries to the access log in one statement, 2 ms of
 * PostgreSQL's time per request (issue 15). Two per-row costs go:
 * - the foreign key to the tenant: 70 lookups of the same tenant row, each taking a share lock on
 *   it (a multixact when requests of one PLIE overlap). jalon_append_access_log, the one writer,
 *   checks the tenant once per append instead; no tenant is ever deleted;
 * - the index on (tenant_id, seq), which the primary key now is: the chain's head and the purge
 *   read by it, and nothing reads an entry by seq alone.
 */
export class Migration20261220110000AccessLogAppendLighter extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table access_log drop constraint access_log_tenant_id_fkey;');
    this.addSql('alter table access_log drop constraint access_log_pkey, add constraint access_log_pkey primary key (tenant_id, seq);');
    this.addSql('drop index access_log_tenant_index;');
  }
}
