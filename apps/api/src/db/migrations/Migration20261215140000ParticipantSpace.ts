import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * The participant's own space (issue 18 §1): the access codes a referent hands her (printed, or
 * sent as a sign-in link), her own sessions (a principal of its own kind, not a membership), and
 * her requests for correction or erasure that the animation team answers. She reads her file
 * through jalon_participant_file() only (db/rls/functions), keyed on her session.
 */
export class Migration20261215140000ParticipantSpace extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "participant_access_code" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade,
      "participant_id" uuid not null references "participant" ("id") on update cascade on delete cascade,
      "code_hash" text not null, "delivery" text not null check ("delivery" in ('PRINTED', 'EMAIL')),
      "created_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
      "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null,
      constraint "participant_access_code_pkey" primary key ("id"), constraint "participant_access_code_code_hash_unique" unique ("code_hash"));`,
    );
    this.addSql(`create index "participant_access_code_participant_id_index" on "participant_access_code" ("participant_id");`);
    this.addSql(
      `create table "participant_session" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade,
      "participant_id" uuid not null references "participant" ("id") on update cascade on delete cascade,
      "token_hash" text not null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, "revoked_at" timestamptz null,
      constraint "participant_session_pkey" primary key ("id"), constraint "participant_session_token_hash_unique" unique ("token_hash"));`,
    );
    this.addSql(`create index "participant_session_participant_id_index" on "participant_session" ("participant_id");`);
    this.addSql(
      `create table "rights_request" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "participant_id" uuid not null references "participant" ("id") on update cascade on delete cascade,
      "kind" text not null check ("kind" in ('CORRECTION', 'ERASURE')), "message" text not null check (length("message") between 1 and 4000),
      "due_on" date not null, "status" text not null default 'OPEN' check ("status" in ('OPEN', 'ANSWERED')),
      "answer" text null, "answered_at" timestamptz null,
      "answered_by_id" uuid null references "app_user" ("id") on update cascade on delete restrict,
      constraint "rights_request_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "rights_request_tenant_id_status_due_on_index" on "rights_request" ("tenant_id", "status", "due_on");`);
    this.addSql(`create index "rights_request_participant_id_index" on "rights_request" ("participant_id");`);
    // Column grants: a code is spent and a session opened only by jalon_redeem_participant_code; a
    // session's owner or a referent may only slide or end it.
    this.addSql(`grant select, insert on participant_access_code to ${APP_ROLE};`);
    this.addSql(`grant update ("revoked_at") on participant_access_code to ${APP_ROLE};`);
    this.addSql(`grant select on participant_session to ${APP_ROLE};`);
    this.addSql(`grant update ("last_seen_at", "revoked_at") on participant_session to ${APP_ROLE};`);
    this.addSql(`grant select, insert on rights_request to ${APP_ROLE};`);
    this.addSql(`grant update ("status", "answer", "answered_at", "answered_by_id", "version") on rights_request to ${APP_ROLE};`);
    await super.up();
  }
}
