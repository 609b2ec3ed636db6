// In-page probes for `npm run bench:player`. Both functions are serialised into the page by
// Playwright, so they stay self-contained (no imports, no named inner helpers).

export type ProbeResult = {
  firstFrame: number; // presented (requestVideoFrameCallback), ms after navigation start
  firstFrameSeen: number; // noticed by a page script polling decoded frames every 5 ms
  waiting: number;
  waitingAt: number[]; // seconds after the first frame
  longTaskMs: number; // main-thread long tasks before the first frame
  milestones: Record<string, number>; // ms after navigation start
  scriptKb: number; // JavaScript as sent (compressed)
  scriptBytes: number; // decoded
  segmentFetches: number; // network fetches of .ts files (preloads included)
  segmentRefetches: number; // a segment fetched from the network twice
  playlistDelays: number[]; // seconds from a segment's end (its PROGRAM-DATE-TIME + duration) to the player seeing it
  latency: number | null;
};

// Runs before the page's own scripts: first decoded frame, `waiting` after it, long tasks,
// and, for every playlist the page receives, how long after its newest segment ended.
export function installProbe(): void {
  const w = window as unknown as { __probe: { firstFrame?: number; presented?: number; waiting: number; waitingAt: number[]; longTaskMs: number; delays: number[]; newest: string; watched?: boolean } };
  w.__probe = { waiting: 0, waitingAt: [], longTaskMs: 0, delays: [], newest: '' };
  new PerformanceObserver((list) => {
    if (w.__probe.firstFrame !== undefined) return;
    for (const entry of list.getEntries()) w.__probe.longTaskMs += entry.duration;
  }).observe({ type: 'longtask', buffered: true });
  const timer = setInterval(() => {
    const video = document.querySelector('video');
    if (video && !w.__probe.watched) {
      w.__probe.watched = true;
      video.requestVideoFrameCallback((_now, frame) => (w.__probe.presented = frame.presentationTime));
    }
    if (!video || video.getVideoPlaybackQuality().totalVideoFrames === 0) return;
    w.__probe.firstFrame = performance.now();
    video.addEventListener('waiting', () => {
      w.__probe.waiting++;
      w.__probe.waitingAt.push((performance.now() - w.__probe.firstFrame!) / 1000);
    });
    clearInterval(timer);
  }, 5);
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    if (String(url).includes('.m3u8')) {
      this.addEventListener('load', () => {
        const text = typeof this.response === 'string' ? this.response : '';
        const dates = [...text.matchAll(/#EXT-X-PROGRAM-DATE-TIME:(\S+)/g)];
        const durations = [...text.matchAll(/#EXTINF:([\d.]+)/g)];
        const segments = text.split('\n').filter((l) => l && !l.startsWith('#'));
        const last = segments.at(-1) ?? '';
        if (!last || last === w.__probe.newest || dates.length === 0 || durations.length === 0) return;
        w.__probe.newest = last;
        const end = Date.parse(dates.at(-1)![1]!) + Number(durations.at(-1)![1]) * 1000;
        w.__probe.delays.push((Date.now() - end) / 1000);
      });
    }
    return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof XMLHttpRequest.prototype.open;
}

export function readProbe(): ProbeResult {
  const w = window as unknown as { __probe: { firstFrame: number; presented?: number; waiting: number; waitingAt: number[]; longTaskMs: number; delays: number[] } };
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const scripts = resources.filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'));
  const media = resources.filter((e) => e.name.includes('/hls/'));
  const fetched = media.filter((e) => e.name.endsWith('.ts') && e.transferSize > 0);
  const milestones: Record<string, number> = {
    'HTML first byte': nav.responseStart,
    'HTML received': nav.responseEnd,
    'JS received': Math.max(...scripts.map((e) => e.responseEnd)),
    'DOMContentLoaded': nav.domContentLoadedEventEnd,
  };
  for (const mark of performance.getEntriesByType('mark')) if (mark.name.startsWith('lookout:')) milestones[mark.name] = mark.startTime;
  milestones['first frame presented'] = w.__probe.presented ?? w.__probe.firstFrame;
  milestones['first frame seen'] = w.__probe.firstFrame;
  const playing = window.__lookoutPlayer?.playingDateMs();
  return {
    firstFrame: w.__probe.presented ?? w.__probe.firstFrame,
    firstFrameSeen: w.__probe.firstFrame,
    waiting: w.__probe.waiting,
    waitingAt: w.__probe.waitingAt,
    longTaskMs: w.__probe.longTaskMs,
    milestones,
    scriptKb: scripts.reduce((sum, e) => sum + e.encodedBodySize, 0) / 1024,
    scriptBytes: scripts.reduce((sum, e) => sum + e.decodedBodySize, 0),
    segmentFetches: fetched.length,
    segmentRefetches: fetched.length - new Set(fetched.map((e) => e.name)).size,
    playlistDelays: w.__probe.delays,
    latency: playing ? (Date.now() - playing) / 1000 : null,
  };
}
