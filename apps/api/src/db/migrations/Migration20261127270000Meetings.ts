import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

const COMMON = `"id" uuid not null primary key, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1`;

/**
 * Meetings (accreditation commissions, coordination meetings…), their invitations, agenda, actions
 * and documents. Staff work on every meeting of the PLIE. A partner reads the meetings its
 * organisation is invited to, and of their agenda only the general items, the items about its own
 * referrals and the items about people who shared their pathway with it for coordination meetings
 * (a grant in force: refusals are applied on top by the API, access/meeting-access.ts). The
 * withheld items' places in the agenda come from a definer function, without their content.
 */
export class Migration20261127270000Meetings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "meeting_kind" as enum ('ACCREDITATION_COMMISSION', 'PARTNER_COORDINATION', 'REFERENTS_MEETING', 'FOLLOW_UP_COMMITTEE');`);
    this.addSql(`create type "meeting_status" as enum ('PLANNED', 'HELD', 'MINUTES_PUBLISHED');`);
    this.addSql(
      `create table "meeting" (${COMMON}, "kind" "meeting_kind" not null, "title" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null,
        "place" text null, "video_link" text null, "organiser_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
        "status" "meeting_status" not null default 'PLANNED', "minutes" text null,
        "minutes_published_at" timestamptz null, "minutes_published_by_id" uuid null references "app_user" ("id") on update cascade on delete restrict,
        constraint "meeting_place_or_link" check ("place" is not null or "video_link" is not null), constraint "meeting_ends_after_start" check ("ends_at" > "starts_at"));`,
    );
    this.addSql(`create index "meeting_tenant_starts_at_index" on "meeting" ("tenant_id", "starts_at");`);
    this.addSql(
      `create table "meeting_invitation" (${COMMON}, "meeting_id" uuid not null references "meeting" ("id") on update cascade on delete cascade,
        "organisation_id" uuid not null references "organisation" ("id") on update cascade on delete restrict, constraint "meeting_invitation_unique" unique ("meeting_id", "organisation_id"));`,
    );
    this.addSql(`create index "meeting_invitation_organisation_index" on "meeting_invitation" ("organisation_id");`);
    this.addSql(
      `create table "meeting_invitee" (${COMMON}, "meeting_id" uuid not null references "meeting" ("id") on update cascade on delete cascade,
        "user_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
        "organisation_id" uuid not null references "organisation" ("id") on update cascade on delete restrict, constraint "meeting_invitee_unique" unique ("meeting_id", "user_id"));`,
    );
    this.addSql(
      `create table "agenda_item" (${COMMON}, "meeting_id" uuid not null references "meeting" ("id") on update cascade on delete cascade, "position" int not null,
        "participant_id" uuid null references "participant" ("id") on update cascade on delete cascade,
        "referral_id" uuid null references "referral" ("id") on update cascade on delete cascade,
        "question" text not null, "proposed_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
        "decision" text null check ("decision" in ('ACCEPT', 'REFUSE', 'REDIRECT', 'POSTPONE')), "decision_reason" text null, "redirected_to" text null,
        "assigned_referent_id" uuid null references "membership" ("id") on update cascade on delete restrict,
        "minutes" text null, "decided_at" timestamptz null, "decided_by_id" uuid null references "app_user" ("id") on update cascade on delete restrict,
        constraint "agenda_item_about_one" check ("participant_id" is null or "referral_id" is null),
        constraint "agenda_item_decision_on_referral" check ("decision" is null or "referral_id" is not null));`,
    );
    this.addSql(`create index "agenda_item_meeting_index" on "agenda_item" ("meeting_id", "position");`);
    this.addSql(`create index "agenda_item_participant_index" on "agenda_item" ("participant_id");`);
    this.addSql(`create index "agenda_item_referral_index" on "agenda_item" ("referral_id");`);
    this.addSql(
      `create table "agenda_action" (${COMMON}, "item_id" uuid not null references "agenda_item" ("id") on update cascade on delete cascade,
        "description" text not null, "owner_organisation_id" uuid not null references "organisation" ("id") on update cascade on delete restrict, "due_on" date not null);`,
    );
    this.addSql(`create index "agenda_action_item_index" on "agenda_action" ("item_id");`);
    this.addSql(
      `create table "meeting_document" (${COMMON}, "meeting_id" uuid not null references "meeting" ("id") on update cascade on delete cascade,
        "item_id" uuid null references "agenda_item" ("id") on update cascade on delete cascade,
        "file_name" text not null, "content_type" text not null, "size_bytes" int not null, "sha256" text not null, "content" bytea not null,
        "uploaded_at" timestamptz not null, "uploaded_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict);`,
    );
    this.addSql(`create index "meeting_document_meeting_index" on "meeting_document" ("meeting_id");`);

    // The meetings the partner's organisation is invited to.
    this.addSql(
      `create function jalon_partner_meetings() returns uuid[] language plpgsql stable security definer set search_path = public as $$
        begin
          return (select coalesce(array_agg(i.meeting_id), '{}') from meeting_invitation i
            where i.tenant_id = jalon_tenant_id() and i.organisation_id = jalon_organisation_id() and not jalon_is_staff());
        end
      $$;`,
    );
    // The people who shared their pathway status with the partner (or its kind) for coordination meetings, now.
    this.addSql(
      `create function jalon_partner_meeting_participants() returns uuid[] language plpgsql stable security definer set search_path = public as $$
        begin
          return (select coalesce(array_agg(distinct c.participant_id), '{}') from consent c join organisation o on o.id = jalon_organisation_id() and o.tenant_id = c.tenant_id
           where c.tenant_id = jalon_tenant_id() and not jalon_is_staff() and c.effect = 'GRANT' and c.status = 'ACTIVE' and c.purpose = 'COORDINATION_MEETINGS'
             and 'PATHWAY_STATUS' = any(c.data_classes) and c.valid_from <= jalon_now() and (c.valid_until is null or jalon_now() < c.valid_until)
             and (c.grantee_organisation_id = o.id or c.grantee_kind = o.kind));
        end
      $$;`,
    );
    // Where each item of a meeting the viewer may read stands in its agenda: the places of withheld items, never their content.
    this.addSql(
      `create function jalon_meeting_agenda(p_meeting uuid) returns table (id uuid, "position" int) language plpgsql stable security definer set search_path = public as $$
        begin
          return query select a.id, a.position from agenda_item a
           where a.meeting_id = p_meeting and a.tenant_id = jalon_tenant_id() and (jalon_is_staff() or p_meeting = any(jalon_partner_meetings()));
        end
      $$;`,
    );
    for (const fn of ['jalon_partner_meetings()', 'jalon_partner_meeting_participants()', 'jalon_meeting_agenda(uuid)']) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to ${APP_ROLE};`);
    }

    const invited = `meeting_id = any((select jalon_partner_meetings())::uuid[])`;
    const partnerRead: Record<string, string> = {
      meeting: `id = any((select jalon_partner_meetings())::uuid[])`,
      meeting_invitation: invited,
      meeting_invitee: invited,
      agenda_item: `${invited} and ((participant_id is null and referral_id is null)
        or participant_id = any((select jalon_partner_meeting_participants())::uuid[]) or referral_id in (select r.id from referral r))`,
      agenda_action: `item_id in (select a.id from agenda_item a)`,
      meeting_document: `${invited} and (item_id is null or item_id in (select a.id from agenda_item a))`,
    };
    for (const [table, readable] of Object.entries(partnerRead)) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy ${table}_staff on "${table}" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
      );
      this.addSql(
        `create policy ${table}_partner_read on "${table}" for select using (tenant_id = jalon_tenant_id() and not jalon_is_staff() and ${readable});`,
      );
      this.addSql(`grant select, insert, update, delete on "${table}" to ${APP_ROLE};`);
    }
  }
}
