import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * The API keeps a partner's consents from one request to the next while its tenant's consents do
 * not change (issue 15): jalon_open_session() read and built them for every request, most of its
 * time (1.3 ms for 80 consents, and more for a partner named by hundreds). A trigger counts every
 * change to a tenant's consents in consent_version, whatever writes them; the session's opening
 * returns the consents only when the API's stamp differs from the count. The function's signature
 * changes, so it is dropped before the files are applied; the trigger and its function come from them.
 */
export class Migration20261220120000PartnerConsentsKept extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql(
      'create table consent_version (tenant_id uuid not null references tenant (id) on update cascade on delete cascade, version bigint not null, constraint consent_version_pkey primary key (tenant_id));',
    );
    this.addSql(`grant select on consent_version to ${APP_ROLE};`);
    this.addSql('drop function if exists jalon_open_session(text, timestamp with time zone);');
    // The trigger counting the changes comes with the files (tables/consent.sql), after its function.
    await super.up();
  }
}
