import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/** Documents attached to a referral by the partners who made it: each partner sees its own; staff see all. */
export class Migration20261127260000ReferralAttachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "referral_attachment" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
        "referral_id" uuid not null references "referral" ("id") on update cascade on delete cascade,
        "organisation_id" uuid not null references "organisation" ("id") on update cascade on delete restrict,
        "file_name" text not null, "content_type" text not null, "size_bytes" int not null, "sha256" text not null, "content" bytea not null,
        "uploaded_at" timestamptz not null, "uploaded_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
        constraint "referral_attachment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "referral_attachment_referral_id_index" on "referral_attachment" ("referral_id");`);
    this.addSql(`alter table "referral_attachment" enable row level security;`);
    this.addSql(`alter table "referral_attachment" force row level security;`);
    this.addSql(
      `create policy referral_attachment_staff on "referral_attachment" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
    );
    this.addSql(
      `create policy referral_attachment_partner on "referral_attachment" for all using (tenant_id = jalon_tenant_id() and not jalon_is_staff() and organisation_id = jalon_organisation_id())
        with check (tenant_id = jalon_tenant_id() and not jalon_is_staff() and organisation_id = jalon_organisation_id() and uploaded_by_id = jalon_user_id()
          and referral_id = any((select jalon_partner_referrals())::uuid[]));`,
    );
    this.addSql(`grant select, insert on referral_attachment to ${APP_ROLE};`);
  }
}
