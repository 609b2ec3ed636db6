import type { HlsConfig } from 'hls.js/light';

// Measured with 2 s segments (npm run bench:player): hls.js defaults sit ~7.7 s behind
// live; 1.5 segments behind with catch-up at 1.2× gives ~4.3 s and no stalls. 1.2
// segments gave 4.0 s but the odd `waiting` stall, which a viewer notices more.
export const HLS_CONFIG: Partial<HlsConfig> = {
  liveSyncDurationCount: 1.5,
  maxLiveSyncPlaybackRate: 1.2,
  liveDurationInfinity: true,
  backBufferLength: 10, // Smart TVs stay tuned all day: keep memory flat
  maxBufferLength: 10,
  enableWorker: true,
  startFragPrefetch: true,
  // Our own watchdogs decide when to rebuild; keep hls.js's retries short.
  manifestLoadPolicy: { default: { maxTimeToFirstByteMs: 5000, maxLoadTimeMs: 8000, timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 }, errorRetry: { maxNumRetry: 1, retryDelayMs: 500, maxRetryDelayMs: 1000 } } },
  playlistLoadPolicy: { default: { maxTimeToFirstByteMs: 5000, maxLoadTimeMs: 8000, timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 }, errorRetry: { maxNumRetry: 2, retryDelayMs: 500, maxRetryDelayMs: 2000 } } },
};

export const FROZEN_AFTER_MS = 4000;
export const OFFLINE_POLL_MS = 5000;
