import { defineConfig } from '@playwright/test';
import base, { lookoutServer } from './playwright.config';

// The owner's login and dashboard, against a test camera that has a place and a time zone (for
// sunrise and sunset), with its own database (scripts/test.sh e2e_dashboard).
const port = Number(process.env.E2E_PORT ?? 3240);
const dataDir = process.env.E2E_DATA_DIR ?? 'data/e2e-dashboard';

export default defineConfig({
  testDir: 'e2e/dashboard',
  outputDir: 'test-results/dashboard',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/dashboard' }]],
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  projects: base.projects,
  webServer: lookoutServer({ port, originPort: port + 1, dataDir, config: 'e2e/fixtures/dashboard-camera.json' }),
});
