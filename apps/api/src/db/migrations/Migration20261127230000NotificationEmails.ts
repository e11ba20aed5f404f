import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/** Notifications also go out by email when a mail server is configured: each is marked once sent. */
export class Migration20261127230000NotificationEmails extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notification" add column "emailed_at" timestamptz null;`);
    this.addSql(`create index "notification_unsent_index" on "notification" ("tenant_id", "created_at") where "emailed_at" is null;`);
    // The mail sweep marks what it sent, acting as staff of the tenant.
    this.addSql(
      `create policy notification_mail_sent on "notification" for update using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
    );
    // The mail sweep runs as the application, tenant by tenant: this tells it which tenants have mail to send, nothing more.
    this.addSql(
      `create function jalon_tenants_with_unsent_notifications(p_since timestamptz) returns setof uuid language sql stable security definer set search_path = public as $$
        select distinct tenant_id from notification where emailed_at is null and created_at >= p_since
      $$;`,
    );
    this.addSql(`revoke all on function jalon_tenants_with_unsent_notifications(timestamptz) from public;`);
    this.addSql(`grant execute on function jalon_tenants_with_unsent_notifications(timestamptz) to ${APP_ROLE};`);
  }
}
