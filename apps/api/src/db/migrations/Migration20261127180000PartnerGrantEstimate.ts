import { Migration } from '@mikro-orm/migrations';

/**
 * A partner holds a few dozen grants, not the thousand rows PostgreSQL assumes of a function: told
 * so, the planner reaches a grant's pathways and stages through their indexes instead of scanning
 * every stage of every PLIE (the partner's list went from a scan of 1M stages to 700 index reads).
 */
export class Migration20261127180000PartnerGrantEstimate extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter function jalon_partner_grants() rows 20;`);
  }
}
