import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * A partner's transaction read every account of the tenant (with its password hash), every
 * membership, and every idempotency key. Memberships and, through them, users are now narrowed in
 * db/rls (membership.sql); an idempotency key belongs to the user who sent it. The keys written
 * before have no known sender: they only protect a retry in flight, so they are dropped.
 */
export class Migration20261205100100PartnerAccountRows extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql(`delete from "idempotency_key";`);
    this.addSql(`alter table "idempotency_key" add column "user_id" uuid not null references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "idempotency_key" drop constraint "idempotency_key_tenant_id_key_unique";`);
    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_tenant_id_user_id_key_unique" unique ("tenant_id", "user_id", "key");`);
    await super.up();
  }
}
