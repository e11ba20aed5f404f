import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * Referents' office hours in the communes (« permanences »): the animation team's assignments, the
 * weekly hours with their closed days, the communes' calendar links, and appointments booked in
 * them by a commune for a resident it refers. One live booking per referent and start, held by a
 * unique index: two agents booking one slot at once get one booking and one refusal.
 */
export class Migration20261215110000OfficeHours extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    const common = `"id" uuid not null primary key, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1`;
    this.addSql(`create type "office_hours_closure_reason" as enum ('HOLIDAY', 'CANCELLED');`);
    this.addSql(
      `create table "office_hours_assignment" (${common},
      "referent_id" uuid not null references "membership" ("id") on update cascade on delete restrict,
      "commune_code" text not null, "priority_district_code" text null,
      constraint "office_hours_assignment_place_unique" unique nulls not distinct ("tenant_id", "referent_id", "commune_code", "priority_district_code"));`,
    );
    this.addSql(`create index "office_hours_assignment_referent_id_index" on "office_hours_assignment" ("referent_id");`);
    this.addSql(
      `create table "office_hours" (${common},
      "assignment_id" uuid not null references "office_hours_assignment" ("id") on update cascade on delete restrict,
      "referent_id" uuid not null references "membership" ("id") on update cascade on delete restrict,
      "commune_code" text not null, "weekday" smallint not null check ("weekday" between 1 and 7),
      "start_minute" smallint not null check ("start_minute" between 0 and 1439), "end_minute" smallint not null check ("end_minute" > "start_minute" and "end_minute" <= 1440),
      "slot_minutes" smallint not null check ("slot_minutes" between 5 and 240), "address" text not null,
      "valid_from" date not null, "valid_until" date null check ("valid_until" >= "valid_from"), "updated_at" timestamptz not null);`,
    );
    this.addSql(`create index "office_hours_commune_code_index" on "office_hours" ("tenant_id", "commune_code");`);
    this.addSql(`create index "office_hours_referent_id_index" on "office_hours" ("referent_id");`);
    this.addSql(
      `create table "office_hours_closure" (${common},
      "office_hours_id" uuid not null references "office_hours" ("id") on update cascade on delete cascade,
      "day" date not null, "reason" "office_hours_closure_reason" not null, "note" text null,
      constraint "office_hours_closure_office_hours_id_day_unique" unique ("office_hours_id", "day"));`,
    );
    this.addSql(
      `create table "office_hours_calendar_link" (${common},
      "organisation_id" uuid not null references "organisation" ("id") on update cascade on delete cascade,
      "token_hash" text not null, "created_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
      "revoked_at" timestamptz null, constraint "office_hours_calendar_link_token_hash_unique" unique ("token_hash"));`,
    );
    this.addSql(`create index "office_hours_calendar_link_organisation_id_index" on "office_hours_calendar_link" ("organisation_id");`);
    this.addSql(
      `alter table "appointment" add column "office_hours_id" uuid null references "office_hours" ("id") on update cascade on delete restrict,
      add column "referral_id" uuid null references "referral" ("id") on update cascade on delete cascade,
      add column "referral_attendance" "attendance" null,
      add column "booked_by_organisation_id" uuid null references "organisation" ("id") on update cascade on delete restrict,
      add column "agreement_method" "consent_method" null, add column "agreed_on" date null, add column "reminder_sent_at" timestamptz null,
      add constraint "appointment_referral_agreed" check ("referral_id" is null or ("agreement_method" is not null and "agreed_on" is not null and "booked_by_organisation_id" is not null));`,
    );
    // The slot is taken for everyone at once: the database, not a check before the insert, refuses the second booking.
    this.addSql(
      `create unique index "appointment_office_hours_slot_unique" on "appointment" ("tenant_id", "referent_id", "starts_at") where "office_hours_id" is not null and "status" <> 'CANCELLED';`,
    );
    this.addSql(`create index "appointment_office_hours_id_index" on "appointment" ("office_hours_id") where "office_hours_id" is not null;`);
    this.addSql(`create index "appointment_referral_id_index" on "appointment" ("referral_id") where "referral_id" is not null;`);
    this.addSql(`grant select, insert, update, delete on office_hours_assignment, office_hours, office_hours_closure to ${APP_ROLE};`);
    this.addSql(`grant select, insert, update on office_hours_calendar_link to ${APP_ROLE};`);
    await super.up();
  }
}
