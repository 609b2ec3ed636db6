import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { getSunTimes } from '../../lib/sun';
import { toLocalTime } from '../../lib/time-zone';
import { guardPage } from '../page-guards';
import { expectVideoPlays } from '../video';
import { E2E_DB, logIn, setOwnerPassword, withDatabase } from './owner';

const PASSWORD = 'e2e dashboard password';
const ZURICH = { lat: 47.37, lon: 8.54 };

function seedDemo(days: number): void {
  const env = { ...process.env, DATABASE_URL: `file:./${E2E_DB}`, LOOKOUT_CONFIG: 'e2e/fixtures/dashboard-camera.json' };
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/analytics-demo.ts', '--days', String(days)], { env, stdio: 'inherit' });
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/health-demo.ts', '--days', String(days)], { env, stdio: 'inherit' });
}

// Sunrise and sunset in Zurich's local hours over the last week (fractional hours).
function sunHours(): number[] {
  const hours: number[] = [];
  for (let d = 0; d < 7; d++) {
    const sun = getSunTimes(new Date(Date.now() - d * 86_400_000), ZURICH.lat, ZURICH.lon);
    if ('polar' in sun) continue;
    for (const at of [sun.sunrise, sun.sunset]) {
      const local = toLocalTime(at.getTime(), 'Europe/Zurich');
      hours.push(local.hour + at.getUTCMinutes() / 60);
    }
  }
  return hours;
}

async function heatmapCells(page: Page, metric: 'views' | 'watchSeconds') {
  return page.getByTestId(`heatmap-${metric}`).locator('td').evaluateAll((cells) => cells.map((c) => ({ weekday: Number(c.dataset.weekday), hour: Number(c.dataset.hour), value: Number(c.dataset.value) })));
}

test.describe.configure({ mode: 'serial' });

test('a fresh install with no views says so kindly and draws no broken charts', async ({ page }) => {
  withDatabase((db) => db.exec(['ViewStat', 'ViewHour', 'VisitorDay', 'PreviewFetchStat', 'ViewDimensionDay', 'ViewLocalDay', 'PreviewFetchDay', 'PreviewFetchLocalDay'].map((t) => `DELETE FROM "${t}";`).join(' ')));
  setOwnerPassword(PASSWORD);
  const guard = await guardPage(page);
  await logIn(page, PASSWORD);
  await expect(page.getByTestId('no-views-yet')).toBeVisible();
  await expect(page.getByTestId('hour-chart')).toHaveCount(0);
  await expect(page.getByTestId('section-when').getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('world-map')).toBeVisible(); // an empty map is still a map
  await expect(page.getByTestId('time-zone')).toContainText('Europe/Zurich');
  expect(guard.errors).toEqual([]);
  expect(await guard.cspViolations()).toEqual([]);
});

