import { Migration } from '@mikro-orm/migrations';

/**
 * A partner reads only what it submitted itself. When a second partner refers a person who
 * already has an open referral, it joins that referral, but the referral's row holds what the
 * first partner typed: each submission now keeps its own copy of the person as its partner typed
 * it, and of the referral's progress from the moment it was submitted (status, decision). A
 * partner reads its submissions only; the referral row, the staff and the partner that created it.
 * The commission's item about a referral shows to a partner whose submission was there when the
 * item was put on the agenda. One submission per organisation and referral.
 */
export class Migration20261204191000OwnReferralSubmissions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "referral_submission" add column "first_name" text null, add column "last_name" text null, add column "search_key" text null,
        add column "birth_date" date null, add column "gender" "gender" null, add column "phone" text null, add column "email" text null,
        add column "address_line" text null, add column "postcode" text null, add column "commune_code" text null, add column "priority_district_code" text null,
        add column "status" "referral_status" not null default 'NEW', add column "decided_at" timestamptz null,
        add column "decision_reason" text null, add column "redirected_to" text null;`,
    );
    // Existing rows: the person's name and birth date (each partner typed the same ones to join), the rest only for the partner that typed it.
    this.addSql(
      `update "referral_submission" s set "first_name" = r."first_name", "last_name" = r."last_name", "search_key" = r."search_key", "birth_date" = r."birth_date",
        "status" = r."status", "decided_at" = r."decided_at", "decision_reason" = r."decision_reason", "redirected_to" = r."redirected_to"
        from "referral" r where r."id" = s."referral_id";`,
    );
    this.addSql(
      `update "referral_submission" s set "gender" = r."gender", "phone" = r."phone", "email" = r."email", "address_line" = r."address_line",
        "postcode" = r."postcode", "commune_code" = r."commune_code", "priority_district_code" = r."priority_district_code"
        from "referral" r where r."id" = s."referral_id" and s."organisation_id" = r."referring_organisation_id";`,
    );
    for (const column of ['first_name', 'last_name', 'search_key', 'birth_date'])
      this.addSql(`alter table "referral_submission" alter column "${column}" set not null;`);
    this.addSql(`create unique index "referral_submission_organisation_unique" on "referral_submission" ("tenant_id", "referral_id", "organisation_id");`);
    this.addSql(`create index "referral_submission_mine_index" on "referral_submission" ("tenant_id", "organisation_id", "submitted_at");`);

    // The referral row is what its first partner typed: that partner (which created it) and staff read it, no one else.
    this.addSql(`drop policy referral_partner_read on "referral";`);
    this.addSql(
      `create policy referral_partner_read on "referral" for select using (tenant_id = jalon_tenant_id() and not jalon_is_staff() and referring_organisation_id = jalon_organisation_id());`,
    );
    // A partner sees an agenda item about a referral only if its own submission was there when the item was added.
    this.addSql(`drop policy agenda_item_partner_read on "agenda_item";`);
    this.addSql(
      `create policy agenda_item_partner_read on "agenda_item" for select using (tenant_id = jalon_tenant_id() and not jalon_is_staff()
        and meeting_id = any((select jalon_partner_meetings())::uuid[]) and ((participant_id is null and referral_id is null)
          or participant_id = any((select jalon_partner_meeting_participants())::uuid[])
          or exists (select 1 from referral_submission s where s.referral_id = agenda_item.referral_id and s.created_at <= agenda_item.created_at)));`,
    );
  }
}
