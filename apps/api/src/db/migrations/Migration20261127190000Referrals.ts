import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/**
 * Referrals: the person, the commission's decision, and each partner's submission. Staff work on
 * every referral of their PLIE; a partner reads the referrals it made (it authored them), and
 * writes only its own submissions.
 */
export class Migration20261127190000Referrals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "referral_status" as enum ('NEW', 'UNDER_REVIEW', 'POSTPONED', 'ACCEPTED', 'REFUSED', 'REDIRECTED');`);
    this.addSql(
      `create table "referral" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
        "referring_organisation_id" uuid not null references "organisation" ("id") on update cascade on delete restrict,
        "first_name" text not null, "last_name" text not null, "search_key" text not null, "birth_date" date not null, "gender" "gender" null,
        "phone" text null, "email" text null, "address_line" text null, "postcode" text null, "commune_code" text null, "priority_district_code" text null,
        "status" "referral_status" not null default 'NEW', "received_at" timestamptz not null,
        "decided_at" timestamptz null, "decided_by_id" uuid null references "app_user" ("id") on update cascade on delete restrict,
        "decision_reason" text null, "redirected_to" text null,
        "participant_id" uuid null references "participant" ("id") on update cascade on delete set null,
        "pathway_id" uuid null references "pathway" ("id") on update cascade on delete set null,
        constraint "referral_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "referral_tenant_id_status_received_at_index" on "referral" ("tenant_id", "status", "received_at");`);
    this.addSql(`create index "referral_search_key_birth_date_index" on "referral" ("tenant_id", "search_key", "birth_date");`);
    // One open referral per person: a second referral of the same person joins it (referral.service.ts).
    this.addSql(
      `create unique index "referral_open_person_unique" on "referral" ("tenant_id", "search_key", "birth_date") where "status" in ('NEW', 'UNDER_REVIEW', 'POSTPONED');`,
    );
    this.addSql(
      `create table "referral_submission" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
        "referral_id" uuid not null references "referral" ("id") on update cascade on delete cascade,
        "organisation_id" uuid not null references "organisation" ("id") on update cascade on delete restrict,
        "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
        "submitted_at" timestamptz not null, "situation" text not null, "reason" text not null, "expectations" text null,
        "agreement_method" "consent_method" not null, "agreed_on" date not null, "witness" text null,
        constraint "referral_submission_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "referral_submission_referral_id_index" on "referral_submission" ("referral_id");`);
    this.addSql(`create index "referral_submission_organisation_id_index" on "referral_submission" ("tenant_id", "organisation_id");`);

    for (const table of ['referral', 'referral_submission']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy ${table}_staff on "${table}" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
      );
    }
    // The referrals a partner took part in (definer rights: its submissions, once per statement).
    this.addSql(
      `create function jalon_partner_referrals() returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(distinct s.referral_id), '{}') from referral_submission s
         where s.tenant_id = jalon_tenant_id() and s.organisation_id = jalon_organisation_id() and not jalon_is_staff()
      $$;`,
    );
    // The open referral of a person, so a partner's referral joins it rather than doubling it. It
    // tells the partner only that an id exists; the partner reads the referral once it joined it.
    this.addSql(
      `create function jalon_open_referral(p_search_key text, p_birth_date date) returns uuid language sql stable security definer set search_path = public as $$
        select id from referral where tenant_id = jalon_tenant_id() and search_key = p_search_key and birth_date = p_birth_date
           and status in ('NEW', 'UNDER_REVIEW', 'POSTPONED')
      $$;`,
    );
    // Where the pathway a referral opened stands, for the referrals the viewer may read: a referring
    // partner always follows whether the person entered or left (it authored the referral), not the pathway itself.
    this.addSql(
      `create function jalon_referral_pathway_statuses(p_ids uuid[]) returns table (referral_id uuid, status pathway_status)
        language sql stable security definer set search_path = public as $$
        select r.id, p.status from referral r join pathway p on p.id = r.pathway_id
         where r.id = any(p_ids) and r.tenant_id = jalon_tenant_id()
           and (jalon_is_staff() or r.referring_organisation_id = jalon_organisation_id() or r.id = any(jalon_partner_referrals()))
      $$;`,
    );
    for (const fn of ['jalon_partner_referrals()', 'jalon_open_referral(text, date)', 'jalon_referral_pathway_statuses(uuid[])']) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to ${APP_ROLE};`);
    }
    this.addSql(
      `create policy referral_partner_read on "referral" for select using (tenant_id = jalon_tenant_id() and not jalon_is_staff()
        and (referring_organisation_id = jalon_organisation_id() or id = any((select jalon_partner_referrals())::uuid[])));`,
    );
    this.addSql(
      `create policy referral_partner_create on "referral" for insert with check (tenant_id = jalon_tenant_id() and not jalon_is_staff() and referring_organisation_id = jalon_organisation_id() and status = 'NEW');`,
    );
    this.addSql(
      `create policy referral_submission_partner_read on "referral_submission" for select using (tenant_id = jalon_tenant_id() and not jalon_is_staff() and organisation_id = jalon_organisation_id());`,
    );
    this.addSql(
      `create policy referral_submission_partner_create on "referral_submission" for insert with check (tenant_id = jalon_tenant_id() and not jalon_is_staff() and organisation_id = jalon_organisation_id() and author_id = jalon_user_id());`,
    );
    this.addSql(`grant select, insert, update on referral, referral_submission to ${APP_ROLE};`);
  }
}
