import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * The round trip with the managing authority: each file sent for an operation (who, when, complete
 * or only what changed) with its lines as written, and what the authority answered for each line
 * (accepted, or rejected with its reason, from the error file it returns). The lines are kept as
 * written so the file can be downloaded again byte for byte, and so "changed since the last
 * accepted export" compares like with like. Staff only, as ESF+ data (db/rls/tables/esf_export*.sql).
 */
export class Migration20261208100000EsfExchange extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql(`create type "esf_line_outcome" as enum ('ACCEPTED', 'REJECTED');`);
    this
      .addSql(`create table "esf_export" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "operation_id" uuid not null references "esf_operation" ("id") on update cascade on delete restrict,
      "layout" text not null, "complete" boolean not null, "line_count" int not null check ("line_count" > 0),
      "created_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
      "answered_at" timestamptz null, "answered_by_id" uuid null references "app_user" ("id") on update cascade on delete restrict,
      "error_file_name" text null, "rejected_count" int null,
      constraint "esf_export_pkey" primary key ("id"));`);
    this.addSql(`create index "esf_export_operation_id_index" on "esf_export" ("operation_id", "created_at");`);
    this
      .addSql(`create table "esf_export_line" ("export_id" uuid not null references "esf_export" ("id") on update cascade on delete cascade, "line_number" int not null,
      "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade,
      "pathway_id" uuid not null references "pathway" ("id") on update cascade on delete cascade,
      "content" text not null, "fingerprint" text not null, "outcome" "esf_line_outcome" null, "rejection_reason" text null,
      constraint "esf_export_line_pkey" primary key ("export_id", "line_number"),
      constraint "esf_export_line_reason" check (("outcome" = 'REJECTED') = ("rejection_reason" is not null)));`);
    this.addSql(`create index "esf_export_line_pathway_id_index" on "esf_export_line" ("pathway_id");`);
    // Exports are never deleted: they are the record of what was sent.
    this.addSql(`grant select, insert, update on esf_export, esf_export_line to ${APP_ROLE};`);
    await super.up();
  }
}
