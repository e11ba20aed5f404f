import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * The professional project (versions of the trades a pathway aims at) and the trades a person did
 * before, recorded at diagnosis, which close-trade suggestions start from. Staff only, as the
 * contract it sits beside (db/rls/tables/professional_project.sql).
 */
export class Migration20261209100000ProfessionalProject extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "professional_project" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "pathway_id" uuid not null references "pathway" ("id") on update cascade on delete cascade, "number" int not null check ("number" > 0),
      "targets" jsonb not null, "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
      constraint "professional_project_pkey" primary key ("id"), constraint "professional_project_pathway_id_number_unique" unique ("pathway_id", "number"));`,
    );
    this.addSql(`alter table "diagnosis" add column "past_trades" jsonb not null default '[]';`);
    // Versions are never changed: an amendment is a new one.
    this.addSql(`grant select, insert on professional_project to ${APP_ROLE};`);
    await super.up();
  }
}
