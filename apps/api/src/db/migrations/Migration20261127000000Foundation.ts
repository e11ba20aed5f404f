import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/**
 * Tenants, organisations, users, memberships, invitations, sessions and login attempts, with
 * row-level security on every table. Policies read the request's settings (set by
 * access/request-transaction.ts); with none set, the application role sees no row at all.
 */
export class Migration20261127000000Foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$ begin
      if not exists (select from pg_roles where rolname = '${APP_ROLE}') then create role ${APP_ROLE} nologin; end if;
      if not pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') then execute format('grant ${APP_ROLE} to %I', current_user); end if;
    end $$;`);

    this.addSql(
      `create type "organisation_kind" as enum ('ANIMATION_TEAM', 'REFERENT_OPERATOR', 'COMMUNE', 'INTEGRATION_COMPANY', 'TRAINING_OPERATOR', 'OTHER_PARTNER');`,
    );
    this.addSql(`create type "siae_kind" as enum ('ACI', 'EI', 'ETTI', 'AI', 'EITI', 'GEIQ');`);
    this.addSql(`create type "membership_role" as enum ('TENANT_ADMIN', 'ANIMATION_TEAM', 'REFERENT', 'PARTNER_AGENT', 'PARTNER_ADMIN');`);

    this.addSql(
      `create table "tenant" ("id" uuid not null, "created_at" timestamptz not null, "slug" text not null, "name" text not null, "colleagues_can_read" boolean not null default true, constraint "tenant_pkey" primary key ("id"), constraint "tenant_slug_unique" unique ("slug"));`,
    );
    this.addSql(
      `create table "organisation" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "name" text not null, "kind" "organisation_kind" not null, "siae_kind" "siae_kind" null, "insee_code" text null, "siret" text null, "active" boolean not null default true, constraint "organisation_pkey" primary key ("id"), constraint "organisation_tenant_id_name_unique" unique ("tenant_id", "name"));`,
    );
    this.addSql(
      `create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "email" text not null, "display_name" text not null, "password_hash" text null, "locale" text not null default 'fr', "failed_login_count" int not null default 0, "locked_until" timestamptz null, constraint "app_user_pkey" primary key ("id"), constraint "app_user_email_unique" unique ("email"), constraint "app_user_email_lower" check ("email" = lower("email")));`,
    );
    this.addSql(
      `create table "membership" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "user_id" uuid not null references "app_user" ("id") on update cascade on delete cascade, "organisation_id" uuid not null references "organisation" ("id") on update cascade on delete cascade, "role" "membership_role" not null, "active" boolean not null default true, constraint "membership_pkey" primary key ("id"), constraint "membership_tenant_id_user_id_organisation_id_unique" unique ("tenant_id", "user_id", "organisation_id"));`,
    );
    this.addSql(`create index "membership_user_id_index" on "membership" ("user_id");`);
    this.addSql(
      `create table "invitation" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "email" text not null, "display_name" text not null, "organisation_id" uuid not null references "organisation" ("id") on update cascade on delete cascade, "role" "membership_role" not null, "token_hash" text not null, "invited_by_id" uuid null references "app_user" ("id") on update cascade on delete set null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "revoked_at" timestamptz null, constraint "invitation_pkey" primary key ("id"), constraint "invitation_token_hash_unique" unique ("token_hash"));`,
    );
    this.addSql(
      `create table "session" ("id" uuid not null, "created_at" timestamptz not null, "token_hash" text not null, "user_id" uuid not null references "app_user" ("id") on update cascade on delete cascade, "membership_id" uuid null references "membership" ("id") on update cascade on delete set null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, "revoked_at" timestamptz null, "ip" text null, "user_agent" text null, constraint "session_pkey" primary key ("id"), constraint "session_token_hash_unique" unique ("token_hash"));`,
    );
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(
      `create table "login_attempt" ("id" bigserial primary key, "email" text not null, "ip" text not null, "succeeded" boolean not null, "at" timestamptz not null);`,
    );
    this.addSql(`create index "login_attempt_ip_at_index" on "login_attempt" ("ip", "at");`);
    this.addSql(`create index "login_attempt_email_at_index" on "login_attempt" ("email", "at");`);

    this.addSql(
      `create table "idempotency_key" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "key" text not null, "operation" text not null, "result_id" uuid not null, constraint "idempotency_key_pkey" primary key ("id"), constraint "idempotency_key_tenant_id_key_unique" unique ("tenant_id", "key"));`,
    );

    // The request's settings, as typed values; empty or unset reads as null, so nothing matches.
    for (const [fn, setting, type] of [
      ['jalon_tenant_id', 'jalon.tenant_id', 'uuid'],
      ['jalon_user_id', 'jalon.user_id', 'uuid'],
      ['jalon_organisation_id', 'jalon.organisation_id', 'uuid'],
      ['jalon_auth_email', 'jalon.auth_email', 'text'],
      ['jalon_auth_ip', 'jalon.auth_ip', 'text'],
      ['jalon_session_token', 'jalon.session_token', 'text'],
      ['jalon_invitation_token', 'jalon.invitation_token', 'text'],
    ] as const) {
      this.addSql(`create function ${fn}() returns ${type} language sql stable as $$ select nullif(current_setting('${setting}', true), '')::${type} $$;`);
    }

    for (const table of ['tenant', 'organisation', 'app_user', 'membership', 'invitation', 'session', 'login_attempt', 'idempotency_key']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
    }

    // Tenants: the active one, and those the user belongs to (for the tenant switcher).
    this.addSql(
      `create policy tenant_read on "tenant" for select using (id = jalon_tenant_id() or exists (select 1 from membership m where m.tenant_id = tenant.id and m.user_id = jalon_user_id() and m.active));`,
    );
    this.addSql(`create policy tenant_write on "tenant" for update using (id = jalon_tenant_id()) with check (id = jalon_tenant_id());`);

    this.addSql(
      `create policy organisation_read on "organisation" for select using (tenant_id = jalon_tenant_id() or exists (select 1 from membership m where m.organisation_id = organisation.id and m.user_id = jalon_user_id() and m.active));`,
    );
    this.addSql(`create policy organisation_write on "organisation" for all using (tenant_id = jalon_tenant_id()) with check (tenant_id = jalon_tenant_id());`);

    this.addSql(`create policy membership_read on "membership" for select using (tenant_id = jalon_tenant_id() or user_id = jalon_user_id());`);
    this.addSql(`create policy membership_write on "membership" for all using (tenant_id = jalon_tenant_id()) with check (tenant_id = jalon_tenant_id());`);

    // Users: oneself, members of the active tenant, the account being logged into, the invitee.
    this.addSql(
      `create policy app_user_read on "app_user" for select using (id = jalon_user_id() or email = jalon_auth_email() or exists (select 1 from membership m where m.user_id = app_user.id and m.tenant_id = jalon_tenant_id()));`,
    );
    this.addSql(`create policy app_user_insert on "app_user" for insert with check (email = jalon_auth_email());`);
    this.addSql(`create policy app_user_update on "app_user" for update using (id = jalon_user_id() or email = jalon_auth_email());`);

    this.addSql(`create policy invitation_read on "invitation" for select using (tenant_id = jalon_tenant_id() or token_hash = jalon_invitation_token());`);
    this.addSql(`create policy invitation_insert on "invitation" for insert with check (tenant_id = jalon_tenant_id());`);
    this.addSql(`create policy invitation_update on "invitation" for update using (tenant_id = jalon_tenant_id() or token_hash = jalon_invitation_token());`);

    this.addSql(
      `create policy session_access on "session" for all using (token_hash = jalon_session_token() or user_id = jalon_user_id()) with check (user_id = jalon_user_id());`,
    );
    // Tenant admins revoke the sessions of members they deactivate (an UPDATE must see the rows it changes).
    this.addSql(
      `create policy session_tenant_read on "session" for select using (exists (select 1 from membership m where m.id = session.membership_id and m.tenant_id = jalon_tenant_id()));`,
    );
    this.addSql(
      `create policy session_tenant_revoke on "session" for update using (exists (select 1 from membership m where m.id = session.membership_id and m.tenant_id = jalon_tenant_id()));`,
    );

    this.addSql(`create policy login_attempt_read on "login_attempt" for select using (email = jalon_auth_email() or ip = jalon_auth_ip());`);
    this.addSql(`create policy login_attempt_insert on "login_attempt" for insert with check (email = jalon_auth_email() and ip = jalon_auth_ip());`);

    this.addSql(
      `create policy idempotency_key_access on "idempotency_key" for all using (tenant_id = jalon_tenant_id()) with check (tenant_id = jalon_tenant_id());`,
    );

    this.addSql(`grant usage on schema public to ${APP_ROLE};`);
    this.addSql(`grant select, insert, update, delete on tenant, organisation, app_user, membership, invitation, session to ${APP_ROLE};`);
    this.addSql(`grant select, insert on login_attempt, idempotency_key to ${APP_ROLE};`);
    this.addSql(`grant usage on sequence login_attempt_id_seq to ${APP_ROLE};`);
    this.addSql(`revoke insert, delete on tenant from ${APP_ROLE};`);
  }
}
