import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, devices, expect, test, type Page } from '@playwright/test';
import { startEdge } from '../worker/testing/edge-process';
import { freePort } from '../lib/testing/child-process';
import { E2E_EDGE_LOG_KEY } from '../playwright.config';
import { guardPage } from './page-guards';
import { waitForFirstPreview } from './video';

// View analytics end to end: Chromium's beacons → /api/beacon → the rollup → SQLite, and the
// edge's cache hits → syslog → the collector. Each test marks its views with a referrer host of
// its own, so other specs' views in the same database do not disturb the counts.
const dbFile = join(process.env.E2E_DATA_DIR ?? 'data/e2e', 'lookout.db');

function readRows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
type ViewRow = { device: string; country: string; views: number; watchSeconds: number };
const viewsFrom = (source: string) => readRows<ViewRow>('SELECT device, country, SUM(views) views, SUM(watchSeconds) watchSeconds FROM ViewStat WHERE cameraId = ? AND source = ? GROUP BY device, country', 'test', source);

test.beforeAll(async ({ request }) => waitForFirstPreview(request));

// lookout_viewers{camera="test"} from the site's real metrics endpoint (METRICS_PORT, playwright.config.ts).
async function viewersNowGauge(baseURL: string): Promise<number> {
  const metricsUrl = `http://127.0.0.1:${Number(new URL(baseURL).port) + 3}/metrics`;
  const body = await (await fetch(metricsUrl)).text();
  const match = /^lookout_viewers\{camera="test"\} (\d+)$/m.exec(body);
  if (!match) throw new Error(`no lookout_viewers gauge for camera test in ${metricsUrl}`);
  return Number(match[1]);
}

// A beacon sent from a document being unloaded goes out with the browser's own User-Agent, not
// the page's override — and headless Chromium's own says HeadlessChrome, a bot by our rules.
// So this browser is launched with a desktop Chrome User-Agent of its own, as a real one has.
test('leaving the camera page sends `end` on pagehide: its last seconds are counted and viewers-now drops', async ({ baseURL, launchOptions }) => {
  test.setTimeout(120_000);
  const desktopChrome = devices['Desktop Chrome'];
  const browser = await chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), `--user-agent=${desktopChrome.userAgent}`] });
  const context = await browser.newContext({ viewport: desktopChrome.viewport, baseURL });
  try {
    await leaveCameraPage(await context.newPage(), baseURL!);
  } finally {
    await browser.close();
  }
});

