import { expect, type APIRequestContext, type Page } from '@playwright/test';

const VIDEO = 'video[data-testid="live-video"]';

export async function decodedFrames(page: Page): Promise<number> {
  return page.locator(VIDEO).evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);
}

// `currentTime` also advances over a frozen picture, so playback is proven by decoded
// frames growing and by the picture itself changing.
export async function expectVideoPlays(page: Page, { minFrames = 50, timeoutMs = 15_000 } = {}): Promise<void> {
  await expect.poll(() => decodedFrames(page), { timeout: 30_000, message: 'first decoded frame' }).toBeGreaterThan(0);
  const start = await decodedFrames(page);
  const before = await pictureSignature(page);
  await expect.poll(() => decodedFrames(page), { timeout: timeoutMs, message: `${minFrames} more decoded frames` }).toBeGreaterThan(start + minFrames);
  expect(await pictureSignature(page)).not.toEqual(before); // the burnt-in clock moved
}

// A coarse fingerprint of the current picture: 16×9 grey levels, plus its contrast.
export async function pictureSignature(page: Page): Promise<{ cells: number[]; spread: number }> {
  return page.locator(VIDEO).evaluate((v: HTMLVideoElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 90;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(v, 0, 0, 160, 90);
    const { data } = ctx.getImageData(0, 0, 160, 90);
    const cells: number[] = [];
    for (let cy = 0; cy < 9; cy++)
      for (let cx = 0; cx < 16; cx++) {
        let sum = 0;
        for (let y = 0; y < 10; y++)
          for (let x = 0; x < 10; x++) {
            const i = ((cy * 10 + y) * 160 + cx * 10 + x) * 4;
            sum += (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
          }
        cells.push(Math.round(sum / 100));
      }
    return { cells, spread: Math.max(...cells) - Math.min(...cells) };
  });
}

export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

// The player's poster is the camera preview: a page loaded before the first snapshot
// would log its 503. Visitors can meet that too, but only in the first seconds after start.
export async function waitForFirstPreview(request: APIRequestContext): Promise<void> {
  await expect.poll(async () => (await request.get('/preview.jpg')).status(), { timeout: 20_000 }).toBe(200);
}
