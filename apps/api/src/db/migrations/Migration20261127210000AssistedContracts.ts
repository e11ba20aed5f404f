import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/**
 * Assisted contracts on stages, their renewals and the employer's monthly reports. A partner reads
 * a contract on a stage it may see, reads reports under CONTRACT_REPORTS (or those it wrote), and
 * writes only on stages it operates while a grant of CONTRACT_REPORTS covers them.
 */
export class Migration20261127210000AssistedContracts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "assisted_contract_type" as enum ('CDDI', 'AI_ASSIGNMENT', 'ETTI_ASSIGNMENT', 'PEC', 'PROFESSIONALISATION', 'APPRENTICESHIP', 'PMSMP');`,
    );
    this.addSql(
      `create type "contract_end_reason" as enum ('PERMANENT_JOB', 'FIXED_TERM_6_MONTHS_PLUS', 'FIXED_TERM_UNDER_6_MONTHS', 'QUALIFYING_TRAINING', 'OTHER_SIAE', 'JOB_SEEKER', 'INACTIVE', 'NO_NEWS', 'RETIREMENT');`,
    );
    const owned = `"id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1`;
    this.addSql(
      `create table "assisted_contract" (${owned},
        "stage_id" uuid not null references "stage" ("id") on update cascade on delete cascade,
        "employer_id" uuid not null references "organisation" ("id") on update cascade on delete restrict,
        "contract_type" "assisted_contract_type" not null, "start_on" date not null, "end_on" date null,
        "weekly_hours" double precision not null, "position" text not null, "rome_code" text null, "tutor_name" text null,
        "ended_on" date null, "end_reason" "contract_end_reason" null,
        constraint "assisted_contract_pkey" primary key ("id"), constraint "assisted_contract_stage_id_unique" unique ("stage_id"),
        constraint "assisted_contract_end_after_start" check ("end_on" is null or "end_on" >= "start_on"),
        constraint "assisted_contract_weekly_hours" check ("weekly_hours" > 0 and "weekly_hours" <= 48));`,
    );
    this.addSql(
      `create table "assisted_contract_renewal" (${owned},
        "contract_id" uuid not null references "assisted_contract" ("id") on update cascade on delete cascade,
        "previous_end_on" date null, "new_end_on" date not null,
        "organisation_id" uuid not null references "organisation" ("id") on update cascade on delete restrict,
        "recorded_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict, "recorded_at" timestamptz not null,
        constraint "assisted_contract_renewal_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "assisted_contract_renewal_contract_id_index" on "assisted_contract_renewal" ("contract_id");`);
    this.addSql(
      `create table "contract_report" (${owned},
        "contract_id" uuid not null references "assisted_contract" ("id") on update cascade on delete cascade,
        "period" text not null, "hours_worked" double precision not null, "training_hours" double precision not null,
        "training_subjects" text null, "absence_hours" double precision not null, "absence_note" text null,
        "skills" jsonb not null, "obstacles_met" text[] not null, "incidents" text null, "comment" text null,
        "author_organisation_id" uuid not null references "organisation" ("id") on update cascade on delete restrict,
        "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict, "submitted_at" timestamptz not null,
        constraint "contract_report_pkey" primary key ("id"),
        constraint "contract_report_contract_id_period_unique" unique ("contract_id", "period"),
        constraint "contract_report_hours" check ("hours_worked" >= 0 and "training_hours" >= 0 and "absence_hours" >= 0));`,
    );

    for (const table of ['assisted_contract', 'assisted_contract_renewal', 'contract_report']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy ${table}_staff on "${table}" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
      );
    }
    // The stages whose class p_class a grant in force shares with the viewer (in the grant's stage scope).
    this.addSql(
      `create function jalon_partner_class_stages(p_class text) returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(distinct s.id), '{}') from jalon_partner_grants() g
          join pathway p on p.participant_id = g.participant_id join stage s on s.pathway_id = p.id join stage_kind k on k.id = s.kind_id
         where p_class = any(g.data_classes) and (g.stage_kinds is null or k.code = any(g.stage_kinds)) and (g.stage_ids is null or s.id = any(g.stage_ids))
      $$;`,
    );
    // The contracts the viewer may report on: on stages it operates, with their reports shared with it.
    this.addSql(
      `create function jalon_partner_reportable_contracts() returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(c.id), '{}') from assisted_contract c join stage s on s.id = c.stage_id
         where c.tenant_id = jalon_tenant_id() and s.operator_id = jalon_organisation_id() and s.id = any(jalon_partner_class_stages('CONTRACT_REPORTS'))
      $$;`,
    );
    for (const fn of ['jalon_partner_class_stages(text)', 'jalon_partner_reportable_contracts()']) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to ${APP_ROLE};`);
    }
    const partner = `tenant_id = jalon_tenant_id() and not jalon_is_staff()`;
    this.addSql(
      `create policy assisted_contract_partner_read on "assisted_contract" for select using (${partner} and stage_id = any((select jalon_partner_stages())::uuid[]));`,
    );
    this.addSql(
      `create policy assisted_contract_partner_update on "assisted_contract" for update using (${partner} and id = any((select jalon_partner_reportable_contracts())::uuid[]));`,
    );
    this.addSql(
      `create policy assisted_contract_renewal_partner_read on "assisted_contract_renewal" for select using (${partner} and contract_id = any((select jalon_partner_reportable_contracts())::uuid[]));`,
    );
    this.addSql(
      `create policy assisted_contract_renewal_partner_create on "assisted_contract_renewal" for insert with check (${partner} and organisation_id = jalon_organisation_id() and recorded_by_id = jalon_user_id() and contract_id = any((select jalon_partner_reportable_contracts())::uuid[]));`,
    );
    this.addSql(
      `create policy contract_report_partner_read on "contract_report" for select using (${partner} and (author_organisation_id = jalon_organisation_id()
        or contract_id in (select c.id from assisted_contract c where c.stage_id = any((select jalon_partner_class_stages('CONTRACT_REPORTS'))::uuid[]))));`,
    );
    this.addSql(
      `create policy contract_report_partner_create on "contract_report" for insert with check (${partner} and author_organisation_id = jalon_organisation_id() and author_id = jalon_user_id() and contract_id = any((select jalon_partner_reportable_contracts())::uuid[]));`,
    );
    this.addSql(`grant select, insert, update on assisted_contract, assisted_contract_renewal, contract_report to ${APP_ROLE};`);
  }
}
