// Lint: typescript-eslint's recommended rules plus the import boundaries of
// STYLE.md (what each layer may import), enforced with no-restricted-imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  group: ['node:*'],
  message: 'packages/doc and packages/protocol run in browsers too: no Node built-ins.',
};
const frameworks = ['react', 'react-dom', 'ws', 'hono', 'hono/*', '@hono/*', 'better-sqlite3', 'pg', 'ioredis'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'test-artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Use named exports, not export *.' },
      ],
    },
  },
  {
    files: [
      'packages/doc/**/*.ts',
      'packages/protocol/**/*.ts',
      'packages/report/**/*.ts',
      'packages/importers/**/*.ts',
    ],
    ignores: ['**/*.test.ts', 'packages/importers/src/testFixtures.ts', 'packages/importers/scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: frameworks.map((name) => ({
            name,
            message: 'The shared packages depend on yjs (and a validator) only.',
          })),
          patterns: [nodeBuiltins],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/relay/wsAdapter.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'ws', message: 'Only relay/wsAdapter.ts imports ws.' }] }],
    },
  },
  {
    files: ['server/src/relay/**/*.ts'],
    ignores: ['server/src/relay/wsAdapter.ts', 'server/src/relay/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'ws', message: 'Only relay/wsAdapter.ts imports ws.' },
            { name: 'hono', message: 'The relay knows nothing of HTTP frameworks.' },
            { name: 'better-sqlite3', message: 'The relay talks to the Store interface only.' },
          ],
          patterns: [
            { group: ['hono/*', '@hono/*'], message: 'The relay knows nothing of HTTP frameworks.' },
            {
              group: ['../storage/sqlite*', '../storage/postgres*'],
              message: 'Depend on storage/store.ts, not an adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts', 'packages/**/*.ts', 'client/src/**/*.{ts,tsx}'],
    // Server test files may read their own test-only variables (e.g.
    // HINDSIGHT_TEST_DATABASE_URL in storage/postgres.test.ts); the app still reads config.ts only.
    ignores: ['server/src/config.ts', 'server/src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only server/src/config.ts reads process.env.' },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['ws', 'hono', 'better-sqlite3', 'pg', 'ioredis'].map((name) => ({
            name,
            message: 'Server-only module.',
          })),
          patterns: [
            {
              group: ['@hindsight/server', '@hindsight/server/*', 'node:*'],
              message: 'The client cannot import server code or Node built-ins.',
            },
          ],
        },
      ],
    },
  },
);
