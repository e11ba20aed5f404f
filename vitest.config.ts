import { defineConfig } from 'vitest/config';

// graphql must load as one module instance, or it complains about "another realm".
const alias = [{ find: /^graphql$/, replacement: 'graphql/index.js' }];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          setupFiles: ['reflect-metadata'],
          include: ['packages/**/*.spec.ts', 'apps/**/*.spec.ts'],
          exclude: ['**/node_modules/**', '**/*.integration-spec.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          setupFiles: ['reflect-metadata'],
          include: ['apps/**/*.integration-spec.ts', 'tests/security/**/*.integration-spec.ts', 'tests/resilience/**/*.integration-spec.ts'],
          globalSetup: ['apps/api/src/testing/database-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          setupFiles: ['reflect-metadata'],
          include: ['tests/e2e/**/*.e2e-spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
