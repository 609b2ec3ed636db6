import type { Page } from '@playwright/test';

export type FreezeReading = { longestMs: number; longestEndedAt: number; frames: number };

// Records, inside the page, the longest time the decoded-frame count did not grow while the
// video was meant to be playing: what a viewer sees as a frozen picture. The count starts
// again from 0 when the player rebuilds; that drop is not a new picture.
export async function startFreezeMeter(page: Page): Promise<() => Promise<FreezeReading>> {
  await page.evaluate(() => {
    const video = document.querySelector('video[data-testid="live-video"]') as HTMLVideoElement;
    const meter = { longestMs: 0, longestEndedAt: 0, frames: 0, lastFrames: -1, lastChange: performance.now() };
    (window as unknown as { __freeze: typeof meter }).__freeze = meter;
    setInterval(() => {
      const frames = video.getVideoPlaybackQuality().totalVideoFrames;
      const now = performance.now();
      if (frames > meter.lastFrames) meter.lastChange = now;
      meter.lastFrames = frames;
      meter.frames = frames;
      if (now - meter.lastChange > meter.longestMs) {
        meter.longestMs = now - meter.lastChange;
        meter.longestEndedAt = Date.now();
      }
    }, 100);
  });
  return () => page.evaluate(() => {
    const { longestMs, longestEndedAt, frames } = (window as unknown as { __freeze: FreezeReading }).__freeze;
    return { longestMs, longestEndedAt, frames };
  });
}
