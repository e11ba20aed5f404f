import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Access is decided in apps/api/src/access/ and packages/domain only (issue 12, §1): anywhere else,
 * comparing a role or an organisation kind is a rule hiding from the permission snapshot. This test
 * greps the source for such comparisons.
 */
const ROOT = path.resolve(__dirname, '../../../..');
const SCANNED = ['apps/api/src', 'apps/portal/src', 'packages'];
const ALLOWED = ['apps/api/src/access/', 'packages/domain/'];

const EXCLUDED: { pattern: RegExp; why: string }[] = [
  // Tests log in as a given role and assert what it may do: that is checking the rule, not making it.
  { pattern: /\.(spec|integration-spec|e2e-spec)\.ts$/, why: 'tests' },
  // Demo and test data create memberships of each role in organisations of each kind.
  { pattern: /\/(seed|seeds|fixtures)\/|seed[^/]*\.ts$|fixtures?\.ts$/, why: 'seeds and fixtures' },
  // Migrations record the schema's history (enum values, RLS helper functions in SQL).
  { pattern: /\/migrations\//, why: 'migrations' },
  // Generated from the API schema: declares the enums, decides nothing.
  { pattern: /apps\/portal\/src\/gql\//, why: 'generated GraphQL types' },
  // Label maps translate each role and kind for display.
  { pattern: /\/i18n\/|\/locales\/|apps\/portal\/src\/composables\/use-labels\.ts$/, why: 'i18n label maps' },
];

const ROLES = 'TENANT_ADMIN|ANIMATION_TEAM|REFERENT|PARTNER_AGENT|PARTNER_ADMIN';
const KINDS = 'REFERENT_OPERATOR|COMMUNE|INTEGRATION_COMPANY|TRAINING_OPERATOR|OTHER_PARTNER';
const DECISIONS: RegExp[] = [
  /\bMembershipRole\.[A-Z_]+/,
  /\bOrganisationKind\.[A-Z_]+/,
  new RegExp(`['"\`](${ROLES}|${KINDS})['"\`]`),
  /\.role\s*[!=]==/,
  /\.organisationKind\s*[!=]==/,
  /isPartnerKind\(.*organisationKind/,
  /\bhasRole\(/,
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(full);
    return /\.(ts|vue)$/.test(entry.name) ? [full] : [];
  });
}

/** The lines of these files that compare a role or an organisation kind. */
export function decisionsIn(files: { path: string; text: string }[]): string[] {
  return files.flatMap(({ path: file, text }) =>
    text.split('\n').flatMap((line, index) => (DECISIONS.some((pattern) => pattern.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
  );
}

const read = (files: string[]) => files.map((file) => ({ path: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));
const isExcluded = (file: string) => EXCLUDED.some(({ pattern }) => pattern.test(file));
const isAllowed = (file: string) => ALLOWED.some((prefix) => file.startsWith(prefix));

describe('access decisions', () => {
  it('are made in apps/api/src/access/ and packages/domain only', () => {
    const files = read(SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))).filter((f) => !isExcluded(f.path) && !isAllowed(f.path));
    expect(files.length).toBeGreaterThan(200);
    expect(decisionsIn(files)).toEqual([]);
  });

  it('are found where they belong, so the check above cannot pass by seeing nothing', () => {
    const found = decisionsIn(read(sourceFiles(path.join(ROOT, 'apps/api/src/access')).filter((f) => !isExcluded(f))));
    const files = new Set(found.map((line) => line.split(':')[0]));
    expect(files).toContain('apps/api/src/access/authored-access.ts');
    expect(files).toContain('apps/api/src/access/meeting-access.ts');
    expect(decisionsIn(read([path.join(ROOT, 'packages/domain/src/capability.ts')])).length).toBeGreaterThan(5);
  });

  it('catch the usual ways of spelling one', () => {
    const sample = [
      "if (membership.role === MembershipRole.REFERENT) return 'EDIT';",
      "const commission = computed(() => hasRole(['TENANT_ADMIN', 'ANIMATION_TEAM']));",
      'if (organisation.kind === OrganisationKind.COMMUNE) {',
      "meta: { organisationKinds: ['COMMUNE'] },",
      'return isPartnerKind(activeMembership(ctx).organisationKind);',
    ];
    expect(decisionsIn(sample.map((text, i) => ({ path: `sample${i}.ts`, text })))).toHaveLength(sample.length);
    expect(decisionsIn([{ path: 'ok.ts', text: "if (may('decideReferrals')) items.push(item);" }])).toEqual([]);
  });
});
