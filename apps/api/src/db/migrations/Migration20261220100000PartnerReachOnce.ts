import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * The partner policies of a person, a pathway and a stage read the partner's reach computed once
 * per transaction (db/rls/functions/jalon_partner_reach.sql), stashed in a setting under a seal
 * keyed by a secret the application role cannot read (issue 15): a partner's list evaluated the
 * grants three times in its one statement. The secret is made here, 256 bits from PostgreSQL's
 * strong random source, in a table under row-level security with no policy and no grant: only the
 * tables' owner, whose functions seal and check, reads it.
 */
export class Migration20261220100000PartnerReachOnce extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql('create table row_security_secret (secret text not null);');
    this.addSql(
      `insert into row_security_secret (secret) values (encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'));`,
    );
    await super.up();
  }
}
