import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * The life cycle of a file (packages/domain retention.ts): the tenant's retention policy, the day a
 * pathway closed, the last payment of an ESF+ operation (its audit retention counts from it), the
 * archive and anonymisation days of a file, the record of each retention run, the reason of an
 * archived file's read in the access log, and the anchor the access log's chain starts from once
 * its oldest entries are deleted. Archived files: the animation team only
 * (db/rls/tables/participant.sql, functions/jalon_partner_grants.sql).
 */
export class Migration20261215120000Retention extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql(`alter table "pathway" add column "closed_on" date null;`);
    // The day of each closing already recorded is in the file's history (the latest closing for the
    // latest closed pathway); older pathways fall back on their exit day when the rules read them.
    this.addSql(
      `update "pathway" pw set "closed_on" = h.day from (
         select c.participant_id, max(d.value->>'after')::date as day from "participant_change" c, jsonb_array_elements(c.changes) d
          where c.action = 'pathway.status' and c.changes @> '[{"field": "status", "after": "CLOSED"}]' and d.value->>'field' = 'date'
          group by c.participant_id) h
        where pw.participant_id = h.participant_id and pw.status = 'CLOSED'
          and pw.number = (select max(o.number) from "pathway" o where o.participant_id = pw.participant_id and o.status = 'CLOSED');`,
    );
    this.addSql(`alter table "esf_operation" add column "last_payment_on" date null;`);
    this.addSql(`alter table "participant" add column "archived_on" date null, add column "anonymised_on" date null;`);
    this.addSql(`create index "participant_archived_on_index" on "participant" ("tenant_id", "archived_on");`);
    this.addSql(`alter table "access_log" add column "reason" text null;`);
    this.addSql(
      `create table "retention_policy" ("tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "archive_after_months" int not null check ("archive_after_months" between 1 and 120),
      "anonymise_after_years" int not null check ("anonymise_after_years" between 0 and 30),
      "access_log_months" int not null check ("access_log_months" between 6 and 120),
      "updated_at" timestamptz not null, "updated_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
      constraint "retention_policy_pkey" primary key ("tenant_id"));`,
    );
    this.addSql(`create type "retention_run_kind" as enum ('DAILY', 'ERASURE');`);
    this.addSql(
      `create table "retention_run" ("id" uuid not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade,
      "kind" "retention_run_kind" not null, "at" timestamptz not null, "day" date not null,
      "by_id" uuid null references "app_user" ("id") on update cascade on delete restrict, "reason" text null,
      "archived_ids" uuid[] not null default '{}', "anonymised_ids" uuid[] not null default '{}',
      "access_log_deleted" int not null default 0, "access_log_anchor_seq" bigint null,
      constraint "retention_run_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "retention_run_tenant_id_at_index" on "retention_run" ("tenant_id", "at");`);
    this.addSql(
      `create table "access_log_anchor" ("tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade,
      "seq" bigint not null, "hash" text not null, "at" timestamptz not null, constraint "access_log_anchor_pkey" primary key ("tenant_id"));`,
    );
    this.addSql(`grant select, insert, update on retention_policy to ${APP_ROLE};`);
    this.addSql(`grant select, insert on retention_run to ${APP_ROLE};`);
    this.addSql(`grant select on access_log_anchor to ${APP_ROLE};`);
    await super.up();
  }
}
