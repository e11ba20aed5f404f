import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * The PLIE's programme of actions: actions run by operators, their sessions, the positionings
 * referents propose on them (an operator sees one only under a consent sharing the action's kind
 * of stage with it: db/rls/functions/jalon_partner_positionings.sql), and the needs referents
 * record for the programme. An operator accepting a positioning writes the person's stage with it
 * and its line in the file's history (db/rls/tables/stage.sql, participant_change.sql).
 */
export class Migration20261215100000ProgrammeOfActions extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql(`create type "programme_action_status" as enum ('PLANNED', 'OPEN', 'FULL', 'DONE', 'CANCELLED');`);
    this.addSql(`create type "programme_funding" as enum ('ESF_OPERATION', 'PLIE', 'COMMUNE', 'OTHER');`);
    this.addSql(`create type "positioning_status" as enum ('PROPOSED', 'ACCEPTED', 'WAITING', 'DECLINED', 'WITHDRAWN');`);
    this.addSql(
      `create table "programme_action" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "title" text not null, "operator_id" uuid not null references "organisation" ("id") on update cascade on delete restrict,
      "kind_id" uuid not null references "stage_kind" ("id") on update cascade on delete restrict,
      "funding" "programme_funding" not null, "esf_operation_id" uuid null references "esf_operation" ("id") on update cascade on delete restrict,
      "funder" text null, "target_public" text not null, "status" "programme_action_status" not null default 'PLANNED',
      "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict, "updated_at" timestamptz not null,
      constraint "programme_action_pkey" primary key ("id"),
      constraint "programme_action_esf_funding" check (("funding" = 'ESF_OPERATION') = ("esf_operation_id" is not null)));`,
    );
    this.addSql(`create index "programme_action_tenant_id_status_index" on "programme_action" ("tenant_id", "status");`);
    this.addSql(`create index "programme_action_operator_id_index" on "programme_action" ("operator_id");`);
    this.addSql(
      `create table "programme_session" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "action_id" uuid not null references "programme_action" ("id") on update cascade on delete cascade,
      "starts_on" date not null, "ends_on" date not null, "commune_code" text not null, "places" int not null check ("places" between 1 and 200),
      constraint "programme_session_pkey" primary key ("id"), constraint "programme_session_span" check ("ends_on" >= "starts_on"));`,
    );
    this.addSql(`create index "programme_session_action_id_starts_on_index" on "programme_session" ("action_id", "starts_on");`);
    this.addSql(
      `create table "positioning" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "session_id" uuid not null references "programme_session" ("id") on update cascade on delete cascade,
      "participant_id" uuid not null references "participant" ("id") on update cascade on delete cascade,
      "pathway_id" uuid not null references "pathway" ("id") on update cascade on delete cascade,
      "reason" text not null, "status" "positioning_status" not null default 'PROPOSED',
      "answer_note" text null, "answered_at" timestamptz null, "answered_by_id" uuid null references "app_user" ("id") on update cascade on delete restrict,
      "waiting_since" timestamptz null, "stage_id" uuid null references "stage" ("id") on update cascade on delete set null,
      "proposed_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict, "updated_at" timestamptz not null,
      constraint "positioning_pkey" primary key ("id"), constraint "positioning_session_id_pathway_id_unique" unique ("session_id", "pathway_id"));`,
    );
    this.addSql(`create index "positioning_participant_id_index" on "positioning" ("participant_id");`);
    this.addSql(`create index "positioning_session_id_status_index" on "positioning" ("session_id", "status");`);
    this.addSql(
      `create table "programme_need" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "kind_id" uuid not null references "stage_kind" ("id") on update cascade on delete restrict, "commune_code" text not null,
      "people" int not null check ("people" between 1 and 500), "period" text not null, "quarter" text not null,
      "participant_id" uuid null references "participant" ("id") on update cascade on delete cascade, "note" text null,
      "author_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
      constraint "programme_need_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "programme_need_tenant_id_quarter_index" on "programme_need" ("tenant_id", "quarter");`);
    this.addSql(`grant select, insert, update on programme_action, programme_session, positioning to ${APP_ROLE};`);
    this.addSql(`grant select, insert, update, delete on programme_need to ${APP_ROLE};`);
    await super.up();
  }
}
