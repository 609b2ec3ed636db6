import type { HlsConfig } from 'hls.js/light';

// Plain data: it is also inlined into the page for the early start (early-start.ts).
// Distance to the live edge: 1.5 segments (3 s with 2 s segments) and catch-up at up to 1.2×.
// 1.2 segments sat 0.3 s closer but stalled now and then; a visible stall costs more than
// 0.3 s of latency. Most of the rest was hls.js noticing new segments late: the origin now
// holds `?_HLS_msn=N` until segment N exists (worker/origin/blocking-reload.ts), which hls.js
// asks for by itself. `lowLatencyMode` stays on (the default): hls.js only adjusts the
// playback rate, and only sends blocking reloads, in that mode.
export const HLS_CONFIG: Partial<HlsConfig> = {
  liveSyncDurationCount: 1.5,
  maxLiveSyncPlaybackRate: 1.2,
  liveDurationInfinity: true,
  backBufferLength: 10, // Smart TVs stay tuned all day: keep memory flat
  maxBufferLength: 10,
  enableWorker: false, // a worker compiles hls.js a second time; transmuxing a 2 s segment takes ~10 ms
  startFragPrefetch: true,
  // Our own watchdogs decide when to rebuild; keep hls.js's retries short.
  manifestLoadPolicy: { default: { maxTimeToFirstByteMs: 5000, maxLoadTimeMs: 8000, timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 }, errorRetry: { maxNumRetry: 1, retryDelayMs: 500, maxRetryDelayMs: 1000 } } },
  playlistLoadPolicy: { default: { maxTimeToFirstByteMs: 5000, maxLoadTimeMs: 8000, timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 }, errorRetry: { maxNumRetry: 2, retryDelayMs: 500, maxRetryDelayMs: 2000 } } },
};

export const FROZEN_AFTER_MS = 4000;
export const OFFLINE_POLL_MS = 5000;

// How long the playlist may go without a new segment before the player says "Camera offline".
// A camera that loses bytes can go a segment, two lost GOPs and the check's time between
// segments: 8 s on a 2 s GOP on a loaded 2-core box, where the old limit of 3 segments (8 s at
// least) showed "offline" and blanked the picture for a poll. A false "offline" costs a viewer
// 5 s or more; a true one shown 2 s later costs nothing.
export function offlineAfterMs(targetDurationSeconds: number): number {
  return Math.max(4 * targetDurationSeconds + 2, 8) * 1000;
}
