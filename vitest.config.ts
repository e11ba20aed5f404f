import { availableParallelism } from 'node:os';
import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// graphql must load as one module instance, or it complains about "another realm".
const alias = [{ find: /^graphql$/, replacement: 'graphql/index.js' }];

// Sets up the shared PostgreSQL once for every project that uses it (the browser tests' server included).
const DATABASE_SETUP = 'apps/api/src/testing/database-global-setup.ts';

/**
 * Files that change the shared database's schema while they run (a trigger that fails or sleeps, a
 * constraint, every policy dropped in a savepoint), or compare every row of every table with what a
 * partner reads: beside other files, those would fail or wait.
 */
const ALONE = [
  'apps/api/src/access/access-log.integration-spec.ts',
  'apps/api/src/db/row-level-security-files.integration-spec.ts',
  'apps/api/src/modules/meetings/meeting.integration-spec.ts',
  'tests/resilience/concurrent-writes.integration-spec.ts',
  'tests/security/error-log.integration-spec.ts',
  'tests/security/rls-by-table.integration-spec.ts',
];

/**
 * Files against the shared database: each starts its own server and names what it creates, and a
 * worker imports the API once rather than once per file.
 */
function integration(name: string, test: { include: string[]; exclude?: string[]; fileParallelism?: boolean; sequence?: { groupOrder: number } }) {
  return {
    resolve: { alias },
    test: { name, setupFiles: ['reflect-metadata'], globalSetup: [DATABASE_SETUP], isolate: false, testTimeout: 30_000, hookTimeout: 60_000, ...test },
  };
}

export default defineConfig({
  test: {
    // A worker per core, not Vitest's one fewer: the tests spend much of their time waiting on
    // PostgreSQL or the browser, and a two-core machine would otherwise run one file at a time.
    maxWorkers: availableParallelism(),
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          setupFiles: ['reflect-metadata'],
          include: ['packages/**/*.spec.ts', 'apps/api/**/*.spec.ts'],
          exclude: ['**/node_modules/**', '**/*.integration-spec.ts'],
          // Pure rules and the API's modules hold no state between files: a worker imports them once.
          isolate: false,
        },
      },
      {
        // The portal's components, in happy-dom (said at the top of their spec files), each file
        // in a fresh module graph: Vue, the router and Apollo keep state in their modules.
        plugins: [vue()],
        resolve: { alias: [...alias, { find: /^@\//, replacement: fileURLToPath(new URL('./apps/portal/src/', import.meta.url)) }] },
        define: { __VUE_I18N_FULL_INSTALL__: true, __VUE_I18N_LEGACY_API__: false, __INTLIFY_PROD_DEVTOOLS__: false },
        test: {
          name: 'portal',
          setupFiles: ['reflect-metadata'],
          include: ['apps/portal/**/*.spec.ts'],
          exclude: ['**/node_modules/**'],
        },
      },
      integration('integration', {
        include: ['apps/**/*.integration-spec.ts', 'tests/security/**/*.integration-spec.ts', 'tests/resilience/**/*.integration-spec.ts'],
        exclude: ['**/node_modules/**', ...ALONE],
      }),
      integration('integration-alone', {
        include: ALONE,
        // One at a time, once the others and the browser tests are done.
        fileParallelism: false,
        sequence: { groupOrder: 2 },
      }),
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          setupFiles: ['reflect-metadata'],
          include: ['tests/e2e/**/*.e2e-spec.ts'],
          globalSetup: [DATABASE_SETUP, 'tests/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One after another, in one worker that imports the helpers once: the files share one
          // server and one Chromium (global-setup.ts), and some count what the demo shows.
          fileParallelism: false,
          isolate: false,
          // After the other projects, which run side by side (Vitest asks a group of its own for one worker).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
