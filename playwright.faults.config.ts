import { defineConfig } from '@playwright/test';
import { FAULT_PORTS as ports } from './e2e/faults/ports';
import base, { lookoutServer } from './playwright.config';

// The fault specs need a camera that can be broken on demand: the simulator (RTSP on
// :3222, control API on :3224) feeds a Lookout of its own on :3220.
const port = ports.site;
const control = ports.control;
const dataDir = 'data/e2e-faults';

export default defineConfig({
  ...base,
  testDir: 'e2e/faults',
  testIgnore: [],
  timeout: 120_000,
  outputDir: 'test-results/faults',
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/faults' }]],
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: [
    {
      command: `exec node --import tsx worker/simulator/cli.ts --rtsp-port ${ports.rtsp} --tcp-port ${ports.tcp} --control-port ${control} --size 1280x720 --bitrate 2000`,
      url: `http://127.0.0.1:${control}/status`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    lookoutServer({ port, originPort: ports.origin, dataDir, config: 'e2e/fixtures/sim-camera.json', metricsPort: ports.metrics }),
  ],
});
