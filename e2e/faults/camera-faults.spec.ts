import { expect, test } from '@playwright/test';
import { startFreezeMeter } from './freeze-meter';
import { freezeLimit } from '../../lib/testing/freeze-limit';
import { FREEZE_GOAL_MS, GOP_SECONDS } from './gop';
import { CONTROL_URL } from './ports';
import { guardPage } from '../page-guards';
import { decodedFrames, expectVideoPlays, pictureSignature, waitForFirstPreview } from '../video';

async function setFault(mode: string, options: Record<string, unknown> = {}): Promise<void> {
  const response = await fetch(`${CONTROL_URL}/fault`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode, ...options }) });
  expect(response.status, await response.text()).toBe(200);
}

test.beforeAll(async ({ request }) => {
  await setFault('none');
  const { encoder } = await fetch(`${CONTROL_URL}/status`).then((r) => r.json());
  expect(encoder.gopSeconds, 'the simulator runs with FAULTS_GOP').toBe(GOP_SECONDS);
  await waitForFirstPreview(request);
});
test.afterEach(async () => setFault('none'));

test('a camera that goes away shows the offline state with its preview, then plays again without a reload', async ({ page }, testInfo) => {
  const guard = await guardPage(page);
  await page.goto('/cameras/sim');
  await expectVideoPlays(page, { minFrames: 25 });
  await page.evaluate(() => ((window as unknown as { __sameInstance: boolean }).__sameInstance = true));

  const cut = Date.now();
  await setFault('disconnect');
  const offline = page.getByTestId('offline');
  await expect(offline).toBeVisible({ timeout: 15_000 });
  testInfo.annotations.push({ type: 'offline after', description: `${((Date.now() - cut) / 1000).toFixed(1)} s` });
  await expect(offline).toContainText(/Camera offline — since \d\d:\d\d/);
  await expect(offline.getByRole('status'), 'the message is in view at 1280×720').toBeInViewport({ ratio: 1 });
  await expect(offline.locator('img')).toHaveAttribute('src', /preview\.jpg/);
  await page.screenshot({ path: testInfo.outputPath('offline.png') });

  const back = Date.now();
  await setFault('none');
  await expect(offline).toBeHidden({ timeout: 20_000 });
  const framesAtReturn = await decodedFrames(page);
  await expect.poll(() => decodedFrames(page), { timeout: 20_000 - (Date.now() - back), message: 'frames growing again' }).toBeGreaterThan(framesAtReturn + 25);
  testInfo.annotations.push({ type: 'playing again after', description: `${((Date.now() - back) / 1000).toFixed(1)} s` });
  expect(await page.evaluate(() => (window as unknown as { __sameInstance?: boolean }).__sameInstance)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('back.png') });
  // The offline poll is expected to meet 404s/stale playlists; nothing else may error.
  expect(guard.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  expect(await guard.cspViolations()).toEqual([]);
});

// Over RTSP, Lookout's client resyncs and skips to the next keyframe; on raw H.264 over TCP
// (a Raspberry Pi camera) the frames before the damage are kept and the rest of the GOP is cut
// out. Either way a loss costs at most the rest of a GOP, never a reconnect.
const LOSSY_CAMERAS = [
  { id: 'sim', server: 'rtsp' },
  { id: 'pi', server: 'tcp' },
] as const;

for (const camera of LOSSY_CAMERAS) {
  test(`with the lost-bytes camera bug and a ${GOP_SECONDS} s GOP the picture freezes for at most ${FREEZE_GOAL_MS / 1000} s, or the hole its losses force (${camera.server})`, async ({ page }, testInfo) => {
    const guard = await guardPage(page);
    await page.goto(`/cameras/${camera.id}`);
    await expectVideoPlays(page, { minFrames: 25 });
    const readMeter = await startFreezeMeter(page);
    await setFault('lost-bytes', { meanIntervalMs: 3000, server: camera.server });
    const faultFrom = Date.now();
    const watchMs = 40_000;
    let shot = 0;
    while (Date.now() - faultFrom < watchMs) {
      await page.waitForTimeout(10_000);
      await page.screenshot({ path: testInfo.outputPath(`lost-bytes-${shot++}.png`) });
      // Not a grey or smeared box: the test pattern keeps its contrast.
      expect((await pictureSignature(page)).spread).toBeGreaterThan(60);
    }
    const { longestMs, longestEndedAt, frames } = await readMeter();
    const server = (await fetch(`${CONTROL_URL}/status`).then((r) => r.json()))[camera.server];
    const { limitMs, forcedHoleMs, forcedHoleFrom, losses } = freezeLimit(server.recent, faultFrom, Date.now(), FREEZE_GOAL_MS);
    const rebuilds = await page.getByTestId('player').getAttribute('data-rebuilds');
    const time = (ms: number) => new Date(ms).toISOString().slice(11, 22);
    const summary =
      `longest freeze ${longestMs.toFixed(0)} ms (ended ${time(longestEndedAt)}, fault on at ${time(faultFrom)}), limit ${limitMs.toFixed(0)} ms; ` +
      `${losses} losses, longest hole they force ${forcedHoleMs.toFixed(0)} ms (from ${time(forcedHoleFrom)}); ${frames} frames since the last of ${rebuilds} player rebuilds`;
    testInfo.annotations.push({ type: 'longest freeze', description: `${summary}; camera ${JSON.stringify(server, (key, value) => (key === 'recent' ? undefined : value))}` });
    console.log(`lost-bytes e2e (${camera.server}, ${GOP_SECONDS} s GOP): ${summary}`);
    expect(losses, 'the fault bit').toBeGreaterThanOrEqual(4);
    expect(longestMs).toBeLessThanOrEqual(limitMs);
    expect(guard.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
}
