import { DataClass } from '@jalon/domain';
import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

const dataClassList = Object.values(DataClass)
  .map((c) => `'${c}'`)
  .join(', ');

/**
 * Job offers (from the companies followed, the team, or posted by a partner employer), the
 * candidacies referents propose on them, and the reference tables the matching joins on
 * (loaded at start-up: db/matching-reference.ts). A partner employer reaches its own offers, and a
 * candidacy only under a consent sharing JOB_APPLICATION (db/rls/tables/candidacy.sql).
 */
export class Migration20261210110000JobOffers extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql(`alter type "consent_purpose" add value if not exists 'JOB_APPLICATION';`);
    this.addSql(
      `alter table "consent" drop constraint "consent_known_classes", add constraint "consent_known_classes" check (cardinality("data_classes") > 0 and "data_classes" <@ array[${dataClassList}]::text[]);`,
    );
    this.addSql(`create type "job_offer_status" as enum ('OPEN', 'FILLED', 'CLOSED');`);
    this.addSql(`create type "job_contract_type" as enum ('CDI', 'CDD', 'TEMPING', 'CDDI', 'APPRENTICESHIP', 'PROFESSIONALISATION', 'SUBSIDISED');`);
    this.addSql(`create type "job_offer_source" as enum ('COMPANY', 'PARTNER', 'FRANCE_TRAVAIL', 'SOCIAL_CLAUSE', 'NETWORK');`);
    this.addSql(`create type "candidacy_status" as enum ('PROPOSED', 'RETAINED', 'HIRED', 'NOT_RETAINED', 'WITHDRAWN');`);
    this.addSql(`create type "trade_match" as enum ('SAME_TRADE', 'SAME_SHEET', 'CLOSE_TRADE');`);
    this.addSql(
      `create table "job_offer" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "company_id" uuid null references "company" ("id") on update cascade on delete restrict,
      "title" text not null, "rome_code" text not null, "commune_code" text not null, "contract_type" "job_contract_type" not null,
      "duration_months" int null check ("duration_months" between 1 and 36), "weekly_hours" numeric(4,1) not null check ("weekly_hours" > 0 and "weekly_hours" <= 48),
      "start_on" date null, "positions" int not null check ("positions" between 1 and 200), "requirements" text null,
      "status" "job_offer_status" not null default 'OPEN', "source" "job_offer_source" not null,
      "posted_by_organisation_id" uuid null references "organisation" ("id") on update cascade on delete restrict,
      "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict, "updated_at" timestamptz not null,
      constraint "job_offer_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "job_offer_tenant_id_status_rome_code_index" on "job_offer" ("tenant_id", "status", "rome_code");`);
    this.addSql(`create index "job_offer_company_id_index" on "job_offer" ("company_id");`);
    this.addSql(
      `create table "candidacy" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "offer_id" uuid not null references "job_offer" ("id") on update cascade on delete cascade,
      "participant_id" uuid not null references "participant" ("id") on update cascade on delete cascade,
      "pathway_id" uuid not null references "pathway" ("id") on update cascade on delete cascade,
      "summary" text not null, "status" "candidacy_status" not null default 'PROPOSED',
      "answer_note" text null, "answered_at" timestamptz null,
      "answered_by_id" uuid null references "app_user" ("id") on update cascade on delete restrict,
      "outcome_reason" text null, "hired_on" date null,
      "stage_id" uuid null references "stage" ("id") on update cascade on delete set null,
      "proposed_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict, "updated_at" timestamptz not null,
      constraint "candidacy_pkey" primary key ("id"), constraint "candidacy_offer_id_pathway_id_unique" unique ("offer_id", "pathway_id"));`,
    );
    this.addSql(`create index "candidacy_participant_id_index" on "candidacy" ("participant_id");`);
    this.addSql(
      `create table "trade_link" ("from_code" text not null, "to_code" text not null, "match" "trade_match" not null, "rank" int not null, constraint "trade_link_pkey" primary key ("from_code", "to_code"));`,
    );
    this.addSql(`create index "trade_link_to_code_index" on "trade_link" ("to_code");`);
    this.addSql(`create table "commune_area" ("code" text not null primary key, "intercommunality_code" text null, "departement_code" text not null);`);
    this.addSql(`create table "reference_data_state" ("name" text not null primary key, "digest" text not null);`);
    this.addSql(`grant select, insert, update on job_offer, candidacy to ${APP_ROLE};`);
    // Reference data, the same for every tenant: read by any request of a tenant (db/rls/tables), written at start-up by the owner.
    this.addSql(`grant select on trade_link, commune_area, reference_data_state to ${APP_ROLE};`);
    await super.up();
  }
}
