import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// graphql must load as one module instance, or it complains about "another realm".
const alias = [{ find: /^graphql$/, replacement: 'graphql/index.js' }];

export default defineConfig({
  test: {
    projects: [
      {
        // The portal's components run here too (in happy-dom, said at the top of their spec files).
        plugins: [vue()],
        resolve: { alias: [...alias, { find: /^@\//, replacement: fileURLToPath(new URL('./apps/portal/src/', import.meta.url)) }] },
        define: { __VUE_I18N_FULL_INSTALL__: true, __VUE_I18N_LEGACY_API__: false, __INTLIFY_PROD_DEVTOOLS__: false },
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
