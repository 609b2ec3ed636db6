import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Imports point down: app → components → lib, worker → lib, never lib → worker; only
// lib/queries/** talks to the database. ESLint keeps one set of options per rule and file (the
// last matching block wins), so each block below lists everything its files may not import.
// lib/db/ also holds the migration runners and the URL helpers, which scripts may use; the client
// (lib/db.ts and its per-provider parts) is for lib/queries/** alone.
const DATABASE = { regex: String.raw`(^|/)(db(\.ts)?|db/(sqlite|postgres)(\.ts)?|generated/prisma(-postgresql)?/.*)$|^@prisma/(client|adapter-.*)$`, message: 'Only lib/queries/** talks to the database: call a query function.' };
const layer = (from, folder) => ({ group: [`**/${folder}/**`, `${folder}/**`], message: `Imports point down (app → components → lib, worker → lib): ${from}/ may not import ${folder}/.` });
const restrict = (files, patterns, ignores = []) => ({ files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', '.build/', 'data/', 'lib/generated/', 'test-results/', 'playwright-report/', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read the environment through lib/env.ts.' },
      ],
    },
  },
  // db:diff's tooling drives Prisma's schema engine through the driver adapters: no queries.
  restrict(['**/*.{ts,tsx,mjs}'], [DATABASE], ['lib/queries/**', 'lib/db.ts', 'lib/db/**', 'scripts/migration-plan.ts', 'scripts/schema-engine.ts']),
  restrict(['lib/**'], ['worker', 'app', 'components', 'scripts'].map((folder) => layer('lib', folder)).concat(DATABASE), ['lib/queries/**', 'lib/db.ts', 'lib/db/**']),
  restrict(['lib/queries/**', 'lib/db.ts', 'lib/db/**'], ['worker', 'app', 'components', 'scripts'].map((folder) => layer('lib', folder))),
  restrict(['components/**'], ['app', 'worker'].map((folder) => layer('components', folder)).concat(DATABASE)),
  restrict(['app/**'], [layer('app', 'worker'), DATABASE]),
  restrict(['worker/**'], ['app', 'components'].map((folder) => layer('worker', folder)).concat(DATABASE)),
  {
    // lib/site-server/serve.ts hands its whole environment on to the site and worker it starts.
    files: ['lib/env.ts', 'lib/site-server/serve.ts', 'lib/testing/**', 'worker/testing/**', 'scripts/**', 'e2e/**', 'prisma.config.ts', 'playwright.config.ts', 'playwright.*.config.ts', 'vitest.config.ts', '**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
