import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/** Employers are reminded once per contract and month that a report is due. */
export class Migration20261127240000ReportReminders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notification" add column "period" text null, add column "dedupe_key" text null;`);
    this.addSql(`create unique index "notification_dedupe_unique" on "notification" ("organisation_id", "dedupe_key") where "dedupe_key" is not null;`);
    // The reminder sweep runs as the application, tenant by tenant: this tells it which tenants have a contract whose month went unreported.
    this.addSql(
      `create function jalon_tenants_with_unreported_contracts(p_period text, p_first_day date, p_last_day date) returns setof uuid
        language sql stable security definer set search_path = public as $$
        select distinct c.tenant_id from assisted_contract c
         where c.start_on <= p_last_day and coalesce(c.ended_on, c.end_on, 'infinity'::date) >= p_first_day
           and not exists (select 1 from contract_report r where r.contract_id = c.id and r.period = p_period)
      $$;`,
    );
    this.addSql(`revoke all on function jalon_tenants_with_unreported_contracts(text, date, date) from public;`);
    this.addSql(`grant execute on function jalon_tenants_with_unreported_contracts(text, date, date) to ${APP_ROLE};`);
  }
}
