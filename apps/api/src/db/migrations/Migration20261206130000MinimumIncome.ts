import { Migration } from '@mikro-orm/migrations';

/**
 * « Bénéficiaire du RSA » joins the situation at entry: the activity report counts the
 * beneficiaries of minimum income among the people who entered. Answered like the ESF+ items
 * (yes, no, « ne souhaite pas répondre »); unknown (null) for the pathways recorded before.
 */
export class Migration20261206130000MinimumIncome extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "pathway" add column "minimum_income" esf_answer null;`);
  }
}
