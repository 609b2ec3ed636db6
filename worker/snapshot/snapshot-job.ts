import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Camera } from '../../lib/cameras.ts';
import type { Logger } from '../../lib/log.ts';
import { writeFileAtomic } from '../../lib/write-file-atomic.ts';
import type { Publisher } from '../publisher/publisher.ts';
import { grabFrame } from './grab-frame.ts';
import { renderSnapshot, type SnapshotImage } from './render-snapshot.ts';

export type Snapshot = { images: Map<number, SnapshotImage>; capturedAt: number };

// Keeps one camera's preview fresh: every interval, the newest published segment's first
// keyframe through sharp. A failed grab never replaces the last good image. Images are
// served from memory and also written atomically to disk for other consumers.
export class SnapshotJob {
  current: Snapshot | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastSegment: string | undefined;

  constructor(private readonly camera: Camera, private readonly deps: { ffmpegPath: string; publisher: Publisher; dir: string; log: Logger }) {}

  start(): void {
    const tick = async () => {
      const captured = await this.capture().catch((error: Error) => {
        this.deps.log.warn(`snapshot: ${error.message}`);
        return false;
      });
      // Until the first image exists, try again soon rather than a whole interval later.
      const next = this.current || captured ? this.camera.snapshot.intervalSeconds * 1000 : 1000;
      this.timer = setTimeout(() => void tick(), next);
    };
    this.timer = setTimeout(() => void tick(), 500);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  ageSeconds(now = Date.now()): number | undefined {
    return this.current ? Math.round((now - this.current.capturedAt) / 1000) : undefined;
  }

  isStale(now = Date.now()): boolean {
    return this.current !== undefined && now - this.current.capturedAt > 3 * this.camera.snapshot.intervalSeconds * 1000;
  }

  private async capture(): Promise<boolean> {
    const newest = this.deps.publisher.playlist.segments.at(-1)?.name;
    if (!newest || newest === this.lastSegment) return false; // no new video: keep the last image
    const png = await grabFrame(this.deps.ffmpegPath, join(this.deps.publisher.dir, newest));
    const images = await renderSnapshot(png, this.camera.snapshot.width, this.camera.snapshot.quality);
    this.lastSegment = newest;
    this.current = { images, capturedAt: Date.now() };
    await mkdir(this.deps.dir, { recursive: true });
    await Promise.all([...images].map(([w, img]) => writeFileAtomic(join(this.deps.dir, `preview-${w}.jpg`), img.body)));
    return true;
  }
}
