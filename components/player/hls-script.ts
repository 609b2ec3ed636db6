import type HlsType from 'hls.js/light';

// hls.js is loaded as its own classic <script> (scripts/build-site.ts), not bundled: it
// downloads at high priority alongside Next's chunks, and the inline bootstrap (early-start.ts)
// starts the stream as soon as it has run, without waiting for React to boot and hydrate.
type Early = { hls: HlsType; video: HTMLVideoElement; fatal: boolean } | null;
declare global {
  interface Window {
    Hls?: typeof HlsType;
    __lookoutEarly?: Record<string, Early>; // playlist URL → the instance the bootstrap started
  }
}

// The page renders the <script> (HlsBootstrap); a player that appears without one gets it here.
export function loadHls(src: string): Promise<typeof HlsType> {
  if (window.Hls) return Promise.resolve(window.Hls);
  let script = document.querySelector<HTMLScriptElement>('script[data-hls]');
  if (!script) {
    script = Object.assign(document.createElement('script'), { src, async: true });
    script.dataset.hls = '';
    document.head.append(script);
  }
  return new Promise((resolve, reject) => {
    script.addEventListener('load', () => (window.Hls ? resolve(window.Hls) : reject(new Error('hls.js did not load'))), { once: true });
    script.addEventListener('error', () => reject(new Error('hls.js did not load')), { once: true });
  });
}

// The instance the bootstrap already started for this <video>, if it is still healthy. Later
// calls (rebuilds, another mount) get nothing, and the bootstrap will not start another.
export function claimEarlyHls(src: string, video: HTMLVideoElement): HlsType | undefined {
  const early = (window.__lookoutEarly ??= {});
  const entry = early[src];
  early[src] = null;
  if (!entry) return undefined;
  if (entry.video === video && !entry.fatal) return entry.hls;
  entry.hls.destroy(); // started on a <video> React replaced, or already failed
  return undefined;
}
