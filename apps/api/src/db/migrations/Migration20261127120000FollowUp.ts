import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/** Diagnosis, the commitment contract and its amendments, the referent's journal, in-job follow-up check-ins and the validation of a positive exit. */
export class Migration20261127120000FollowUp extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "pathway" add column "exit_validated" boolean null;`);
    this.addSql(
      `create table "diagnosis" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "pathway_id" uuid not null references "pathway" ("id") on update cascade on delete cascade, "strengths" text null, "obstacles" jsonb not null default '[]', "needs" text null, "carried_out_on" date null, "updated_at" timestamptz not null, constraint "diagnosis_pkey" primary key ("id"), constraint "diagnosis_pathway_id_unique" unique ("pathway_id"));`,
    );
    this.addSql(
      `create table "journal_entry" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "participant_id" uuid not null references "participant" ("id") on update cascade on delete cascade, "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict, "day" date not null, "text" text not null, constraint "journal_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "journal_entry_participant_id_day_index" on "journal_entry" ("participant_id", "day");`);
    this.addSql(
      `create table "follow_up_check_in" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "pathway_id" uuid not null references "pathway" ("id") on update cascade on delete cascade, "months_after_exit" smallint not null, "due_on" date not null, "done_on" date null, "still_employed" boolean null, "employer" text null, "notes" text null, "recorded_by_id" uuid null references "app_user" ("id") on update cascade on delete restrict, constraint "follow_up_check_in_pkey" primary key ("id"), constraint "follow_up_check_in_pathway_id_months_after_exit_unique" unique ("pathway_id", "months_after_exit"));`,
    );
    this.addSql(
      `create table "commitment_contract" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "pathway_id" uuid not null references "pathway" ("id") on update cascade on delete cascade, "number" int not null, "objectives" jsonb not null, "starts_on" date not null, "review_on" date not null, "signed_by_participant_on" date null, "signed_by_referent_on" date null, "signed_by_animation_team_on" date null, "amendment_reason" text null, "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict, constraint "commitment_contract_pkey" primary key ("id"), constraint "commitment_contract_pathway_id_number_unique" unique ("pathway_id", "number"));`,
    );
    for (const table of ['diagnosis', 'journal_entry', 'follow_up_check_in', 'commitment_contract']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy ${table}_staff on "${table}" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
      );
    }
    this.addSql(`grant select, insert, update on diagnosis, follow_up_check_in to ${APP_ROLE};`);
    // Journal entries and contract versions are kept as written.
    this.addSql(`grant select, insert on journal_entry, commitment_contract to ${APP_ROLE};`);
  }
}
