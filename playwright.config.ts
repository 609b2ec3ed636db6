import { defineConfig, devices } from '@playwright/test';

// e2e runs against the real thing: `next start` + the worker with the built-in test
// camera, on ports of their own and a throwaway data directory (scripts/test.sh).
const port = Number(process.env.E2E_PORT ?? 3210);
const originPort = port + 1;
const dataDir = process.env.E2E_DATA_DIR ?? 'data/e2e';

export const E2E_EDGE_LOG_KEY = 'e2e-edge-log-key-0123456789';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--autoplay-policy=no-user-gesture-required'];

export default defineConfig({
  testDir: 'e2e',
  testIgnore: ['faults/**', 'dashboard/**'], // playwright.faults.config.ts and playwright.dashboard.config.ts run those
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: lookoutServer({ port, originPort, dataDir, config: process.env.E2E_CONFIG ?? `${dataDir}/no-cameras.json` }),
});

// Site + worker as `npm start` runs them, on ports and a data directory of their own.
// /api/health answers 503 until the camera is live, so this waits for real video.
// metricsPort: the fault and dashboard rigs run a simulator on port + 3.
export function lookoutServer({ port, originPort, dataDir, config, metricsPort = port + 3 }: { port: number; originPort: number; dataDir: string; config: string; metricsPort?: number }) {
  return {
    command: 'node --import tsx scripts/db-migrate.ts && exec node --import tsx lib/site-server/serve.ts',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 90_000,
    reuseExistingServer: false,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN_PORT: String(originPort),
      LOOKOUT_DATA_DIR: dataDir,
      DATABASE_URL: `file:./${dataDir}/lookout.db`,
      LOOKOUT_CONFIG: config,
      NEXT_TELEMETRY_DISABLED: '1',
      EDGE_LOG_PORT: String(port + 2), // UDP: the edge's preview.jpg hits (e2e/analytics.spec.ts)
      EDGE_LOG_KEY: E2E_EDGE_LOG_KEY,
      METRICS_PORT: String(metricsPort), // Prometheus: the viewers-now gauge (e2e/analytics.spec.ts)
    },
  };
}
