import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

const ENTRY_ITEMS = [
  'employment_situation',
  'education_level',
  'disability',
  'third_country_national',
  'foreign_background',
  'minority',
  'homeless',
  'rural_area',
  'minimum_income',
];

/**
 * ESF+ data leaves `pathway`: a partner may read a pathway row under consent, and with it read the
 * ESF+ items at entry (disability, minority…), which rest on a legal obligation and are never
 * shared, and the PLIE's own item at entry, RSA, likewise never shared. They move to `esf_record` (one per pathway, staff only), beside the ESF+ operations a
 * pathway belongs to, the history of its moves between operations, and the exit questionnaire.
 */
export class Migration20261207090000EsfStorage extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this
      .addSql(`create table "esf_operation" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "file_number" text not null, "title" text not null, "starts_on" date not null, "ends_on" date not null, "beneficiary" text not null,
      constraint "esf_operation_pkey" primary key ("id"), constraint "esf_operation_tenant_id_file_number_unique" unique ("tenant_id", "file_number"),
      constraint "esf_operation_period" check ("ends_on" >= "starts_on"));`);
    this
      .addSql(`create table "esf_record" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "pathway_id" uuid not null references "pathway" ("id") on update cascade on delete cascade,
      "operation_id" uuid null references "esf_operation" ("id") on update cascade on delete restrict,
      "employment_situation" "employment_situation" null, "education_level" smallint null check ("education_level" between 0 and 8),
      "disability" "esf_answer" null, "third_country_national" "esf_answer" null, "foreign_background" "esf_answer" null, "minority" "esf_answer" null,
      "homeless" "esf_answer" null, "rural_area" "esf_answer" null, "minimum_income" "esf_answer" null,
      "exit_job_searching" "esf_answer" null, "exit_in_training" "esf_answer" null, "exit_qualification" "esf_answer" null, "exit_employed" "esf_answer" null,
      "exit_answered_on" date null, "six_month_employed" "esf_answer" null, "six_month_better_situation" "esf_answer" null, "six_month_answered_on" date null,
      "updated_at" timestamptz not null,
      constraint "esf_record_pkey" primary key ("id"), constraint "esf_record_pathway_id_unique" unique ("pathway_id"));`);
    this.addSql(`create index "esf_record_operation_id_index" on "esf_record" ("operation_id");`);
    this
      .addSql(`create table "esf_operation_change" ("id" uuid not null, "created_at" timestamptz not null, "tenant_id" uuid not null references "tenant" ("id") on update cascade on delete cascade, "version" int not null default 1,
      "pathway_id" uuid not null references "pathway" ("id") on update cascade on delete cascade,
      "from_operation_id" uuid null references "esf_operation" ("id") on update cascade on delete restrict,
      "to_operation_id" uuid not null references "esf_operation" ("id") on update cascade on delete restrict,
      "changed_by_id" uuid not null references "app_user" ("id") on update cascade on delete restrict, "reason" text null,
      constraint "esf_operation_change_pkey" primary key ("id"));`);
    this.addSql(`create index "esf_operation_change_pathway_id_index" on "esf_operation_change" ("pathway_id");`);
    this.addSql(`insert into "esf_record" ("id", "created_at", "tenant_id", "pathway_id", ${ENTRY_ITEMS.join(', ')}, "updated_at")
      select gen_random_uuid(), now(), "tenant_id", "id", ${ENTRY_ITEMS.join(', ')}, now() from "pathway";`);
    // Operations are closed rather than deleted (pathways point to them); records go with their pathway.
    this.addSql(`grant select, insert, update on esf_operation, esf_record, esf_operation_change to ${APP_ROLE};`);
    for (const column of ENTRY_ITEMS) this.addSql(`alter table "pathway" drop column "${column}";`);
    await super.up();
  }
}
