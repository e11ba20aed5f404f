import { Migration } from '@mikro-orm/migrations';

/**
 * A notification that names a person (a consent granted or ended, a report due) records whom it
 * names: a partner is shown it only while it may see the person (access/notification-access.ts),
 * the notices that its access ended excepted. Row-level security backs it with the grants in force.
 */
export class Migration20261204191100NotificationSubjects extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notification" add column "participant_id" uuid null references "participant" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "notification_participant_index" on "notification" ("participant_id") where "participant_id" is not null;`);
    this.addSql(`drop policy notification_recipient on "notification";`);
    this.addSql(
      `create policy notification_recipient on "notification" for select using (tenant_id = jalon_tenant_id() and organisation_id = jalon_organisation_id()
        and (participant_id is null or kind in ('CONSENT_REVOKED', 'CONSENT_EXPIRED') or participant_id = any((select jalon_partner_participants(null))::uuid[])));`,
    );
  }
}
