// View beacons from the player: `start` at the first decoded frame, a heartbeat every 30 s while
// the video plays in a visible tab, `end` when the page is hidden or left. Each carries the
// seconds watched since the previous one. The page-view id is random, made here, never stored.
const ENDPOINT = '/api/beacon';
const HEARTBEAT_MS = 30_000;
const TICK_MS = 1000;
const MAX_SECONDS = 60;

export type BeaconMode = 'page' | 'embed';
type Kind = 'start' | 'heartbeat' | 'end';

function randomViewId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16)); // randomUUID needs a secure context
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function referrerHost(mode: BeaconMode): string {
  const ancestor = mode === 'embed' ? location.ancestorOrigins?.[0] : undefined;
  try {
    return ancestor || document.referrer ? new URL(ancestor || document.referrer).hostname : '';
  } catch {
    return '';
  }
}

export class ViewBeacons {
  private readonly view = randomViewId();
  private readonly referrer: string;
  private started = false;
  private ended = false;
  private watched = 0;
  private lastTick = performance.now();
  private timers: ReturnType<typeof setInterval>[] = [];
  private readonly onHide = () => {
    if (document.visibilityState === 'hidden') this.send('end');
  };
  private readonly onPageHide = () => this.send('end');

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly cameraId: string,
    private readonly mode: BeaconMode,
  ) {
    this.referrer = referrerHost(mode);
  }

  start(): void {
    this.timers.push(setInterval(() => this.tick(), TICK_MS));
    this.timers.push(setInterval(() => this.started && !document.hidden && this.watched >= 1 && this.send('heartbeat'), HEARTBEAT_MS));
    document.addEventListener('visibilitychange', this.onHide);
    window.addEventListener('pagehide', this.onPageHide);
  }

  destroy(): void {
    if (this.started) this.send('end');
    for (const timer of this.timers) clearInterval(timer);
    document.removeEventListener('visibilitychange', this.onHide);
    window.removeEventListener('pagehide', this.onPageHide);
  }

  // Counts a second only while a picture is really playing and someone can see it.
  private tick(): void {
    const now = performance.now();
    const elapsed = Math.min(now - this.lastTick, 2 * TICK_MS) / 1000;
    this.lastTick = now;
    const frames = this.video.getVideoPlaybackQuality?.().totalVideoFrames ?? 0;
    if (!this.started && frames > 0) {
      this.started = true;
      this.send('start');
      return;
    }
    if (this.started && !this.video.paused && !document.hidden && this.video.readyState >= 2) this.watched += elapsed;
  }

  private send(kind: Kind): void {
    if (!this.started || (kind === 'end' && this.ended && this.watched < 1)) return;
    this.ended = kind === 'end';
    const seconds = Math.min(MAX_SECONDS, Math.floor(this.watched));
    this.watched -= seconds;
    const body = JSON.stringify({ camera: this.cameraId, view: this.view, kind, seconds, mode: this.mode, referrer: this.referrer });
    if (navigator.sendBeacon?.(ENDPOINT, body)) return;
    void fetch(ENDPOINT, { method: 'POST', body, keepalive: true, headers: { 'Content-Type': 'text/plain' } }).catch(() => {});
  }
}
