import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Camera } from '../../lib/cameras.ts';
import type { Playlist } from '../../lib/hls/playlist.ts';
import type { Logger } from '../../lib/log.ts';
import type { Publisher } from '../publisher/publisher.ts';
import { KeyframeDecoder } from './keyframe-decoder.ts';
import { readKeyframe } from './read-keyframe.ts';
import { renderOffline } from './render-offline.ts';
import { createSnapshot, renderSnapshot, snapshotWidths, type Snapshot } from './render-snapshot.ts';
import { ageSeconds, staleAfterMs } from './snapshot-age.ts';
import { loadSnapshot, saveSnapshot } from './snapshot-store.ts';
import { formatLabelText, formatOfflineText } from './snapshot-text.ts';

export type SnapshotDeps = { ffmpegPath: string; publisher: Publisher; dir: string; log: Logger };
export type SnapshotView = { snapshot: Snapshot; stale: boolean; ageSeconds: number };

// Keeps one camera's preview fresh: every interval, the newest published (so integrity-
// checked) segment's first keyframe through sharp. A failed grab never replaces the last
// good image, which is also kept on disk so that a restarted worker still has it. When no
// new image comes, the offline version is made once and served until one does.
export class SnapshotJob {
  private fresh: Snapshot | undefined;
  private offline: Snapshot | undefined;
  private lastSegment: string | undefined;
  private breaks: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private staleTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly decoder: KeyframeDecoder;

  private constructor(private readonly camera: Camera, private readonly deps: SnapshotDeps) {
    this.decoder = new KeyframeDecoder(deps.ffmpegPath, { maxWidth: Math.max(...snapshotWidths(camera.snapshot.width)) });
  }

  static async open(camera: Camera, deps: SnapshotDeps): Promise<SnapshotJob> {
    const job = new SnapshotJob(camera, deps);
    const saved = await loadSnapshot(deps.dir, snapshotWidths(camera.snapshot.width));
    if (saved) job.setFresh(saved);
    return job;
  }

  start(): void {
    const tick = async () => {
      const started = Date.now();
      const captured = await this.capture().catch((error: Error) => {
        if (!this.stopped) this.deps.log.warn(`snapshot: ${error.message}`);
        return false;
      });
      if (this.stopped) return;
      // Until the first image exists, try again soon rather than a whole interval later.
      const next = this.fresh || captured ? this.camera.snapshot.intervalSeconds * 1000 : 1000;
      this.timer = setTimeout(() => void tick(), Math.max(0, next - (Date.now() - started)));
    };
    this.timer = setTimeout(() => void tick(), 500);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.staleTimer);
    this.decoder.close();
  }

  view(now = Date.now()): SnapshotView | undefined {
    const fresh = this.fresh;
    if (!fresh) return undefined;
    const stale = now - fresh.capturedAt > this.staleAfterMs();
    return { snapshot: (stale && this.offline) || fresh, stale, ageSeconds: ageSeconds(fresh.capturedAt, now) };
  }

  private async capture(): Promise<boolean> {
    const { playlist, dir } = this.deps.publisher;
    const newest = playlist.segments.at(-1);
    if (!newest || newest.name === this.lastSegment) return false; // no new video: keep the last image
    this.lastSegment = newest.name; // one attempt per segment; the next one is seconds away
    const capturedAt = Date.parse(newest.programDateTime) || Date.now();
    if (this.fresh && capturedAt <= this.fresh.capturedAt) return false; // e.g. the segment before a restart
    // After an ingest restart the camera may send another size or codec: decode afresh.
    const breaks = countDiscontinuities(playlist);
    if (this.breaks !== undefined && breaks !== this.breaks) this.decoder.close();
    this.breaks = breaks;

    const frame = await this.decoder.decode(readKeyframe(await readFile(join(dir, newest.name))));
    const { snapshot: settings, name, timezone } = this.camera;
    const label = settings.overlay ? { text: formatLabelText(name, capturedAt, timezone), position: settings.overlayPosition } : undefined;
    const images = await renderSnapshot(frame, { width: settings.width, quality: settings.quality, label });
    if (this.stopped) return false;
    const snapshot = createSnapshot(images, capturedAt);
    this.setFresh(snapshot);
    await saveSnapshot(this.deps.dir, snapshot).catch((error: Error) => this.deps.log.warn(`snapshot: could not save to disk: ${error.message}`));
    return true;
  }

  private setFresh(snapshot: Snapshot): void {
    this.fresh = snapshot;
    this.offline = undefined;
    clearTimeout(this.staleTimer);
    if (!this.camera.snapshot.offlineOverlay) return;
    const delay = Math.max(0, snapshot.capturedAt + this.staleAfterMs() - Date.now());
    this.staleTimer = setTimeout(() => void this.renderOffline(snapshot), delay + 50);
  }

  // Made once per outage, not per request.
  private async renderOffline(base: Snapshot): Promise<void> {
    if (this.stopped || this.fresh !== base) return;
    const { snapshot: settings, timezone } = this.camera;
    const now = Date.now();
    try {
      const images = await renderOffline(base.images, formatOfflineText(base.capturedAt, now, timezone), settings.overlay ? settings.overlayPosition : undefined, settings.quality);
      if (this.fresh === base) this.offline = createSnapshot(images, base.capturedAt, now);
    } catch (error) {
      this.deps.log.warn(`snapshot: could not draw the offline band: ${(error as Error).message}`);
    }
  }

  private staleAfterMs(): number {
    return staleAfterMs(this.camera.snapshot.intervalSeconds, this.deps.publisher.playlist.targetDuration);
  }
}

// Every ingest restart adds one; the count only grows.
function countDiscontinuities(playlist: Playlist): number {
  return playlist.discontinuitySequence + playlist.segments.filter((s) => s.discontinuity).length;
}
