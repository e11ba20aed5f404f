import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/** The signed consent form attached as evidence: one file per consent, staff only. */
export class Migration20261127160000ConsentEvidence extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "consent_evidence" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
        "consent_id" uuid not null references "consent" ("id") on update cascade on delete cascade,
        "file_name" text not null, "content_type" text not null, "size_bytes" int not null, "sha256" text not null, "content" bytea not null,
        "uploaded_at" timestamptz not null, "uploaded_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
        constraint "consent_evidence_pkey" primary key ("id"), constraint "consent_evidence_consent_id_unique" unique ("consent_id"));`,
    );
    this.addSql(`alter table "consent_evidence" enable row level security;`);
    this.addSql(`alter table "consent_evidence" force row level security;`);
    this.addSql(
      `create policy consent_evidence_staff on "consent_evidence" for all using (tenant_id = jalon_tenant_id() and jalon_is_staff()) with check (tenant_id = jalon_tenant_id() and jalon_is_staff());`,
    );
    this.addSql(`grant select, insert, update on consent_evidence to ${APP_ROLE};`);
  }
}
