import { defineConfig } from 'vitest/config';

const DATABASE_TESTS = ['lib/queries/**/*.int.test.ts', 'lib/analytics/analytics-state.int.test.ts', 'worker/journal/origin-pull.int.test.ts', 'lib/db/migrate*.int.test.ts', 'scripts/db-*.int.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{lib,worker,scripts,app,components}/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          // Everything that needs a database, run on SQLite and on a throwaway PostgreSQL server.
          // No ffmpeg here, so it runs beside the integration project.
          name: 'database',
          include: DATABASE_TESTS,
          globalSetup: ['lib/testing/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{lib,worker,scripts,deploy}/**/*.int.test.ts'],
          exclude: [...DATABASE_TESTS, 'deploy/security/**', 'node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // Real ffmpeg processes: run files one after another on the 2-core machine.
          fileParallelism: false,
        },
      },
      {
        // npm run test:security: adversarial requests against the real edge, site and origin.
        test: {
          name: 'security',
          include: ['deploy/security/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
