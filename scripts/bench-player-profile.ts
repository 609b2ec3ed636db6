import type { Browser } from '@playwright/test';

// Where the page's main thread goes from navigation to the first decoded frame, from a V8
// CPU profile (sampled every 0.2 ms, so the load runs a little slower than unprofiled).
// Self time by bucket: hls.js, Next/React chunks, our own code by function, native work
// ("(program)": parsing, compiling, style, layout) and idle (waiting for the network).
export type MainThreadProfile = { firstFrameMs: number; buckets: Map<string, number> };

export async function profileLoad(browser: Browser, url: string): Promise<MainThreadProfile> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (document.querySelector('video')?.getVideoPlaybackQuality().totalVideoFrames ?? 0) > 0, undefined, { timeout: 20_000, polling: 5 });
    const firstFrameMs = await page.evaluate(() => performance.now());
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const buckets = new Map<string, number>();
    profile.samples!.forEach((id, i) => {
      const frame = nodes.get(id)!;
      const key = bucketOf(frame.url, frame.functionName);
      buckets.set(key, (buckets.get(key) ?? 0) + (profile.timeDeltas![i] ?? 0) / 1000);
    });
    return { firstFrameMs, buckets };
  } finally {
    await context.close();
  }
}

function bucketOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'browser built-ins';
  if (url.includes('/player/hls')) return 'hls.js';
  if (url.includes('/_next/')) return 'Next + React + our components';
  if (url.startsWith('http')) return 'inline scripts';
  return 'test harness';
}

export function summariseProfiles(profiles: MainThreadProfile[]): string {
  const mean = new Map<string, number>();
  for (const { buckets } of profiles) for (const [key, ms] of buckets) mean.set(key, (mean.get(key) ?? 0) + ms / profiles.length);
  const firstFrame = profiles.reduce((sum, p) => sum + p.firstFrameMs, 0) / profiles.length;
  const parts = [...mean].filter(([, ms]) => ms >= 1).sort((a, b) => b[1] - a[1]).map(([key, ms]) => `${key} ${ms.toFixed(0)}`);
  return `main thread until the first frame (mean of ${profiles.length} profiled loads, first frame ${firstFrame.toFixed(0)} ms), ms: ${parts.join(', ')}`;
}
