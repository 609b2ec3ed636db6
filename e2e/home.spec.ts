import { expect, test } from '@playwright/test';
import { collectConsoleErrors, expectVideoPlays, pictureSignature, waitForFirstPreview } from './video';

test.beforeAll(async ({ request }) => waitForFirstPreview(request));

test('the home page plays the default camera live', async ({ page }, testInfo) => {
  const errors = collectConsoleErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test camera');
  await expectVideoPlays(page);
  // Not a black or grey box: the test pattern has strong contrast.
  expect((await pictureSignature(page)).spread).toBeGreaterThan(60);
  await expect(page.getByTestId('live-badge')).toBeVisible();
  const screenshot = await page.screenshot({ path: testInfo.outputPath('home.png') });
  await testInfo.attach('home', { body: screenshot, contentType: 'image/png' });
  expect(errors).toEqual([]);
});

test('the page sets no cookies and /api/health reports the camera live', async ({ page, request }) => {
  const response = await page.goto('/');
  expect(response?.headers()['set-cookie']).toBeUndefined();
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, worker: 'up', cameras: [{ id: 'test', state: expect.stringMatching(/^(live|reconnecting)$/) }] });
  const playlist = await request.get('/hls/test/index.m3u8');
  expect(playlist.headers()['cache-control']).toBe('public, max-age=1');
  expect(await playlist.text()).toContain('#EXT-X-TARGETDURATION:2');
  expect((await request.get('/hls/test/..%2f..%2fpackage.json')).status()).toBe(400); // one spelling per media path
});

test('preview.jpg is a JPEG through the site and the page shares it as its card', async ({ page, request }) => {
  await expect.poll(async () => (await request.get('/preview.jpg')).status(), { timeout: 20_000 }).toBe(200);
  const preview = await request.get('/cameras/test/preview.jpg?w=640');
  expect(preview.headers()['content-type']).toBe('image/jpeg');
  expect(preview.headers()['set-cookie']).toBeUndefined();
  expect(preview.headers()['etag']).toBeTruthy();
  await page.goto('/cameras/test');
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/cameras\/test\/preview\.jpg$/);
});

test('the page JavaScript, hls.js included, arrives precompressed and cached for a year', async ({ page }) => {
  const scripts: { url: string; encoding?: string; cache?: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const headers = await response.allHeaders();
    scripts.push({ url: new URL(response.url()).pathname, encoding: headers['content-encoding'], cache: headers['cache-control'], bytes: (await response.body()).length });
  });
  await page.goto('/cameras/test');
  await expectVideoPlays(page);
  expect(scripts.map((s) => s.url)).toContainEqual(expect.stringMatching(/^\/player\/hls\.light-[\d.]+\.min\.js$/));
  expect(scripts.length).toBeGreaterThan(3);
  for (const script of scripts) {
    expect(script, script.url).toMatchObject({ encoding: 'br', cache: 'public, max-age=31536000, immutable' });
    expect(script.bytes, script.url).toBeGreaterThan(0); // decoded by the browser: a broken copy would not run
  }
});
