import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/** The tenant's list of priority districts (QPV): territorial reference data, no personal data. */
export class Migration20261127140000PriorityDistricts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "priority_district" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1, "code" text not null, "name" text not null, "commune_codes" jsonb not null, constraint "priority_district_pkey" primary key ("id"), constraint "priority_district_tenant_id_code_unique" unique ("tenant_id", "code"));`,
    );
    this.addSql(`alter table "priority_district" enable row level security;`);
    this.addSql(`alter table "priority_district" force row level security;`);
    this.addSql(`create policy priority_district_read on "priority_district" for select using (tenant_id = jalon_tenant_id());`);
    this.addSql(
      `create policy priority_district_write on "priority_district" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
    );
    this.addSql(`grant select, insert, update on priority_district to ${APP_ROLE};`);
  }
}
