import { connect, type Socket } from 'node:net';
import type { Writable } from 'node:stream';
import { AccessUnitGrouper } from '../../lib/h264/access-units.ts';
import { getNalType, NalSplitter } from '../../lib/h264/annex-b.ts';
import type { Camera } from '../../lib/cameras.ts';
import type { Logger } from '../../lib/log.ts';
import { IngestFeed } from './feed/ingest-feed.ts';
import { describeSocketError } from './rtsp/rtsp-errors.ts';

// The camera's bytes waiting to be cut into NAL units: past this, they are not kept.
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

// A raw H.264 camera (tcp://host:port, bare Annex-B, no timestamps), read by the worker
// itself: the socket is always read at once, whatever ffmpeg is doing, so the camera's
// sender never meets back-pressure (which is what sets off the cheap cameras' lost-bytes
// bug). Frames go to an IngestFeed; when ffmpeg falls behind the feed drops frames up to
// the next IDR instead of queueing. `ended` resolves with the hint for the health view.
export class TcpSource {
  readonly ended: Promise<string>;
  readonly feed: IngestFeed;
  private socket: Socket | undefined;
  private readonly splitter = new NalSplitter();
  private readonly grouper = new AccessUnitGrouper();
  private stopped = false;
  private done = false;
  private finish: (hint: string) => void = () => {};
  bytesReceived = 0;

  constructor(private readonly camera: Camera, output: Writable, private readonly log: Logger) {
    this.feed = new IngestFeed(output, { frameRate: camera.frameRate });
    this.ended = new Promise((resolve) => (this.finish = resolve));
    const url = new URL(camera.sourceUrl);
    const socket = (this.socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) }));
    socket.setTimeout(camera.timeoutSeconds * 1000);
    socket.on('connect', () => this.log.info(`tcp: reading ${camera.publicSource}`));
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('timeout', () => this.end(socket.bytesRead ? `camera stopped sending (nothing for ${camera.timeoutSeconds} s)` : 'timeout: the camera did not answer'));
    socket.on('error', (error) => this.end(describeSocketError(error).message));
    socket.on('close', () => this.end('the camera closed the connection'));
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.socket?.destroy();
    this.end('stopped');
  }

  private read(chunk: Buffer): void {
    this.bytesReceived += chunk.length;
    const arrivalMs = Date.now();
    this.feed.noteTraffic(arrivalMs);
    for (const nal of this.splitter.push(chunk)) {
      // Types 0 and 24–31 never occur in Annex-B H.264: lost bytes ran through a start code.
      const type = getNalType(nal);
      if ((nal[0]! & 0x80) !== 0 || type === 0 || type > 23) {
        this.feed.markLoss();
        continue;
      }
      const unit = this.grouper.push(nal);
      if (unit) this.feed.push({ nals: unit.nals, arrivalMs });
    }
    if (this.splitter.pendingBytes > MAX_PENDING_BYTES) {
      this.splitter.flush();
      this.feed.markLoss();
    }
  }

  // Losses and frames dropped so far: any means a segment may be missing frames.
  get framesMissing(): number {
    return this.feed.stats.losses + this.feed.stats.droppedFrames;
  }

  private end(hint: string): void {
    if (this.done) return;
    this.done = true;
    if (this.socket && !this.socket.destroyed) this.socket.destroy();
    const { losses, droppedFrames, frames } = this.feed.stats.summary();
    this.log.info(`tcp: stream ended (${hint}): ${frames} frames, ${losses} losses, ${droppedFrames} frames dropped, ${Math.round(this.bytesReceived / 1000)} kB`);
    this.finish(this.stopped ? 'stopped' : hint);
  }
}
