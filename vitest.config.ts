import { defineConfig } from 'vitest/config';

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
          name: 'integration',
          include: ['{lib,worker,scripts,deploy}/**/*.int.test.ts'],
          exclude: ['deploy/security/**', 'node_modules/**'],
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
