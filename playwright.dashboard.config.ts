import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import base, { lookoutServer } from './playwright.config';

// The owner's login and dashboard, against a test camera that has a place and a time zone (for
// sunrise and sunset), with its own database (scripts/test.sh e2e_dashboard). A second camera,
// the simulator over RTSP with B-frames, gives the stream-health section a real stream
// summary; its port follows E2E_PORT, so the cameras file is written here.
const port = Number(process.env.E2E_PORT ?? 3240);
const dataDir = process.env.E2E_DATA_DIR ?? 'data/e2e-dashboard';
const sim = { rtsp: port + 3, control: port + 4 };
const cameras = JSON.parse(readFileSync('e2e/fixtures/dashboard-camera.json', 'utf8')) as { cameras: object[] };
cameras.cameras.push({ id: 'sim', name: 'Simulated camera', source: `rtsp://127.0.0.1:${sim.rtsp}/stream`, timezone: 'Europe/Zurich' });
const config = `${dataDir}/cameras.json`;
mkdirSync(dataDir, { recursive: true });
writeFileSync(config, JSON.stringify(cameras));

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
  webServer: [
    {
      command: `exec node --import tsx worker/simulator/cli.ts --rtsp-port ${sim.rtsp} --tcp-port 0 --control-port ${sim.control} --size 320x180 --bitrate 300 --gop 2 --bframes 2`,
      url: `http://127.0.0.1:${sim.control}/status`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    lookoutServer({ port, originPort: port + 1, dataDir, config, metricsPort: port + 5 }),
  ],
});
