import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/**
 * Training operators' reports: attendance per month and the outcome. A partner reads them under
 * TRAINING_REPORTS (or those it wrote), and writes only on training stages it runs while a grant of
 * TRAINING_REPORTS covers them.
 */
export class Migration20261127220000TrainingReports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "training_outcome" as enum ('COMPLETED', 'CERTIFIED', 'ABANDONED');`);
    const owned = `"id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1`;
    const authored = `"author_organisation_id" uuid not null references "organisation" ("id") on update cascade on delete restrict,
        "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict`;
    this.addSql(
      `create table "training_attendance" (${owned},
        "stage_id" uuid not null references "stage" ("id") on update cascade on delete cascade, "period" text not null,
        "hours_planned" double precision not null, "hours_attended" double precision not null, "absence_note" text null,
        ${authored}, "submitted_at" timestamptz not null,
        constraint "training_attendance_pkey" primary key ("id"), constraint "training_attendance_stage_id_period_unique" unique ("stage_id", "period"),
        constraint "training_attendance_hours" check ("hours_attended" >= 0 and "hours_attended" <= "hours_planned"));`,
    );
    this.addSql(
      `create table "training_result" (${owned},
        "stage_id" uuid not null references "stage" ("id") on update cascade on delete cascade,
        "outcome" "training_outcome" not null, "ended_on" date not null, "certification" text null, "drop_out_reason" text null,
        ${authored}, "recorded_at" timestamptz not null,
        constraint "training_result_pkey" primary key ("id"), constraint "training_result_stage_id_unique" unique ("stage_id"));`,
    );
    for (const table of ['training_attendance', 'training_result']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy ${table}_staff on "${table}" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
      );
    }
    // The stages the viewer runs whose p_class a grant in force shares with it: where it may report.
    this.addSql(
      `create function jalon_partner_operated_stages(p_class text) returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(s.id), '{}') from stage s
         where s.tenant_id = jalon_tenant_id() and s.operator_id = jalon_organisation_id() and s.id = any(jalon_partner_class_stages(p_class))
      $$;`,
    );
    this.addSql(`revoke all on function jalon_partner_operated_stages(text) from public;`);
    this.addSql(`grant execute on function jalon_partner_operated_stages(text) to ${APP_ROLE};`);
    const partner = `tenant_id = jalon_tenant_id() and not jalon_is_staff()`;
    for (const table of ['training_attendance', 'training_result']) {
      this.addSql(
        `create policy ${table}_partner_read on "${table}" for select using (${partner} and (author_organisation_id = jalon_organisation_id()
          or stage_id = any((select jalon_partner_class_stages('TRAINING_REPORTS'))::uuid[])));`,
      );
      this.addSql(
        `create policy ${table}_partner_write on "${table}" for insert with check (${partner} and author_organisation_id = jalon_organisation_id() and author_id = jalon_user_id()
          and stage_id = any((select jalon_partner_operated_stages('TRAINING_REPORTS'))::uuid[]));`,
      );
    }
    this.addSql(
      `create policy training_result_partner_update on "training_result" for update using (${partner} and stage_id = any((select jalon_partner_operated_stages('TRAINING_REPORTS'))::uuid[]))
        with check (author_organisation_id = jalon_organisation_id() and author_id = jalon_user_id());`,
    );
    this.addSql(`grant select, insert, update on training_attendance, training_result to ${APP_ROLE};`);
  }
}
