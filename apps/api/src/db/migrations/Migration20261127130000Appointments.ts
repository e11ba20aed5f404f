import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/** Individual appointments and collective sessions, with attendance. */
export class Migration20261127130000Appointments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "appointment_kind" as enum ('INDIVIDUAL', 'COLLECTIVE');`);
    this.addSql(`create type "appointment_mode" as enum ('IN_PERSON', 'PHONE', 'VIDEO');`);
    this.addSql(`create type "appointment_place" as enum ('OFFICE', 'LOCAL_OFFICE_HOURS');`);
    this.addSql(`create type "appointment_status" as enum ('PLANNED', 'HELD', 'CANCELLED');`);
    this.addSql(`create type "attendance" as enum ('EXPECTED', 'PRESENT', 'EXCUSED', 'ABSENT');`);
    this.addSql(
      `create table "appointment" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "referent_id" uuid not null references "membership" ("id") on update cascade on delete restrict, "kind" "appointment_kind" not null, "title" text null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "mode" "appointment_mode" not null, "place" "appointment_place" null, "commune_code" text null, "video_link" text null, "status" "appointment_status" not null default 'PLANNED', constraint "appointment_pkey" primary key ("id"), constraint "appointment_ends_after_start" check ("ends_at" > "starts_at"));`,
    );
    this.addSql(`create index "appointment_referent_id_starts_at_index" on "appointment" ("referent_id", "starts_at");`);
    this.addSql(
      `create table "appointment_attendee" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "appointment_id" uuid not null references "appointment" ("id") on update cascade on delete cascade, "participant_id" uuid not null references "participant" ("id") on update cascade on delete cascade, "attendance" "attendance" not null default 'EXPECTED', constraint "appointment_attendee_pkey" primary key ("id"), constraint "appointment_attendee_appointment_id_participant_id_unique" unique ("appointment_id", "participant_id"));`,
    );
    this.addSql(`create index "appointment_attendee_participant_id_index" on "appointment_attendee" ("participant_id");`);
    for (const table of ['appointment', 'appointment_attendee']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy ${table}_staff on "${table}" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
      );
    }
    this.addSql(`grant select, insert, update on appointment, appointment_attendee to ${APP_ROLE};`);
  }
}