async function leaveCameraPage(page: Page, baseURL: string): Promise<void> {
  const guard = await guardPage(page);
  const sent: { kind: string; seconds: number }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/beacon')) sent.push(JSON.parse(request.postData() ?? '{}') as { kind: string; seconds: number });
  });
  const before = await viewersNowGauge(baseURL);
  await page.goto('/cameras/test', { referer: 'https://pagehide.example/' });
  const video = page.getByTestId('live-video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames), { timeout: 20_000, intervals: [100] }).toBeGreaterThan(0);
  const firstFrameAt = Date.now();
  await expect.poll(() => viewersNowGauge(baseURL), { timeout: 10_000 }).toBe(before + 1); // the `start`
  // ~12 s of watching, before the first heartbeat (30 s): only `end` carries these seconds.
  await expect.poll(() => Date.now() - firstFrameAt, { timeout: 20_000, intervals: [250] }).toBeGreaterThanOrEqual(12_000);
  expect(sent.map((beacon) => beacon.kind)).toEqual(['start']);
  expect(guard.errors).toEqual([]);
  await page.goto('/dashboard/login'); // a real navigation to a page without a player: pagehide fires
  await expect.poll(() => viewersNowGauge(baseURL), { timeout: 10_000 }).toBe(before);
  await expect.poll(() => viewsFrom('pagehide.example')[0]?.watchSeconds ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
  expect(viewsFrom('pagehide.example')).toEqual([{ device: 'desktop', country: '--', views: 1, watchSeconds: expect.any(Number) }]);
  expect(viewsFrom('pagehide.example')[0]!.watchSeconds).toBeLessThanOrEqual(25);
}

test('watching the camera page for ~70 s counts exactly 1 view with ~70 s of watch time, on a desktop', async ({ page }) => {
  test.setTimeout(180_000);
  const guard = await guardPage(page);
  const sent: { kind: string; seconds: number }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/beacon')) sent.push(JSON.parse(request.postData() ?? '{}') as { kind: string; seconds: number });
  });
  await page.goto('/cameras/test', { referer: 'https://watch70.example/some/path?q=1' });
  const video = page.getByTestId('live-video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames), { timeout: 20_000, intervals: [100] }).toBeGreaterThan(0);
  const firstFrameAt = Date.now(); // the player's `start`: the view's watch time runs from here
  const playedFrom = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  // The visitor watches for 70 s of wall-clock time, and the picture really moves meanwhile.
  await expect.poll(() => Date.now() - firstFrameAt, { timeout: 90_000, intervals: [250] }).toBeGreaterThanOrEqual(70_000);
  // (On a loaded machine the stream stalls now and then; the visitor's time on the page still
  // counts, as the player's status says "playing" throughout.)
  expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(playedFrom + 20);
  expect(guard.errors).toEqual([]);
  expect(await guard.cspViolations()).toEqual([]);
  // The visitor switches tabs: visibilitychange to hidden sends `end` with the last seconds
  // (leaving the page sends it on pagehide: the test above).
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => sent.some((beacon) => beacon.kind === 'end'), { timeout: 10_000 }).toBe(true);
  expect(sent.filter((beacon) => beacon.kind === 'start')).toHaveLength(1);
  const sentSeconds = sent.reduce((sum, beacon) => sum + beacon.seconds, 0);
  expect(sentSeconds).toBeGreaterThanOrEqual(55);
  expect(sentSeconds).toBeLessThanOrEqual(85);
  // Everything the browser sent, and nothing more, lands in the database as one view.
  await expect.poll(() => viewsFrom('watch70.example')[0]?.watchSeconds ?? 0, { timeout: 30_000 }).toBe(sentSeconds);
  expect(viewsFrom('watch70.example')).toEqual([{ device: 'desktop', country: '--', views: 1, watchSeconds: sentSeconds }]);
});

// The embedding page is served by another server, reached as `localhost` (the site is
// 127.0.0.1): a host of its own that Chromium's private-network rules still let frame us.
test('an embedded player counts its view for the host that embeds it', async ({ page, baseURL }) => {
  const guard = await guardPage(page);
  const blog = createServer((_, res) => res.end(`<!doctype html><title>Blog</title><iframe src="${baseURL}/embed/test" width="640" height="360" allow="autoplay"></iframe>`));
  await new Promise<void>((resolve) => blog.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://localhost:${(blog.address() as AddressInfo).port}/weather`);
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.getByTestId('live-video').evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames), { timeout: 20_000 }).toBeGreaterThan(5);
    await expect.poll(() => viewsFrom('localhost')[0]?.views ?? 0, { timeout: 30_000 }).toBe(1);
    expect(viewsFrom('localhost')).toEqual([expect.objectContaining({ device: 'desktop', views: 1 })]);
    expect(guard.errors).toEqual([]);
  } finally {
    blog.close();
  }
});

test('/preview.jpg?src=windy fetched through the real edge is counted for windy, cache hits included', async ({ request, baseURL }) => {
  const sitePort = Number(new URL(baseURL!).port);
  const dir = mkdtempSync(join(tmpdir(), 'lookout-e2e-analytics-edge-'));
  const edge = await startEdge(dir, { port: await freePort(), site: `127.0.0.1:${sitePort}`, origin: `127.0.0.1:${sitePort + 1}`, edgeLog: { port: sitePort + 2, key: E2E_EDGE_LOG_KEY } });
  try {
    const edgeCount = () => readRows<{ n: number | null }>("SELECT SUM(fetches) n FROM PreviewFetchStat WHERE cameraId = 'test' AND portal = 'windy' AND via = 'edge'")[0]?.n ?? 0;
    const before = edgeCount();
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await request.get(`${edge.url}/preview.jpg?src=windy`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/jpeg');
      statuses.push(response.headers()['x-cache-status']!);
    }
    const hits = statuses.filter((s) => s === 'HIT').length;
    expect(hits).toBeGreaterThanOrEqual(3);
    await expect.poll(edgeCount, { timeout: 20_000 }).toBe(before + hits);
  } finally {
    await edge.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
