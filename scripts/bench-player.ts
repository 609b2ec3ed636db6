// npm run bench:player — starts Lookout (site + worker, test camera) on free ports and
// loads the camera page 10 times in fresh Chromium contexts. Prints median and p95 of:
// navigation → first decoded frame, live latency (wall clock − PROGRAM-DATE-TIME of the
// frame shown), `waiting` events after the first frame, and the page's JavaScript.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { applyMigrations } from '../lib/migrate.ts';
import { waitFor } from '../lib/testing/wait-for.ts';
import { exited, freePort } from '../lib/testing/worker-process.ts';

const LOADS = Number(process.argv[2] ?? 10);
spawnSync('bash', ['-c', 'source scripts/system-deps.sh && ensure_site_build && ensure_worker_build'], { stdio: 'inherit' });
const WATCH_MS = 10_000;

const dir = mkdtempSync(join(tmpdir(), 'lookout-bench-player-'));
applyMigrations(join(dir, 'lookout.db'), 'prisma/migrations');
const port = await freePort();
const env = { ...process.env, PORT: String(port), ORIGIN_PORT: String(await freePort()), LOOKOUT_DATA_DIR: join(dir, 'data'), DATABASE_URL: `file:${join(dir, 'lookout.db')}`, LOOKOUT_CONFIG: join(dir, 'none.json') };
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], { env, stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(2)}, p95 ${at(0.95).toFixed(2)} (min ${sorted[0]!.toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)})`;
}

try {
  await waitFor(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status === 200, { timeoutMs: 90_000, what: 'Lookout to be live' });
  await new Promise((r) => setTimeout(r, 6000)); // a full playlist window, as a visitor would find it
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const firstFrame: number[] = [];
  const latency: number[] = [];
  const waiting: number[] = [];
  let scriptKb = 0;
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __firstFrame?: number; __waiting: number };
      w.__waiting = 0;
      const timer = setInterval(() => {
        const video = document.querySelector('video');
        if (!video || w.__firstFrame !== undefined) return;
        if (video.getVideoPlaybackQuality().totalVideoFrames > 0) {
          w.__firstFrame = performance.now();
          video.addEventListener('waiting', () => w.__waiting++);
          clearInterval(timer);
        }
      }, 5);
    });
    await page.goto(`${base}/cameras/test`);
    const ms = await page.waitForFunction(() => (window as unknown as { __firstFrame?: number }).__firstFrame, undefined, { timeout: 30_000 });
    firstFrame.push(((await ms.jsonValue()) as number) / 1000);
    await page.waitForTimeout(WATCH_MS);
    const samples = await page.evaluate(() => {
      const p = window.__lookoutPlayer;
      const playing = p?.playingDateMs();
      return playing ? (Date.now() - playing) / 1000 : null;
    });
    if (samples !== null) latency.push(samples);
    waiting.push(await page.evaluate(() => (window as unknown as { __waiting: number }).__waiting));
    if (i === 0) {
      scriptKb = await page.evaluate(() =>
        performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script').reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0) / 1024,
      );
    }
    await context.close();
  }
  await browser.close();
  console.log(`bench:player — ${LOADS} loads of /cameras/test, fresh context each, 2 s segments, loopback`);
  console.log(`first decoded frame (s): ${stats(firstFrame)}`);
  console.log(`live latency (s):        ${stats(latency)}`);
  console.log(`waiting events after first frame (${WATCH_MS / 1000} s watched): total ${waiting.reduce((a, b) => a + b, 0)} over ${LOADS} loads`);
  console.log(`JavaScript on the camera page: ${scriptKb.toFixed(0)} kB compressed as sent`);
} finally {
  server.kill('SIGTERM');
  await exited(server);
}
