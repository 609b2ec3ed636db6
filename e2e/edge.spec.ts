import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startEdge, type Edge } from '../worker/testing/edge-process';
import { freePort } from '../lib/testing/child-process';
import { guardPage } from './page-guards';
import { expectVideoPlays, pictureSignature, waitForFirstPreview } from './video';

// The shipped nginx edge (deploy/nginx/lookout-edge.conf) in front of this run's site and
// origin, watched in Chromium as a visitor reaching Lookout through it would.
let edge: Edge;
let dir: string;

test.beforeAll(async ({ request, baseURL }) => {
  await waitForFirstPreview(request);
  const sitePort = Number(new URL(baseURL!).port);
  dir = mkdtempSync(join(tmpdir(), 'lookout-e2e-edge-'));
  edge = await startEdge(dir, { port: await freePort(), site: `127.0.0.1:${sitePort}`, origin: `127.0.0.1:${sitePort + 1}` });
});
test.afterAll(async () => {
  await edge?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the camera page plays through the edge, and a second viewer gets the segments from its cache', async ({ browser }, testInfo) => {
  const viewers = [];
  for (let i = 0; i < 2; i++) {
    const page = await (await browser.newContext()).newPage();
    const guard = await guardPage(page);
    const segments: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.ts')) segments.push(`${response.status()} ${response.headers()['x-cache-status']}`);
    });
    const response = await page.goto(`${edge.url}/cameras/test`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'"); // the site's headers survive the edge
    await expect(page.getByLabel('Embed code')).toHaveValue(new RegExp(`src="${edge.url}/embed/test"`)); // links name the edge, port included
    await expectVideoPlays(page, { minFrames: 40 });
    expect((await pictureSignature(page)).spread).toBeGreaterThan(60);
    viewers.push({ page, guard, segments });
  }
  const [first, second] = viewers;
  await second!.page.screenshot({ path: testInfo.outputPath('edge-viewer.png') });
  expect(first!.segments.every((s) => s.startsWith('200 '))).toBe(true);
  expect(second!.segments.filter((s) => s === '200 HIT').length).toBeGreaterThan(0); // fetched once, by the first viewer
  for (const { guard } of viewers) {
    expect(guard.errors).toEqual([]);
    expect(await guard.cspViolations()).toEqual([]);
  }
});
