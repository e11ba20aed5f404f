import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/** The tenant's catalogue of stage kinds and the stages of the action plan (staff only, as participants). */
export class Migration20261127110000Stages extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "stage_category" as enum ('ASSESSMENT', 'TRAINING', 'INTEGRATION_ACTIVITY', 'ASSISTED_JOB', 'WORK_IMMERSION', 'EMPLOYMENT', 'JOB_SEARCH', 'BUSINESS_CREATION', 'SOCIAL_SUPPORT');`,
    );
    this.addSql(`create type "stage_status" as enum ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'ABANDONED', 'CANCELLED');`);
    this.addSql(
      `create table "stage_kind" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "code" text not null, "category" "stage_category" not null, "label_fr" text not null, "label_en" text not null, "active" boolean not null default true, constraint "stage_kind_pkey" primary key ("id"), constraint "stage_kind_tenant_id_code_unique" unique ("tenant_id", "code"));`,
    );
    this.addSql(
      `create table "stage" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "pathway_id" uuid not null references "pathway" ("id") on update cascade on delete cascade, "kind_id" uuid not null references "stage_kind" ("id") on update cascade on delete restrict, "operator_id" uuid null references "organisation" ("id") on update cascade on delete restrict, "status" "stage_status" not null default 'PLANNED', "planned_start" date not null, "planned_end" date null, "actual_start" date null, "actual_end" date null, "rome_code" text null, "outcome" text null, "shared_summary" text null, "private_notes" text null, constraint "stage_pkey" primary key ("id"), constraint "stage_planned_end_after_start" check ("planned_end" is null or "planned_end" >= "planned_start"), constraint "stage_actual_end_after_start" check ("actual_end" is null or "actual_start" is null or "actual_end" >= "actual_start"));`,
    );
    this.addSql(`create index "stage_pathway_id_planned_start_index" on "stage" ("pathway_id", "planned_start");`);

    this.addSql(`alter table "stage_kind" enable row level security;`);
    this.addSql(`alter table "stage_kind" force row level security;`);
    this.addSql(`alter table "stage" enable row level security;`);
    this.addSql(`alter table "stage" force row level security;`);
    // The catalogue is not personal data: every member of the tenant reads it; staff maintain it.
    this.addSql(`create policy stage_kind_read on "stage_kind" for select using (tenant_id = jalon_tenant_id());`);
    this.addSql(
      `create policy stage_kind_write on "stage_kind" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
    );
    this.addSql(
      `create policy stage_staff on "stage" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
    );
    this.addSql(`grant select, insert, update on stage_kind, stage to ${APP_ROLE};`);
  }
}
