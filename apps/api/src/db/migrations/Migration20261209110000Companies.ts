import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * The companies a PLIE follows (SIRET, sector, kind, address, contacts, the staff member in
 * charge, the partner organisation it is when it is one) and what happened with each. Staff only
 * (db/rls/tables/company*.sql).
 */
export class Migration20261209110000Companies extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql(`create type "company_kind" as enum ('CLASSIC', 'INTEGRATION', 'PUBLIC_EMPLOYER', 'TEMPING_AGENCY');`);
    this.addSql(`create type "company_event_kind" as enum ('VISIT', 'CALL', 'EMAIL', 'EVENT');`);
    this.addSql(
      `create table "company" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "siret" text not null check ("siret" ~ '^[0-9]{14}$'), "name" text not null, "naf_code" text null, "kind" "company_kind" not null,
      "address" text null, "postcode" text null, "commune_code" text null,
      "organisation_id" uuid null references "organisation" ("id") on update cascade on delete set null,
      "in_charge_id" uuid null references "membership" ("id") on update cascade on delete set null,
      "contacts" jsonb not null default '[]', "updated_at" timestamptz not null,
      constraint "company_pkey" primary key ("id"), constraint "company_tenant_id_siret_unique" unique ("tenant_id", "siret"),
      constraint "company_organisation_id_unique" unique ("organisation_id"));`,
    );
    this.addSql(`create index "company_tenant_id_name_index" on "company" ("tenant_id", "name");`);
    this.addSql(
      `create table "company_event" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "company_id" uuid not null references "company" ("id") on update cascade on delete cascade, "kind" "company_event_kind" not null,
      "happened_on" date not null, "summary" text not null, "outcome" text null,
      "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
      constraint "company_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "company_event_company_id_index" on "company_event" ("company_id", "happened_on");`);
    this.addSql(`grant select, insert, update on company to ${APP_ROLE};`);
    // The history is kept as written.
    this.addSql(`grant select, insert on company_event to ${APP_ROLE};`);
    await super.up();
  }
}
