import type Hls from 'hls.js/light';
import type { HlsConfig, LoaderCallbacks, LoaderConfiguration, LoaderContext } from 'hls.js/light';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeEagerPlaylistLoader, readLastSegment } from './eager-playlist-loader.ts';

function playlist(first: number, count: number): string {
  const segments = Array.from({ length: count }, (_, i) => `#EXTINF:2.000,\nseg-${first + i}.ts`).join('\n');
  return `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:${first}\n${segments}\n`;
}

// Stands in for hls.js's XhrLoader: answers every request with the origin's current playlist.
let origin = playlist(10, 3);
const requested: { url: string; at: number; headers?: Record<string, string> }[] = [];
class FakeXhrLoader {
  stats = { loading: { start: 0, first: 0, end: 0 } };
  load(context: LoaderContext, _config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>) {
    requested.push({ url: context.url, at: Date.now(), headers: context.headers });
    const body = origin;
    setTimeout(() => callbacks.onSuccess({ url: context.url, data: body, code: 200 }, this.stats as never, context, null), 10);
  }
  abort() {}
  destroy() {}
}
const EagerLoader = makeEagerPlaylistLoader({ DefaultConfig: { loader: FakeXhrLoader } } as unknown as typeof Hls);
const hlsConfig = {} as HlsConfig;
const loaderConfig = {} as LoaderConfiguration;

function load(url: string): Promise<{ text: string; at: number }> {
  return new Promise((resolve, reject) => {
    const loader = new EagerLoader(hlsConfig);
    const context = { url, responseType: 'text' } as LoaderContext;
    loader.load(context, loaderConfig, {
      onSuccess: (response) => resolve({ text: String(response.data), at: Date.now() }),
      onError: reject,
      onTimeout: reject,
    });
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  requested.length = 0;
  origin = playlist(10, 3);
});
afterEach(() => vi.useRealTimers());

describe('eager playlist loader', () => {
  it('reads the newest media sequence number and its duration', () => {
    expect(readLastSegment(playlist(10, 3))).toEqual({ sn: 12, duration: 2 });
    expect(readLastSegment('#EXTM3U\n#EXT-X-TARGETDURATION:2\n')).toBeNull();
  });

  it('marks playlists as blocking so hls.js asks for the next segment at once', async () => {
    const first = load('http://site/hls/cam/index.m3u8');
    await vi.advanceTimersByTimeAsync(20);
    const { text } = await first;
    expect(text).toContain('#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES');
    expect(text).toContain('seg-12.ts');
  });

  it('answers a request for the next segment only once it is published, polling the plain URL', async () => {
    const first = load('http://site/hls/cam/index.m3u8');
    await vi.advanceTimersByTimeAsync(20);
    const { at: seenAt } = await first;
    const next = load('http://site/hls/cam/index.m3u8?_HLS_msn=13');
    vi.setSystemTime(seenAt); // publishing happens 2 s after the last segment was seen
    setTimeout(() => (origin = playlist(11, 3)), 2000);
    await vi.advanceTimersByTimeAsync(2500);
    const { text, at } = await next;
    expect(text).toContain('seg-13.ts');
    expect(at - seenAt).toBeGreaterThanOrEqual(2000);
    expect(at - seenAt).toBeLessThan(2200); // within one poll of publication
    const polls = requested.slice(1);
    expect(polls.every((r) => r.url === 'http://site/hls/cam/index.m3u8' && r.headers?.['Cache-Control'] === 'no-cache')).toBe(true);
    expect(polls.length).toBeLessThanOrEqual(5); // it slept until shortly before the segment was due
  });

  it('hands back the unchanged playlist when the camera stalls', async () => {
    const first = load('http://site/hls/cam/index.m3u8');
    await vi.advanceTimersByTimeAsync(20);
    await first;
    const next = load('http://site/hls/cam/index.m3u8?_HLS_msn=13');
    await vi.advanceTimersByTimeAsync(7000);
    expect((await next).text).toContain('seg-12.ts');
  });
});
