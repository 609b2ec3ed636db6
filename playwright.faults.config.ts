import { defineConfig } from '@playwright/test';
import { GOP_SECONDS as gop } from './e2e/faults/gop';
import { FAULT_PORTS as ports } from './e2e/faults/ports';
import base, { lookoutServer } from './playwright.config';

// The fault specs need a camera that can be broken on demand: the simulator (RTSP on
// :3222, raw H.264 on :3223, control API on :3224) feeds a Lookout of its own on :3220.
// FAULTS_GOP (e2e/faults/gop.ts) sets the simulator's GOP; each GOP has its own data and
// output directories, and segments as long as the GOP (a multiple of it, as the README asks).
const port = ports.site;
const control = ports.control;
const dataDir = `data/e2e-faults-gop${gop}`;
const cameras = gop === 4 ? 'e2e/fixtures/sim-camera-gop4.json' : 'e2e/fixtures/sim-camera.json';

export default defineConfig({
  ...base,
  testDir: 'e2e/faults',
  testIgnore: [],
  timeout: 120_000,
  outputDir: `test-results/faults-gop${gop}`,
  reporter: [['list'], ['html', { open: 'never', outputFolder: `playwright-report/faults-gop${gop}` }]],
  // The trace keeps its network log and DOM snapshots but no screencast: a JPEG of the page ~4×
  // a second cost Chromium CPU on the 2-core machine while these tests time the player.
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}`, trace: { mode: 'retain-on-failure', screenshots: false } },
  webServer: [
    {
      command: `exec node --import tsx worker/simulator/cli.ts --rtsp-port ${ports.rtsp} --tcp-port ${ports.tcp} --control-port ${control} --size 1280x720 --bitrate 2000 --gop ${gop}`,
      url: `http://127.0.0.1:${control}/status`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    lookoutServer({ port, originPort: ports.origin, dataDir, config: cameras, metricsPort: ports.metrics }),
  ],
});