test.describe('with a month of demo data', () => {
  test.beforeAll(() => seedDemo(35));

  for (const viewport of [{ name: 'phone', width: 390, height: 844 }, { name: 'desktop', width: 1440, height: 900 }]) {
    test(`every chart and the map render at ${viewport.name} size`, async ({ page }, testInfo) => {
      const guard = await guardPage(page);
      await page.setViewportSize(viewport);
      await logIn(page, PASSWORD);
      await page.goto('/dashboard?range=7d');
      await expect(page.getByTestId('no-views-yet')).toHaveCount(0);
      const chart = page.getByTestId('hour-chart');
      await expect(chart.locator('canvas')).toHaveCount(1);
      expect(Number(await chart.getAttribute('data-points'))).toBe(168);
      expect(Number(await chart.getAttribute('data-sun-bands'))).toBeGreaterThanOrEqual(13); // 7 sunrises and 7 sunsets, give or take the edges
      await expect(page.getByTestId('world-map').locator('path[data-country]')).not.toHaveCount(0);
      expect(await page.getByTestId('world-map').locator('path[data-country="CH"]').getAttribute('data-views')).not.toBe('0');
      await expect(page.getByTestId('country-table')).toContainText('Switzerland');
      await expect(page.getByText('IP geolocation by DB-IP')).toBeVisible();
      await expect(page.getByTestId('device-table')).toContainText('Smart TV');
      await expect(page.getByTestId('source-table')).toContainText('windy.com');
      await expect(page.getByTestId('portal-table')).toContainText('windy');
      await expect(page.getByTestId('health-timeline').locator('rect')).not.toHaveCount(0);
      await expect(page.getByTestId('health-figures-roof')).toContainText('%');
      // Nothing wider than the screen: the page scrolls only vertically.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: testInfo.outputPath(`dashboard-${viewport.name}.png`), fullPage: true });
      expect(guard.errors).toEqual([]);
      expect(await guard.cspViolations()).toEqual([]);
    });
  }

  test('the heatmap’s hottest hours are near sunrise and sunset', async ({ page }) => {
    await logIn(page, PASSWORD);
    await page.goto('/dashboard?range=30d');
    const cells = await heatmapCells(page, 'views');
    const byHour = Array.from({ length: 24 }, (_, h) => cells.filter((c) => c.hour === h).reduce((s, c) => s + c.value, 0));
    const hottest = byHour.map((v, h) => ({ h, v })).sort((a, b) => b.v - a.v).slice(0, 3).map((x) => x.h);
    const sun = sunHours();
    for (const hour of hottest) expect(Math.min(...sun.map((s) => Math.abs(hour + 0.5 - s))), `hour ${hour} against ${sun.join()}`).toBeLessThanOrEqual(1.5);
  });

  test('the range links switch the chart; a year is drawn by the day', async ({ page }) => {
    const guard = await guardPage(page);
    await logIn(page, PASSWORD);
    await page.goto('/dashboard/cameras/roof');
    await page.getByRole('navigation', { name: 'Chart range' }).getByRole('link', { name: '1 year' }).click();
    await expect(page).toHaveURL(/range=1y/);
    await expect(page.getByRole('link', { name: '1 year' })).toHaveAttribute('aria-current', 'true');
    const points = Number(await page.getByTestId('hour-chart').getAttribute('data-points'));
    expect(points).toBeGreaterThanOrEqual(35);
    expect(points).toBeLessThanOrEqual(37);
    await page.getByRole('link', { name: '24 hours' }).click();
    await expect(page.getByTestId('hour-chart')).toHaveAttribute('data-points', '24');
    expect(guard.errors).toEqual([]);
  });

  test('viewers now refreshes every 5 s through the admin API', async ({ page }) => {
    await logIn(page, PASSWORD);
    const poll = await page.waitForResponse((r) => r.url().includes('/api/admin/viewers-now'), { timeout: 8000 });
    expect(poll.status()).toBe(200);
    expect(await poll.json()).toEqual({ viewers: expect.any(Number) });
  });

  test('the hourly table downloads as CSV', async ({ page }) => {
    await logIn(page, PASSWORD);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^lookout-all-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await page.request.get(file.url())).text();
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('hour_utc,hour_local,camera,country,device,source,views,watch_seconds');
    expect(lines.length).toBeGreaterThan(100);
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00\.000Z,\d{4}-\d\d-\d\d \d\d:00,roof,/);
    const bad = await page.request.get('/api/admin/export?from=2026-02-30x&to=2026-01-01');
    expect(bad.status()).toBe(400);
  });
});

test('no dashboard code loads on the public camera page', async ({ page, request }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/cameras/roof');
  await expectVideoPlays(page, { minFrames: 5 }); // the player and hls.js are loaded by now
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) {
    const body = await (await request.get(url)).text();
    expect(body, url).not.toContain('uPlot');
    expect(body, url).not.toContain('/api/admin/');
    expect(body, url).not.toContain('viewers-now');
  }
});
