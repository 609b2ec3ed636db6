import type Hls from 'hls.js/light';
import type { ErrorData, FragLoadedData, LevelLoadedData } from 'hls.js/light';
import { FROZEN_AFTER_MS, HLS_CONFIG, OFFLINE_POLL_MS, offlineAfterMs } from './hls-config';
import { claimEarlyHls, loadHls } from './hls-script';
import { INITIAL_STATUS, type PlayerPhase, type PlayerStatus } from './player-status';

// Keeps one <video> playing at the live edge and heals it without a page reload:
// network errors retry with backoff; a media error gets one recoverMediaError(), then a
// rebuild; a picture whose decoded-frame count stops growing is rebuilt at the live
// edge; a stale or missing playlist shows "offline" and is polled until segments return.
export class LiveController {
  private Hls: typeof Hls | undefined; // the hls.js class, once its script has run
  private hls: Hls | undefined;
  private status: PlayerStatus = INITIAL_STATUS;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private ticker: ReturnType<typeof setInterval> | undefined;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private lastFrames = 0;
  private lastFramesAt = 0;
  private lastSegment: string | null = null;
  private lastSegmentAt = Date.now();
  private targetDuration = 2;
  private networkFailures = 0;
  private mediaRecoveredAt = 0;
  private builtAt = 0;
  private bitrateKbps: number | null = null;
  private destroyed = false;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly src: string,
    private readonly hlsScript: string,
    private readonly onChange: (status: PlayerStatus) => void,
  ) {}

  start(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
    this.ticker = setInterval(() => this.tick(), 1000);
    // Checked 4× a second: on the 1 s tick a frozen picture was rebuilt 4–5 s after its last
    // frame, and the rebuild's own ~0.5 s then made freezes of just over 5 s.
    this.watchdog = setInterval(() => this.checkFrozen(), 250);
    loadHls(this.hlsScript).then(
      (HlsClass) => {
        if (this.destroyed) return;
        this.Hls = HlsClass;
        this.build();
      },
      () => {
        if (!this.destroyed) this.update({ phase: 'recovering' }); // hls.js never arrived: nothing can play
      },
    );
  }

  destroy(): void {
    this.destroyed = true;
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearInterval(this.ticker);
    clearInterval(this.watchdog);
    this.timers.forEach(clearTimeout);
    this.hls?.destroy();
    this.hls = undefined;
  }

  goLive(): void {
    const edge = this.hls?.liveSyncPosition;
    if (edge != null) this.video.currentTime = edge;
    void this.video.play().catch(() => {});
  }

  playingDateMs(): number | null {
    return this.hls?.playingDate?.getTime() ?? null;
  }

  private build(): void {
    this.hls?.destroy();
    this.timers.forEach(clearTimeout);
    this.timers = [];
    this.builtAt = Date.now();
    this.lastFramesAt = this.builtAt;
    this.lastFrames = this.frames();
    const Hls = this.Hls;
    if (!Hls) return;
    if (!Hls.isSupported()) {
      this.video.src = this.src; // iOS Safari plays HLS natively
      return;
    }
    const early = claimEarlyHls(this.src, this.video); // started by the inline bootstrap
    const hls = early ?? new Hls(HLS_CONFIG);
    this.hls = hls;
    if (!early) {
      markOnce('lookout:hls-start');
      hls.once(Hls.Events.MANIFEST_PARSED, () => markOnce('lookout:playlist'));
      hls.once(Hls.Events.FRAG_LOADED, () => markOnce('lookout:segment'));
      hls.once(Hls.Events.FRAG_BUFFERED, () => markOnce('lookout:buffered'));
    }
    hls.on(Hls.Events.LEVEL_LOADED, (_e, data: LevelLoadedData) => this.onLevel(data));
    hls.on(Hls.Events.FRAG_LOADED, (_e, data: FragLoadedData) => {
      if (data.frag.duration > 0) this.bitrateKbps = Math.round((data.frag.stats.loaded * 8) / data.frag.duration / 1000);
      this.networkFailures = 0;
    });
    hls.on(Hls.Events.MANIFEST_PARSED, () => void this.video.play().catch(() => {}));
    hls.on(Hls.Events.ERROR, (_e, data: ErrorData) => this.onError(data));
    if (early) {
      void this.video.play().catch(() => {}); // in case MANIFEST_PARSED came before we listened
      return;
    }
    hls.loadSource(this.src);
    hls.attachMedia(this.video);
  }

  private rebuild(phase: PlayerPhase): void {
    this.update({ phase, rebuilds: this.status.rebuilds + 1 });
    this.build();
  }

  private onLevel({ details }: LevelLoadedData): void {
    this.targetDuration = details.targetduration || this.targetDuration;
    const newest = details.fragments.at(-1)?.relurl ?? null;
    if (newest !== this.lastSegment) {
      this.lastSegment = newest;
      this.lastSegmentAt = Date.now();
    }
  }

  private onError(data: ErrorData): void {
    if (!data.fatal || !this.hls) return;
    if (data.type === this.Hls!.ErrorTypes.MEDIA_ERROR && Date.now() - this.mediaRecoveredAt > 10_000) {
      this.mediaRecoveredAt = Date.now(); // one recovery; the frozen watchdog rebuilds if it fails
      this.lastFramesAt = Date.now();
      this.update({ phase: 'recovering' });
      this.hls.recoverMediaError();
      return;
    }
    const missing = data.response?.code === 404 || data.response?.code === 503;
    if (data.type === this.Hls!.ErrorTypes.NETWORK_ERROR && (missing || ++this.networkFailures >= 4)) return this.goOffline();
    this.hls.destroy();
    this.hls = undefined;
    this.update({ phase: 'recovering' });
    const delay = Math.min(8000, 500 * 2 ** this.networkFailures);
    this.timers.push(setTimeout(() => this.rebuild('recovering'), delay));
  }

  private tick(): void {
    if (document.hidden || this.status.phase === 'offline' || !this.hls) return;
    const now = Date.now(); // lastFramesAt is kept by the watchdog, 4× a second
    if (now - this.lastSegmentAt > offlineAfterMs(this.targetDuration)) return this.goOffline();
    const phase = this.video.paused ? 'paused' : now - this.lastFramesAt < 1500 ? 'playing' : this.status.phase;
    this.update({ phase, behindLive: this.behindBy() > Math.max(6, 3 * this.targetDuration), stats: this.readStats() });
  }

  // The frozen-picture watchdog: decoded frames not growing for 4 s while playing.
  private checkFrozen(): void {
    if (document.hidden || this.status.phase === 'offline' || !this.hls) return;
    const now = Date.now();
    const frames = this.frames();
    if (frames !== this.lastFrames) {
      this.lastFrames = frames;
      this.lastFramesAt = now;
    }
    const frozen = !this.video.paused && now - this.lastFramesAt > FROZEN_AFTER_MS;
    if (frozen && now - this.builtAt > FROZEN_AFTER_MS + 4000) this.rebuild('recovering');
  }

  private goOffline(): void {
    this.hls?.destroy();
    this.hls = undefined;
    this.update({ phase: 'offline', offlineSince: this.lastSegmentAt });
    this.pollUntilBack();
  }

  private pollUntilBack(): void {
    const poll = async () => {
      if (this.status.phase !== 'offline') return;
      const newest = await fetch(this.src, { cache: 'no-store' })
        .then((r) => (r.ok ? r.text() : ''))
        .then((text) => text.trim().split('\n').filter((l) => l && !l.startsWith('#')).at(-1) ?? null)
        .catch(() => null);
      if (newest && newest !== this.lastSegment) {
        this.lastSegment = newest;
        this.lastSegmentAt = Date.now();
        this.networkFailures = 0;
        this.rebuild('loading');
        return;
      }
      this.timers.push(setTimeout(() => void poll(), OFFLINE_POLL_MS));
    };
    this.timers.push(setTimeout(() => void poll(), OFFLINE_POLL_MS));
  }

  // A hidden tab stops loading (saves the owner's uplink) and comes back at the live edge.
  private readonly onVisibility = () => {
    if (document.hidden) {
      this.hls?.stopLoad();
      this.video.pause();
    } else if (this.status.phase !== 'offline') {
      this.lastSegmentAt = Date.now(); // nothing was loaded while hidden: not a sign of a dead camera
      this.rebuild('loading');
    }
  };

  private behindBy(): number {
    const edge = this.hls?.liveSyncPosition;
    return edge == null ? 0 : edge - this.video.currentTime;
  }

  private frames(): number {
    return this.video.getVideoPlaybackQuality?.().totalVideoFrames ?? 0;
  }

  private readStats(): PlayerStatus['stats'] {
    const quality = this.video.getVideoPlaybackQuality?.();
    const buffered = this.video.buffered;
    const end = buffered.length ? buffered.end(buffered.length - 1) : this.video.currentTime;
    const playing = this.playingDateMs();
    return {
      latencySeconds: playing ? Math.max(0, (Date.now() - playing) / 1000) : null,
      bufferSeconds: Math.max(0, end - this.video.currentTime),
      resolution: this.video.videoWidth ? `${this.video.videoWidth}×${this.video.videoHeight}` : null,
      bitrateKbps: this.bitrateKbps,
      droppedFrames: quality?.droppedVideoFrames ?? 0,
      decodedFrames: quality?.totalVideoFrames ?? 0,
    };
  }

  private update(patch: Partial<PlayerStatus>): void {
    this.status = { ...this.status, ...patch };
    this.onChange(this.status);
  }
}

// Start-up milestones for `npm run bench:player` (first build of the page only).
function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
