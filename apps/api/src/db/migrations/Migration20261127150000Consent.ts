import { Migration } from '@mikro-orm/migrations';
import { DataClass } from '@jalon/domain';
import { APP_ROLE } from '../../access/app-role';

const dataClassList = Object.values(DataClass)
  .map((value) => `'${value}'`)
  .join(', ');

/**
 * Consents, their event history, the partners' access log and notifications; and the row-level
 * security that lets a partner's transaction read participant data only under an active consent
 * (a coarser copy of the decision in packages/domain: it never allows more, the API narrows).
 */
export class Migration20261127150000Consent extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "consent_effect" as enum ('GRANT', 'REFUSAL');`);
    this.addSql(`create type "consent_status" as enum ('ACTIVE', 'REVOKED', 'EXPIRED', 'SUPERSEDED');`);
    this.addSql(`create type "consent_purpose" as enum ('REFERRAL_FOLLOW_UP', 'CONTRACT_REPORTING', 'TRAINING_FOLLOW_UP', 'COORDINATION_MEETINGS');`);
    this.addSql(`create type "consent_method" as enum ('SIGNED_FORM', 'ORAL_WITH_WITNESS');`);
    this.addSql(`create type "consent_event_action" as enum ('GRANTED', 'AMENDED', 'REVOKED', 'EXPIRED');`);

    this.addSql(
      `create table "consent" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
        "participant_id" uuid not null references "participant" ("id") on update cascade on delete cascade,
        "pathway_id" uuid not null references "pathway" ("id") on update cascade on delete cascade,
        "grantee_organisation_id" uuid null references "organisation" ("id") on update cascade on delete restrict,
        "grantee_kind" "organisation_kind" null,
        "effect" "consent_effect" not null default 'GRANT',
        "data_classes" text[] not null,
        "stage_kinds" text[] null, "stage_ids" uuid[] null,
        "purpose" "consent_purpose" not null,
        "valid_from" timestamptz not null, "valid_until" timestamptz null,
        "status" "consent_status" not null default 'ACTIVE',
        "method" "consent_method" not null, "collected_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
        "collected_on" date not null, "notice_version" text not null, "witness" text null,
        "supersedes_id" uuid null references "consent" ("id") on update cascade on delete set null,
        "ended_at" timestamptz null, "end_reason" text null,
        constraint "consent_pkey" primary key ("id"),
        constraint "consent_one_grantee" check (("grantee_organisation_id" is null) <> ("grantee_kind" is null)),
        constraint "consent_known_classes" check (cardinality("data_classes") > 0 and "data_classes" <@ array[${dataClassList}]::text[]),
        constraint "consent_one_stage_scope" check ("stage_kinds" is null or "stage_ids" is null),
        constraint "consent_period" check ("valid_until" is null or "valid_until" > "valid_from"));`,
    );
    this.addSql(`create index "consent_participant_id_index" on "consent" ("participant_id");`);
    this.addSql(`create index "consent_grantee_organisation_index" on "consent" ("tenant_id", "grantee_organisation_id") where "status" = 'ACTIVE';`);
    this.addSql(`create index "consent_grantee_kind_index" on "consent" ("tenant_id", "grantee_kind") where "status" = 'ACTIVE';`);

    this.addSql(
      `create table "consent_event" ("id" uuid not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade,
        "consent_id" uuid not null references "consent" ("id") on update cascade on delete cascade,
        "action" "consent_event_action" not null, "at" timestamptz not null,
        "author_id" uuid null references "app_user" ("id") on update cascade on delete restrict, "reason" text null,
        constraint "consent_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "consent_event_consent_id_index" on "consent_event" ("consent_id", "at");`);

    // The access log: one row per participant read by a partner in a request, chained per tenant.
    this.addSql(
      `create table "access_log" ("seq" bigint generated always as identity, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade,
        "at" timestamptz not null, "user_id" uuid not null, "organisation_id" uuid not null, "participant_id" uuid not null,
        "data_classes" text[] not null, "purposes" text[] not null, "request_id" text not null,
        "previous_hash" text not null, "hash" text not null,
        constraint "access_log_pkey" primary key ("seq"));`,
    );
    this.addSql(`create index "access_log_participant_index" on "access_log" ("tenant_id", "participant_id", "seq");`);
    this.addSql(`create index "access_log_tenant_index" on "access_log" ("tenant_id", "seq");`);

    this.addSql(
      `create table "notification" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
        "organisation_id" uuid not null references "organisation" ("id") on update cascade on delete cascade,
        "kind" text not null, "participant_label" text not null, "read_at" timestamptz null,
        constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "notification_organisation_index" on "notification" ("tenant_id", "organisation_id", "created_at");`);

    // The request's clock (tests move it; production leaves it unset: the transaction's time).
    this.addSql(
      `create function jalon_now() returns timestamptz language sql stable as $$ select coalesce(nullif(current_setting('jalon.now', true), '')::timestamptz, now()) $$;`,
    );
    // The grants in force naming the viewer's organisation (or its kind). Definer rights: the
    // policies below call these once per statement (as an InitPlan), never per row through
    // nested policies; each filters on the request's tenant and organisation itself.
    this.addSql(
      `create function jalon_partner_grants() returns table (participant_id uuid, data_classes text[], stage_kinds text[], stage_ids uuid[])
        language sql stable security definer set search_path = public as $$
        select c.participant_id, c.data_classes, c.stage_kinds, c.stage_ids from consent c join organisation o on o.id = jalon_organisation_id() and o.tenant_id = c.tenant_id
         where c.tenant_id = jalon_tenant_id() and not jalon_is_staff() and c.effect = 'GRANT' and c.status = 'ACTIVE'
           and c.valid_from <= jalon_now() and (c.valid_until is null or jalon_now() < c.valid_until)
           and (c.grantee_organisation_id = o.id or c.grantee_kind = o.kind)
      $$;`,
    );
    // The participants (and their pathways) a grant covers, for a class or for any.
    this.addSql(
      `create function jalon_partner_participants(p_class text) returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(distinct g.participant_id), '{}') from jalon_partner_grants() g where p_class is null or p_class = any(g.data_classes)
      $$;`,
    );
    this.addSql(
      `create function jalon_partner_pathways(p_class text) returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(p.id), '{}') from pathway p where p.participant_id = any(jalon_partner_participants(p_class))
      $$;`,
    );
    // The stages a grant covers: in its stage scope, with the stage list shared, or run by the viewer.
    this.addSql(
      `create function jalon_partner_stages() returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(distinct s.id), '{}') from jalon_partner_grants() g
          join pathway p on p.participant_id = g.participant_id join stage s on s.pathway_id = p.id join stage_kind k on k.id = s.kind_id
         where (g.stage_kinds is null or k.code = any(g.stage_kinds)) and (g.stage_ids is null or s.id = any(g.stage_ids))
           and ('STAGE_LIST' = any(g.data_classes) or s.operator_id = jalon_organisation_id())
      $$;`,
    );
    for (const fn of ['jalon_partner_grants()', 'jalon_partner_participants(text)', 'jalon_partner_pathways(text)', 'jalon_partner_stages()']) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to ${APP_ROLE};`);
    }

    for (const table of ['consent', 'consent_event', 'access_log', 'notification']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
    }
    // Staff manage consents; a partner reads those naming it (the API loads them once per request).
    this.addSql(
      `create policy consent_staff on "consent" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
    );
    this.addSql(
      `create policy consent_grantee_read on "consent" for select using (tenant_id = jalon_tenant_id() and exists (select 1 from organisation o where o.id = jalon_organisation_id() and (consent.grantee_organisation_id = o.id or consent.grantee_kind = o.kind)));`,
    );
    this.addSql(`create policy consent_event_read on "consent_event" for select using (tenant_id = jalon_tenant_id() and jalon_is_staff());`);
    this.addSql(`create policy consent_event_insert on "consent_event" for insert with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`);
    this.addSql(`create policy access_log_read on "access_log" for select using (tenant_id = jalon_tenant_id() and jalon_is_staff());`);
    this.addSql(
      `create policy access_log_insert on "access_log" for insert with check (tenant_id = jalon_tenant_id() and organisation_id = jalon_organisation_id() and user_id = jalon_user_id());`,
    );
    this.addSql(
      `create policy notification_recipient on "notification" for select using (tenant_id = jalon_tenant_id() and organisation_id = jalon_organisation_id());`,
    );
    this.addSql(
      `create policy notification_mark_read on "notification" for update using (tenant_id = jalon_tenant_id() and organisation_id = jalon_organisation_id()) with check (tenant_id = jalon_tenant_id() and organisation_id = jalon_organisation_id());`,
    );
    // Staff send partners their notifications (and read them back, as an INSERT … RETURNING does).
    this.addSql(`create policy notification_insert on "notification" for insert with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`);
    this.addSql(`create policy notification_staff_read on "notification" for select using (tenant_id = jalon_tenant_id() and jalon_is_staff());`);
    this.addSql(`grant select, insert, update on consent, notification to ${APP_ROLE};`);
    // Append-only for the application: history and access log rows are never updated or deleted.
    this.addSql(`grant select, insert on consent_event, access_log to ${APP_ROLE};`);

    // The head of the tenant's chain, read under a lock held to the end of the transaction so two
    // requests never chain onto the same entry. Definer rights: the partner may not read the log.
    this.addSql(
      `create function jalon_access_log_head() returns text language plpgsql volatile security definer set search_path = public as $$
        begin
          perform pg_advisory_xact_lock(hashtextextended('access_log:' || jalon_tenant_id()::text, 0));
          return coalesce((select hash from access_log where tenant_id = jalon_tenant_id() order by seq desc limit 1), '');
        end
      $$;`,
    );
    this.addSql(`revoke all on function jalon_access_log_head() from public;`);
    this.addSql(`grant execute on function jalon_access_log_head() to ${APP_ROLE};`);

    // The expiry sweep runs as the application, tenant by tenant: this tells it which tenants have work, nothing more.
    this.addSql(
      `create function jalon_tenants_with_ending_consents(p_now timestamptz) returns setof uuid language sql stable security definer set search_path = public as $$
        select distinct c.tenant_id from consent c join pathway p on p.id = c.pathway_id
         where c.status = 'ACTIVE' and ((c.valid_until is not null and c.valid_until <= p_now) or p.status = 'CLOSED')
      $$;`,
    );
    this.addSql(`revoke all on function jalon_tenants_with_ending_consents(timestamptz) from public;`);
    this.addSql(`grant execute on function jalon_tenants_with_ending_consents(timestamptz) to ${APP_ROLE};`);

    // Partners' reads of participant data, under an active consent only. `(select …)` makes each
    // list an InitPlan: computed once per statement, then an index-friendly `= any(array)`.
    const partnerRead = (table: string, condition: string) =>
      this.addSql(
        `create policy ${table}_partner_read on "${table}" for select using (tenant_id = jalon_tenant_id() and not jalon_is_staff() and ${condition});`,
      );
    partnerRead('participant', 'id = any((select jalon_partner_participants(null))::uuid[])');
    partnerRead('pathway', 'participant_id = any((select jalon_partner_participants(null))::uuid[])');
    partnerRead('stage', 'id = any((select jalon_partner_stages())::uuid[])');
    partnerRead('diagnosis', "pathway_id = any((select jalon_partner_pathways('DIAGNOSIS'))::uuid[])");
    partnerRead('follow_up_check_in', "pathway_id = any((select jalon_partner_pathways('EXIT_FOLLOW_UP'))::uuid[])");
  }
}
