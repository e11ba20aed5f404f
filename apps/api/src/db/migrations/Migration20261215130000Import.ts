import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * Import from another tool: the files the animation team uploads (their cells kept until
 * imported), the column mapping saved per source, and the key of every row an import created,
 * by source, so the same file imported twice creates nothing twice. Staff only
 * (db/rls/tables/import_file.sql, import_mapping.sql, import_key.sql).
 */
export class Migration20261215130000Import extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "import_file" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
      "file_name" text not null, "sha256" text not null, "headers" jsonb not null, "rows" jsonb not null, "row_count" int not null,
      "source" text null, "imported_at" timestamptz null,
      "created_participants" int null, "created_pathways" int null, "created_stages" int null,
      constraint "import_file_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "import_file_tenant_id_created_at_index" on "import_file" ("tenant_id", "created_at");`);
    this.addSql(
      `create table "import_mapping" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "source" text not null, "columns" jsonb not null, "updated_at" timestamptz not null,
      constraint "import_mapping_pkey" primary key ("id"),
      constraint "import_mapping_tenant_id_source_unique" unique ("tenant_id", "source"));`,
    );
    this.addSql(
      `create table "import_key" ("tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade,
      "source" text not null, "key" text not null, "created_at" timestamptz not null,
      "participant_id" uuid not null references "participant" ("id") on update cascade on delete cascade,
      "pathway_id" uuid null references "pathway" ("id") on update cascade on delete cascade,
      "stage_id" uuid null references "stage" ("id") on update cascade on delete cascade,
      constraint "import_key_pkey" primary key ("tenant_id", "source", "key"));`,
    );
    this.addSql(`create index "import_key_participant_id_index" on "import_key" ("participant_id");`);
    this.addSql(`grant select, insert, update on import_file to ${APP_ROLE};`);
    this.addSql(`grant select, insert, update on import_mapping to ${APP_ROLE};`);
    // A key is written once, with the row it stands for, and goes with it.
    this.addSql(`grant select, insert on import_key to ${APP_ROLE};`);
    await super.up();
  }
}
