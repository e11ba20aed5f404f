import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * The social clauses of public contracts won by followed companies: the contract, its period and
 * the hours of integration owed; the people placed on it and the hours they did. Staff only
 * (db/rls/tables/social_clause.sql, clause_placement.sql, clause_hours.sql).
 */
export class Migration20261210100000SocialClauses extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql(`create type "clause_placement_kind" as enum ('DIRECT_HIRE', 'MADE_AVAILABLE', 'TRAINING');`);
    this.addSql(
      `create table "social_clause" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "company_id" uuid not null references "company" ("id") on update cascade on delete cascade,
      "buyer" text not null, "contract_name" text not null, "reference" text null, "lot" text null,
      "starts_on" date not null, "ends_on" date not null, "hours_owed" numeric(9,2) not null, "notes" text null, "updated_at" timestamptz not null,
      constraint "social_clause_pkey" primary key ("id"),
      constraint "social_clause_period" check ("ends_on" > "starts_on"),
      constraint "social_clause_hours_owed" check ("hours_owed" > 0));`,
    );
    this.addSql(`create index "social_clause_company_id_index" on "social_clause" ("company_id");`);
    this.addSql(`create index "social_clause_tenant_id_ends_on_index" on "social_clause" ("tenant_id", "ends_on");`);
    this.addSql(
      `create table "clause_placement" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "clause_id" uuid not null references "social_clause" ("id") on update cascade on delete cascade,
      "participant_id" uuid null references "participant" ("id") on update cascade on delete set null,
      "kind" "clause_placement_kind" not null,
      "intermediary_id" uuid null references "company" ("id") on update cascade on delete set null,
      "position" text null, "starts_on" date not null, "ends_on" date null,
      "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
      constraint "clause_placement_pkey" primary key ("id"),
      constraint "clause_placement_period" check ("ends_on" is null or "ends_on" >= "starts_on"));`,
    );
    this.addSql(`create index "clause_placement_clause_id_index" on "clause_placement" ("clause_id");`);
    this.addSql(`create index "clause_placement_participant_id_index" on "clause_placement" ("participant_id");`);
    this.addSql(
      `create table "clause_hours" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "placement_id" uuid not null references "clause_placement" ("id") on update cascade on delete cascade,
      "from_on" date not null, "to_on" date not null, "hours" numeric(8,2) not null,
      "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
      constraint "clause_hours_pkey" primary key ("id"),
      constraint "clause_hours_span" check ("to_on" >= "from_on"),
      constraint "clause_hours_positive" check ("hours" > 0));`,
    );
    this.addSql(`create index "clause_hours_placement_id_index" on "clause_hours" ("placement_id");`);
    this.addSql(`grant select, insert, update on social_clause to ${APP_ROLE};`);
    this.addSql(`grant select, insert, update on clause_placement to ${APP_ROLE};`);
    // Hours are recorded, and a mistaken record removed; never edited in place.
    this.addSql(`grant select, insert, delete on clause_hours to ${APP_ROLE};`);
    await super.up();
  }
}
