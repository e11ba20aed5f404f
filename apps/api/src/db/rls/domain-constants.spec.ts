import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DataClass,
  JOB_EXITS,
  OPEN_REFERRAL_STATUSES,
  PARTNER_ROLES,
  POSITIVE_EXITS,
  rolesHolding,
  SPECIAL_CATEGORY_CLASSES,
  STAFF_ORGANISATION_KINDS,
  StageCategory,
  stageReports,
} from '@jalon/domain';

/**
 * The SQL functions and policies write some rules of packages/domain out as literals (README.md, last
 * paragraph): a change on one side only would make row-level security let a partner read what the
 * API withholds, or the reverse. These read the literals back from the files (which the database
 * is compared with in row-level-security-files.integration-spec.ts) and hold them to the domain.
 */
const functionText = (name: string) => fs.readFileSync(path.join(__dirname, 'functions', `${name}.sql`), 'utf8');
const tableText = (name: string) => fs.readFileSync(path.join(__dirname, 'tables', `${name}.sql`), 'utf8');

/** The quoted values of an SQL list: `'A', 'B'` → ['A', 'B']. */
const values = (list: string) => [...list.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]);

/** Each match's capture groups: fails (empty) rather than passes when the SQL no longer reads as expected. */
function matchesIn(text: string, pattern: RegExp): string[][] {
  return [...text.matchAll(pattern)].map((match) => match.slice(1));
}

describe('the domain rules written out in the row-level security files', () => {
  it('hold special-category data (health, disability, justice) back from grants to a whole kind of partner', () => {
    const lists = matchesIn(functionText('jalon_partner_grants'), /cls not in \(([^)]*)\)/g);
    expect(lists).toHaveLength(1);
    expect(values(lists[0]![0]!).sort()).toEqual([...SPECIAL_CATEGORY_CLASSES].sort());
  });

  it.each(['jalon_partner_stages_sharing', 'jalon_partner_positionings'])(
    '%s: let an operator see a stage (or positioning) for the reports its category calls for, under the matching purpose',
    (name) => {
      const rules = matchesIn(functionText(name), /k\.category in \(([^)]*)\) and '([A-Z_]+)' = any\(g\.data_classes\) and g\.purpose = '([A-Z_]+)'/g);
      const inSql = rules.map(([categories, reportClass, purpose]) => ({ reportClass, purpose, categories: values(categories!).sort() }));
      const inDomain = [DataClass.CONTRACT_REPORTS, DataClass.TRAINING_REPORTS].map((reportClass) => {
        const categories = Object.values(StageCategory).filter((category) => stageReports(category)?.reportClass === reportClass);
        return { reportClass, purpose: stageReports(categories[0]!)!.purpose, categories: categories.sort() };
      });
      expect(inSql).toEqual(inDomain);
    },
  );

  it('pair each report class with its purpose for the stages a partner operates', () => {
    const pairs = matchesIn(functionText('jalon_partner_operated_stages'), /when '([A-Z_]+)' then '([A-Z_]+)'/g);
    const inDomain = Object.values(StageCategory).flatMap((category) => {
      const reports = stageReports(category);
      return reports ? [[reports.reportClass, reports.purpose]] : [];
    });
    expect(pairs).toHaveLength(2);
    expect(Object.fromEntries(pairs)).toEqual(Object.fromEntries(inDomain));
  });

  it('count the same organisation kinds as staff, and the same referral statuses as open', () => {
    const staff = matchesIn(functionText('jalon_staff_organisations'), /o\.kind in \(([^)]*)\)/g);
    expect(staff.map(([list]) => values(list!).sort())).toEqual([[...STAFF_ORGANISATION_KINDS].sort()]);
    const open = matchesIn(functionText('jalon_open_referral'), /status in \(([^)]*)\)/g);
    expect(open.map(([list]) => values(list!).sort())).toEqual([[...OPEN_REFERRAL_STATUSES].sort()]);
  });

  it('let the partner role that manages users read its organisation’s members’ accounts', () => {
    const roles = matchesIn(tableText('app_user'), /me\.role = '([A-Z_]+)'::membership_role/g);
    expect(roles).toEqual([rolesHolding('manageUsers').filter((role) => PARTNER_ROLES.includes(role))]);
  });

  it('let the roles that manage users, and no other, write memberships and invitations; a partner’s administrator invite to partner roles', () => {
    for (const table of ['membership', 'invitation']) {
      const roles = matchesIn(tableText(table), /jalon_actor_role\(\) = '([A-Z_]+)'::membership_role/g).map(([role]) => role);
      expect(new Set(roles), table).toEqual(new Set(rolesHolding('manageUsers')));
    }
    const invited = matchesIn(tableText('invitation'), /role = ANY \(ARRAY\[([^\]]*)\]\)/g);
    expect(invited.map(([list]) => values(list!).sort())).toEqual([[...PARTNER_ROLES].sort()]);
  });

  it('count a report’s scope for the roles the API lets read it, with the exits the domain calls positive and into a job', () => {
    const roles = matchesIn(functionText('jalon_activity_figures'), /actor\.role in \(([^)]*)\)/g).map(([list]) => values(list!).sort());
    expect(roles).toEqual([[...rolesHolding('readWholeTenant')].sort(), [...rolesHolding('holdCaseload')].sort()]);
    const exits = matchesIn(functionText('jalon_activity_figures_of'), /exit_kind in \(([^)]*)\)/g).map(([list]) =>
      [...list!.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]).sort(),
    );
    expect(exits).toEqual([[...JOB_EXITS].sort(), [...POSITIVE_EXITS].sort(), [...JOB_EXITS].sort()]);
  });
});
