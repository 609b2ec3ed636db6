import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { guardPage } from './page-guards';
import { decodedFrames, expectVideoPlays, waitForFirstPreview } from './video';

test.beforeAll(async ({ request }) => waitForFirstPreview(request));

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'tv-4k', width: 3840, height: 2160 },
];

for (const viewport of VIEWPORTS) {
  test(`camera page plays at ${viewport.name} size`, async ({ page }, testInfo) => {
    const guard = await guardPage(page);
    await page.setViewportSize(viewport);
    const response = await page.goto('/cameras/test');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['set-cookie']).toBeUndefined();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test camera');
    await expectVideoPlays(page, { minFrames: 40 });
    await expect(page.getByTestId('live-badge')).toBeVisible();
    await expect(page.getByTestId('camera-clock')).toContainText(/\d\d:\d\d:\d\d/);
    const box = await page.getByTestId('player').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(viewport.width);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 1); // the whole picture is in view
    await page.screenshot({ path: testInfo.outputPath(`camera-${viewport.name}.png`) });
    expect(guard.errors).toEqual([]);
    expect(await guard.cspViolations()).toEqual([]);
  });
}

test('unmute, keyboard and fullscreen controls work', async ({ page }) => {
  const guard = await guardPage(page);
  await page.goto('/cameras/test');
  await expectVideoPlays(page, { minFrames: 10 });
  const video = page.getByTestId('live-video');
  const muted = () => video.evaluate((v: HTMLVideoElement) => v.muted);
  expect(await muted()).toBe(true);
  await page.getByRole('button', { name: 'Unmute' }).click();
  expect(await muted()).toBe(false);
  await page.locator('body').press('m');
  expect(await muted()).toBe(true);
  await page.locator('h1').click();
  await page.keyboard.press(' ');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await expect(page.getByTestId('player')).toHaveAttribute('data-phase', 'paused');
  await page.keyboard.press(' ');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
  const before = await decodedFrames(page);
  await expect.poll(() => decodedFrames(page)).toBeGreaterThan(before + 10);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid') ?? null)).toBe('player');
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  await page.getByRole('button', { name: 'Stats' }).click();
  await expect(page.getByTestId('stats')).toContainText('1280×720');
  expect(guard.errors).toEqual([]);
});

test.describe('framing', () => {
  let server: Server;
  let thirdParty: string;
  test.beforeAll(async ({ baseURL }) => {
    // A page on another origin (another port) that frames our pages.
    server = createServer((req, res) => {
      const path = req.url === '/normal' ? '/cameras/test' : '/embed/test';
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><title>blog</title><iframe id="cam" src="${baseURL}${path}" width="640" height="360"></iframe>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    thirdParty = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('the embed page plays inside an iframe on another site', async ({ page }, testInfo) => {
    await page.goto(`${thirdParty}/embed`);
    const frame = page.frameLocator('#cam');
    const frames = () => frame.getByTestId('live-video').evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);
    await expect.poll(frames, { timeout: 30_000 }).toBeGreaterThan(0);
    const start = await frames();
    await expect.poll(frames, { timeout: 15_000 }).toBeGreaterThan(start + 40);
    await page.screenshot({ path: testInfo.outputPath('embed-in-iframe.png') });
  });

  test('a normal page refuses to be framed', async ({ page }) => {
    const blocked = page.waitForEvent('console', (m) => /frame-ancestors|Refused to (display|frame)/i.test(m.text()));
    await page.goto(`${thirdParty}/normal`);
    await blocked;
    expect(await page.frameLocator('#cam').getByTestId('live-video').count()).toBe(0);
  });
});

test('an unknown camera gets the 404 page', async ({ page }) => {
  const guard = await guardPage(page);
  const response = await page.goto('/cameras/no-such-camera');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'No camera here' })).toBeVisible();
  expect(guard.errors.filter((e) => !e.includes('404'))).toEqual([]);
  expect(await guard.cspViolations()).toEqual([]);
});

test('a hidden tab stops loading segments and resumes at the live edge', async ({ page }) => {
  await page.goto('/cameras/test');
  await expectVideoPlays(page, { minFrames: 10 });
  const segments: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.ts')) segments.push(r.url());
  });
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const countAtHide = segments.length;
  // Three segment durations with no new requests proves loading stopped.
  await page.waitForTimeout(6000);
  expect(segments.length - countAtHide).toBeLessThanOrEqual(1);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expectVideoPlays(page, { minFrames: 25 });
  await expect.poll(() => page.evaluate(() => window.__lookoutPlayer?.status.stats.latencySeconds ?? 99), { timeout: 15_000 }).toBeLessThan(8);
});
