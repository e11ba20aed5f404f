import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/**
 * Participants, their pathways and the history of their file. Staff sessions of the tenant only:
 * partners get their own, consent-bound policies with the consent engine.
 */
export class Migration20261127100000Participants extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "gender" as enum ('WOMAN', 'MAN', 'NON_BINARY');`);
    this.addSql(`create type "pathway_status" as enum ('REFERRED', 'PENDING_ACCREDITATION', 'ACTIVE', 'SUSPENDED', 'EXITED', 'IN_JOB_FOLLOW_UP', 'CLOSED');`);
    this.addSql(
      `create type "exit_kind" as enum ('JOB_PERMANENT', 'JOB_FIXED_TERM_6_MONTHS_PLUS', 'BUSINESS_CREATION', 'QUALIFYING_TRAINING', 'ABANDONMENT', 'ADMINISTRATIVE', 'REORIENTATION', 'HEALTH', 'MAXIMUM_DURATION');`,
    );
    this.addSql(`create type "employment_situation" as enum ('UNEMPLOYED', 'LONG_TERM_UNEMPLOYED', 'INACTIVE', 'EMPLOYED', 'SELF_EMPLOYED');`);
    this.addSql(`create type "esf_answer" as enum ('YES', 'NO', 'REFUSED');`);

    this.addSql(
      `create table "participant" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "first_name" text not null, "last_name" text not null, "search_key" text not null, "birth_date" date not null, "gender" "gender" null, "phone" text null, "email" text null, "address_line" text null, "postcode" text null, "commune_code" text null, "priority_district_code" text null, "referent_id" uuid not null references "membership" ("id") on update cascade on delete restrict, "current_status" "pathway_status" not null default 'PENDING_ACCREDITATION', "updated_at" timestamptz not null, constraint "participant_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "participant_tenant_id_search_key_birth_date_index" on "participant" ("tenant_id", "search_key", "birth_date");`);
    this.addSql(`create index "participant_referent_id_index" on "participant" ("referent_id");`);
    this.addSql(`create index "participant_tenant_id_current_status_index" on "participant" ("tenant_id", "current_status");`);
    this.addSql(
      `create table "pathway" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "participant_id" uuid not null references "participant" ("id") on update cascade on delete cascade, "number" int not null, "status" "pathway_status" not null default 'PENDING_ACCREDITATION', "referral_date" date not null, "entry_date" date null, "exit_date" date null, "exit_kind" "exit_kind" null, "employment_situation" "employment_situation" null, "education_level" smallint null check ("education_level" between 0 and 8), "disability" "esf_answer" null, "third_country_national" "esf_answer" null, "foreign_background" "esf_answer" null, "minority" "esf_answer" null, "homeless" "esf_answer" null, "rural_area" "esf_answer" null, constraint "pathway_pkey" primary key ("id"), constraint "pathway_participant_id_number_unique" unique ("participant_id", "number"), constraint "pathway_exit_after_entry" check ("exit_date" is null or "exit_date" >= coalesce("entry_date", "referral_date")));`,
    );
    this.addSql(
      `create table "participant_change" ("id" uuid not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "participant_id" uuid not null references "participant" ("id") on update cascade on delete cascade, "at" timestamptz not null, "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict, "action" text not null, "changes" jsonb not null, constraint "participant_change_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "participant_change_participant_id_at_index" on "participant_change" ("participant_id", "at");`);

    // Whether the request acts for a staff organisation (animation team, referent operator).
    this.addSql(
      `create function jalon_is_staff() returns boolean language sql stable as $$ select coalesce(nullif(current_setting('jalon.staff', true), '')::boolean, false) $$;`,
    );

    for (const table of ['participant', 'pathway', 'participant_change']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
    }
    for (const table of ['participant', 'pathway']) {
      this.addSql(
        `create policy ${table}_staff on "${table}" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
      );
    }
    this.addSql(`create policy participant_change_read on "participant_change" for select using (tenant_id = jalon_tenant_id() and jalon_is_staff());`);
    this.addSql(
      `create policy participant_change_insert on "participant_change" for insert with check (tenant_id = jalon_tenant_id() and jalon_is_staff() and author_id = jalon_user_id());`,
    );

    this.addSql(`grant select, insert, update on participant, pathway to ${APP_ROLE};`);
    // History is append-only for the application.
    this.addSql(`grant select, insert on participant_change to ${APP_ROLE};`);
  }
}
