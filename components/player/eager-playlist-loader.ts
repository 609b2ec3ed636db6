import type Hls from 'hls.js/light';
import type { HlsConfig, Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext, LoaderStats } from 'hls.js/light';

const LEAD_MS = 500; // start asking this long before the next segment is due (publishing jitters)
const POLL_MS = 150;
const SERVER_BLOCKS = /#EXT-X-SERVER-CONTROL:[^\n]*CAN-BLOCK-RELOAD=YES/;

type Newest = { sn: number; seenAt: number; durationMs: number };

// LL-HLS blocking playlist reload, done in the browser. Without it hls.js reloads the playlist
// on a fixed 2 s rhythm set by when the page happened to load, so it hears of each segment
// 0–2 s after the worker published it (median 0.75–1.1 s in bench:player): latency on top
// of liveSyncDuration, and a varying one, which eats the buffer margin.
//
// This loader marks the playlists it hands hls.js as CAN-BLOCK-RELOAD, so hls.js asks for the
// next segment (`_HLS_msn=N`) right after each update. It answers that request itself: it
// sleeps until just before segment N is due (the previous one's arrival + its duration), then
// asks for the plain playlist URL (edge-cacheable, browser cache skipped) every 150 ms until N
// is listed. hls.js so hears of a segment 0.1–0.2 s (median) after it is published, for about
// 4 requests of a ~1 kB playlist per segment (0.4–0.7 s on a machine so busy that publishing
// itself jittered by ±1 s). If the origin ever blocks itself, everything passes through (the
// site's /hls pass-through would then have to forward the query string).
export function makeEagerPlaylistLoader(HlsClass: typeof Hls): new (config: HlsConfig) => Loader<LoaderContext> {
  const Base = HlsClass.DefaultConfig.loader;
  const newestByPlayer = new WeakMap<HlsConfig, Newest>();

  return class EagerPlaylistLoader implements Loader<LoaderContext> {
    context: LoaderContext | null = null;
    stats: LoaderStats;
    private inner: Loader<LoaderContext>;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly config: HlsConfig) {
      this.inner = new Base(config);
      this.stats = this.inner.stats;
    }

    load(context: LoaderContext, loaderConfig: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>): void {
      this.context = context;
      const url = new URL(context.url, globalThis.location?.href); // the first (manifest) URL may be relative
      const wanted = Number(url.searchParams.get('_HLS_msn') ?? NaN);
      url.searchParams.delete('_HLS_msn');
      url.searchParams.delete('_HLS_skip');
      const plain = { ...context, url: url.href, headers: { ...context.headers, 'Cache-Control': 'no-cache' } };
      const giveUpAt = performance.now() + 6000; // camera stalled: hand back what there is
      const attempt = () =>
        this.inner.load(plain, loaderConfig, {
          ...callbacks,
          onSuccess: (response, stats, _ctx, details) => {
            const text = typeof response.data === 'string' ? response.data : '';
            const newest = this.noteNewest(text);
            const waiting = Number.isFinite(wanted) && newest !== null && newest.sn < wanted && !SERVER_BLOCKS.test(text);
            if (waiting && performance.now() + POLL_MS < giveUpAt) return this.retryAt(newest.seenAt + newest.durationMs - LEAD_MS, attempt);
            const marked = SERVER_BLOCKS.test(text) ? text : text.replace('#EXTM3U', '#EXTM3U\n#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES');
            callbacks.onSuccess({ ...response, data: marked }, stats, context, details);
          },
        });
      const known = newestByPlayer.get(this.config);
      if (known && known.sn < wanted) this.timer = setTimeout(attempt, known.seenAt + known.durationMs - LEAD_MS - performance.now());
      else attempt();
    }

    abort(): void {
      clearTimeout(this.timer);
      this.inner.abort();
    }

    destroy(): void {
      clearTimeout(this.timer);
      this.inner.destroy();
    }

    getCacheAge(): number | null {
      return this.inner.getCacheAge?.() ?? null;
    }

    getResponseHeader(name: string): string | null {
      return this.inner.getResponseHeader?.(name) ?? null;
    }

    private retryAt(due: number, attempt: () => void): void {
      this.inner.destroy(); // a loader loads once
      this.inner = new Base(this.config);
      this.stats = this.inner.stats;
      this.timer = setTimeout(attempt, Math.max(POLL_MS, due - performance.now()));
    }

    // The playlist's last media sequence number, and when this player first saw it.
    private noteNewest(text: string): Newest | null {
      const last = readLastSegment(text);
      if (!last) return null;
      const known = newestByPlayer.get(this.config);
      if (known?.sn === last.sn) return known;
      const newest = { sn: last.sn, seenAt: performance.now(), durationMs: last.duration * 1000 };
      newestByPlayer.set(this.config, newest);
      return newest;
    }
  };
}

export function readLastSegment(playlist: string): { sn: number; duration: number } | null {
  const sequence = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(playlist)?.[1] ?? 0);
  const durations = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map((m) => Number(m[1]));
  if (durations.length === 0) return null;
  return { sn: sequence + durations.length - 1, duration: durations.at(-1)! || 2 };
}
