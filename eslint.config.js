// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const root = import.meta.dirname;

/** Raw SQL runs in query files (`*.query.ts`) and db/ only: services and resolvers call named queries. */
const RAW_SQL = [
  {
    selector: 'CallExpression[callee.property.name=/^(execute|raw|getKnex|getConnection)$/]',
    message: 'Raw SQL and query execution belong in a *.query.ts file (db/ or the module): call a named query.',
  },
  { selector: "CallExpression[callee.name='raw']", message: 'Raw SQL belongs in a *.query.ts file (db/ or the module).' },
  { selector: "TaggedTemplateExpression[tag.name='sql']", message: 'Raw SQL belongs in a *.query.ts file (db/ or the module).' },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/gql/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    // CommonJS scripts that Node runs as they are (the bench's probe and peer): require is their import.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Which way imports go. access/ decides on facts (small interfaces, db/ queries) and never
    // reads a module; the rules of packages/ know no app; the portal talks to the API over HTTP
    // only. No import cycle anywhere (type-only imports aside, as they vanish at run time).
    files: ['**/*.ts', '**/*.vue'],
    plugins: { 'import-x': importX },
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    settings: {
      'import-x/extensions': ['.ts', '.vue', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'], 'vue-eslint-parser': ['.vue'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.vue'], alias: { '@': [path.join(root, 'apps/portal/src')] } })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            {
              target: 'apps/api/src/access',
              from: 'apps/api/src/modules',
              message: 'access/ decides on facts: declare the interface it reads, and put the query in db/*.query.ts.',
            },
            { target: 'packages', from: 'apps', message: 'packages/ hold rules every app shares: they import no app.' },
            { target: 'apps/portal', from: 'apps/api', message: 'The portal reaches the API over GraphQL only (its types come from schema.graphql).' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    // db/ (migrations, seed, connection), the test harness, and the two statements that set a
    // request's role and row-level security settings: they are how every access rule is applied.
    ignores: ['**/*.query.ts', 'apps/api/src/db/**', 'apps/api/src/testing/**', '**/*.spec.ts', '**/*-spec.ts', 'apps/api/src/access/request-transaction.ts'],
    rules: { 'no-restricted-syntax': ['error', ...RAW_SQL] },
  },
  {
    // Tests read GraphQL answers loosely on purpose: the assertions are the types.
    files: ['**/*.spec.ts', '**/*-spec.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
