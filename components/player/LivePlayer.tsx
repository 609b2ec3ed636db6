'use client';

import Hls, { type ErrorData } from 'hls.js';
import { useEffect, useRef, useState } from 'react';

type PlayerState = 'loading' | 'playing' | 'reconnecting';

// Near the live edge with 2 s segments: 1.5 segments behind, catching up at up to 1.2×.
const HLS_CONFIG = {
  liveSyncDurationCount: 1.5,
  maxLiveSyncPlaybackRate: 1.2,
  backBufferLength: 30, // Smart TVs stay tuned all day: do not grow the buffer forever
  enableWorker: true,
};

export function LivePlayer({ src, title }: { src: string; title: string }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<PlayerState>('loading');

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    if (!Hls.isSupported()) {
      // iOS Safari: native HLS.
      video.src = src;
      return;
    }
    let hls: Hls | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const build = () => {
      hls?.destroy();
      hls = new Hls(HLS_CONFIG);
      hls.on(Hls.Events.ERROR, (_event, data: ErrorData) => onError(data));
      hls.on(Hls.Events.FRAG_BUFFERED, () => {
        failures = 0;
      });
      hls.loadSource(src);
      hls.attachMedia(video);
    };

    const onError = (data: ErrorData) => {
      if (!data.fatal || !hls) return;
      setState('reconnecting');
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR && failures === 0) {
        failures += 1;
        hls.recoverMediaError();
        return;
      }
      // Rebuild at the live edge, backing off while the origin keeps failing.
      failures += 1;
      clearTimeout(retry);
      retry = setTimeout(build, Math.min(10_000, 500 * 2 ** Math.min(failures, 5)));
    };

    const onPlaying = () => setState('playing');
    video.addEventListener('playing', onPlaying);
    build();
    return () => {
      clearTimeout(retry);
      video.removeEventListener('playing', onPlaying);
      hls?.destroy();
    };
  }, [src]);

  return (
    <div className="relative aspect-video w-full overflow-hidden rounded-xl bg-black shadow-lg ring-1 ring-white/10">
      <video
        ref={videoRef}
        className="absolute inset-0 h-full w-full"
        aria-label={`${title}, live video`}
        data-testid="live-video"
        data-state={state}
        muted
        autoPlay
        playsInline
        controls
      />
      {state !== 'playing' ? (
        <span className="pointer-events-none absolute left-3 top-3 rounded bg-black/70 px-2 py-1 text-xs font-medium uppercase tracking-wide text-neutral-200">
          {state === 'loading' ? 'Connecting…' : 'Reconnecting…'}
        </span>
      ) : (
        <span className="pointer-events-none absolute left-3 top-3 rounded bg-red-600 px-2 py-1 text-xs font-semibold uppercase tracking-wide text-white">Live</span>
      )}
    </div>
  );
}
