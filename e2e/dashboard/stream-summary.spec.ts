import { expect, test } from '@playwright/test';
import { guardPage } from '../page-guards';
import { logIn, setOwnerPassword } from './owner';

const PASSWORD = 'e2e stream summary password';

// The worker's live stream summary (/status.json `stream`) in the stream-health section: the
// simulator camera sends 320x180 H.264 Main at 25 fps with 2 B-frames, a 2 s GOP and RTCP
// sender reports. The built-in test camera has no reader, so no summary.
test('stream health shows what each camera really sends', async ({ page }, testInfo) => {
  setOwnerPassword(PASSWORD);
  const guard = await guardPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, PASSWORD);
  const summary = page.getByTestId('stream-summary-sim');
  // Server-rendered: reload until the worker has seen two keyframes (the GOP) and an SR.
  await expect(async () => {
    await page.goto('/dashboard?range=24h');
    await expect(summary).toContainText('GOP50 frames = 2 s', { timeout: 1000 });
    await expect(summary).toContainText('Camera clock', { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(summary).toContainText('CodecH.264 Main');
  await expect(summary).toContainText('Resolution320×180');
  await expect(summary).toContainText('Frame rate25 fps (RTP timestamps)');
  await expect(summary).toContainText('B-framesyes (reorder depth 2)');
  await expect(summary).toContainText(/Bitrate\d+ kbit\/s/);
  await expect(summary).toContainText(/Camera clock[+−]\d\.\d s, dates segments/); // within 2 s: believed
  await expect(page.getByTestId('stream-summary-roof')).toHaveCount(0);
  await page.getByTestId('section-health').screenshot({ path: testInfo.outputPath('stream-health.png') });
  expect(guard.errors).toEqual([]);
  expect(await guard.cspViolations()).toEqual([]);
});
