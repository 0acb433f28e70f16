// Lint: typescript-eslint's recommended rules, type-aware checks for promises
// nobody awaits, and the import boundaries of STYLE.md (what each layer may
// import), enforced with no-restricted-imports.
//
// no-restricted-imports: `paths` matches exact module names only ('hono'
// does not match 'hono/body-limit'); anything with subpaths goes under
// `patterns` (gitignore-style globs), listing both the bare name and `name/*`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  group: ['node:*'],
  message: 'packages/doc and packages/protocol run in browsers too: no Node built-ins.',
};
/** Bare name and every subpath (`react-dom/client`, `hono/body-limit`, `pg/lib/...`). */
const withSubpaths = (names) => names.flatMap((name) => [name, `${name}/*`]);
const frameworks = withSubpaths(['react', 'react-dom', 'ws', 'hono', '@hono/*', 'better-sqlite3', 'pg', 'ioredis']);
const serverOnly = withSubpaths(['ws', 'hono', '@hono/*', 'better-sqlite3', 'pg', 'ioredis']);

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'test-artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      // Type information for the type-aware rules below: each file is checked
      // with the tsconfig.json of its package (typescript 5.9 at the root:
      // typescript-eslint needs the JS compiler API, which tsc 7 lacks).
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.ts', 'client/public/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its rejection (an unhandled rejection
      // kills the server) and its ordering; mark deliberate ones with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
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
      'packages/api/**/*.ts',
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
          patterns: [
            { group: frameworks, message: 'The shared packages depend on yjs (and a validator) only.' },
            nodeBuiltins,
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/relay/wsAdapter.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: withSubpaths(['ws']), message: 'Only relay/wsAdapter.ts imports ws.' }] },
      ],
    },
  },
  {
    files: ['server/src/relay/**/*.ts'],
    // Tests and their shared support (testSupport.ts opens a real SQLite store) may use an adapter.
    ignores: ['server/src/relay/wsAdapter.ts', 'server/src/relay/**/*.test.ts', 'server/src/relay/testSupport.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: withSubpaths(['ws']), message: 'Only relay/wsAdapter.ts imports ws.' },
            { group: withSubpaths(['hono', '@hono/*']), message: 'The relay knows nothing of HTTP frameworks.' },
            {
              group: withSubpaths(['better-sqlite3', 'pg', 'ioredis']),
              message: 'The relay talks to the Store and Bus interfaces only.',
            },
            {
              group: ['../storage/sqlite*', '../storage/postgres*', '**/storage/sqlite*', '**/storage/postgres*'],
              message: 'Depend on storage/store.ts, not an adapter.',
            },
            {
              group: ['../app', '../app.*', '../routes', '../routes/*', '**/server/src/app*', '**/server/src/routes/*'],
              message: 'The relay is called by the app and routes, never the other way round.',
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
          patterns: [
            { group: serverOnly, message: 'Server-only module.' },
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
