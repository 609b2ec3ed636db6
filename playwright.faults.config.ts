import { defineConfig } from '@playwright/test';
import { FAULT_PORTS as ports } from './e2e/faults/ports';
import base, { lookoutServer } from './playwright.config';

// The fault specs need cameras that can be broken on demand: two simulators (a 2 s GOP on
// :3222/:3223, a 4 s GOP on :3225/:3226; see e2e/faults/ports.ts) feed a Lookout of its own on :3220.
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
      command: `exec node --import tsx worker/simulator/cli.ts --rtsp-port ${ports.rtsp} --tcp-port ${ports.tcp} --control-port ${control} --size 1280x720 --bitrate 2000 --gop 2`,
      url: `http://127.0.0.1:${control}/status`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      command: `exec node --import tsx worker/simulator/cli.ts --rtsp-port ${ports.longGop.rtsp} --tcp-port ${ports.longGop.tcp} --control-port ${ports.longGop.control} --size 640x360 --bitrate 1000 --gop 4`,
      url: `http://127.0.0.1:${ports.longGop.control}/status`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    lookoutServer({ port, originPort: ports.origin, dataDir, config: 'e2e/fixtures/sim-camera.json' }),
  ],
});
