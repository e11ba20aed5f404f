import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// In development the API runs on its own port; in production it serves dist/ and /graphql on one origin.
export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: [{ find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) }],
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    // The API's routes (GraphQL and its files), not the portal's pages of the same prefixes. Host kept
    // as the browser sent it: the API refuses requests whose Origin differs from their Host.
    proxy: Object.fromEntries(
      [
        '^/graphql',
        '^/agenda\\.ics',
        '^/consents/',
        '^/participants/[^/]+/consent-form\\.pdf$',
        '^/referrals/[^/]+/attachments$',
        '^/referral-attachments/',
        '^/meetings/[^/]+/(minutes\\.pdf|documents)$',
        '^/meeting-documents/',
        '^/exports/',
      ].map((path) => [path, { target: 'http://127.0.0.1:4000', changeOrigin: false }]),
    ),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // @jalon/reference-data's browser entry re-exports a CSV parser (papaparse, CommonJS, so kept by
      // default even when unused): the portal only reads ISCED levels from it.
      treeshake: { moduleSideEffects: [{ test: /node_modules[\\/]papaparse[\\/]/, sideEffects: false }] },
      output: {
        // Libraries change less often than the portal: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|@graphql-typed-document-node|tslib)[\\/]/ },
            { name: 'vue', test: /node_modules[\\/](vue|@vue|vue-router|vue-i18n|@intlify)[\\/]/ },
          ],
        },
      },
    },
  },
});
