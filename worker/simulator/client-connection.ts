import type { Socket } from 'node:net';
import type { Fault } from './faults.ts';
import { LostBytesDropper } from './lost-bytes-dropper.ts';

// recent: when drops began, when keyframes went out, and which of those keyframes lost bytes to
// a drop (epoch ms, the last RECENT_TIMES of each), so a test can tell what a perfect receiver
// would have lost: from each drop to the next keyframe that arrived whole.
export type RecentTimes = { drops: number[]; keyframes: number[]; hitKeyframes: number[] };
export type TrafficCounters = { bytesSent: number; bytesDropped: number; dropEvents: number; recent: RecentTimes };
export const RECENT_TIMES = 2000;

// A reader this far behind gets frames skipped (up to the next keyframe) instead of
// an ever-growing buffer in this process.
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

// One client socket. Every byte for the client goes through write(), so faults act on the
// exact byte stream on the wire, framing included.
export class ClientConnection {
  readonly connectedAt = Date.now();
  readonly holdUntil: number;
  private dropper: LostBytesDropper | undefined;
  private dropperFault: Fault | undefined;
  private needsKeyframe = true;
  private held: Buffer[] = [];
  private holdTimer: NodeJS.Timeout | undefined;
  private sendingKeyframeAt: number | undefined; // the bytes written now belong to this keyframe
  framesSent = 0;

  constructor(
    readonly socket: Socket,
    private readonly getFault: () => Fault,
    private readonly counters: TrafficCounters,
  ) {
    const fault = getFault();
    this.holdUntil = fault.mode === 'slow-start' ? this.connectedAt + fault.delayMs : 0;
  }

  get isOpen(): boolean {
    return !this.socket.destroyed && this.socket.writable; // not after end(): no write-after-end errors
  }

  // Slow start: the client stays connected but gets nothing until then.
  holdRemainingMs(now = Date.now()): number {
    return Math.max(0, this.holdUntil - now);
  }

  write(data: Buffer | string): void {
    if (!this.isOpen) return;
    const fault = this.getFault();
    if (fault.mode === 'stall') return;
    let bytes = typeof data === 'string' ? Buffer.from(data) : data;
    if (fault.mode === 'lost-bytes') bytes = this.dropBytes(bytes, fault);
    this.counters.bytesSent += bytes.length;
    if (bytes.length === 0) return;
    if (fault.mode === 'jitter' || this.held.length > 0) this.hold(bytes, fault.mode === 'jitter' ? fault.holdMs : 0);
    else this.socket.write(bytes);
  }

  // Bursty delivery, as a camera on a busy Wi-Fi link: bytes are held back for up to
  // holdMs (a random time per burst), then sent together, in order.
  private hold(bytes: Buffer, holdMs: number): void {
    this.held.push(bytes);
    if (this.holdTimer) return;
    this.holdTimer = setTimeout(() => {
      this.holdTimer = undefined;
      const burst = Buffer.concat(this.held.splice(0));
      if (this.isOpen) this.socket.write(burst);
    }, Math.random() * holdMs);
  }

  // After any gap (slow start, stall, slow reader) media restarts at a keyframe, so the
  // only corruption a client ever sees is the one a fault put there on purpose.
  acceptsFrame(keyframe: boolean): boolean {
    const paused = this.holdRemainingMs() > 0 || this.getFault().mode === 'stall' || this.socket.writableLength > MAX_BUFFERED_BYTES;
    if (paused) {
      this.needsKeyframe = true;
      return false;
    }
    if (this.needsKeyframe && !keyframe) return false;
    this.needsKeyframe = false;
    this.framesSent++;
    this.sendingKeyframeAt = keyframe ? this.noteTime(this.counters.recent.keyframes) : undefined;
    return true;
  }

  close(): void {
    clearTimeout(this.holdTimer);
    this.socket.destroy();
  }

  private dropBytes(bytes: Buffer, fault: Fault): Buffer {
    if (!this.dropper || this.dropperFault !== fault) {
      this.dropper = new LostBytesDropper({ meanIntervalMs: fault.meanIntervalMs });
      this.dropperFault = fault;
    }
    const { droppedBytes, dropEvents } = this.dropper;
    const kept = this.dropper.filter(bytes);
    this.counters.bytesDropped += this.dropper.droppedBytes - droppedBytes;
    if (this.dropper.dropEvents > dropEvents) this.noteTime(this.counters.recent.drops);
    const hit = this.counters.recent.hitKeyframes;
    if (this.dropper.droppedBytes > droppedBytes && this.sendingKeyframeAt !== undefined && hit.at(-1) !== this.sendingKeyframeAt) remember(hit, this.sendingKeyframeAt);
    this.counters.dropEvents += this.dropper.dropEvents - dropEvents;
    return kept;
  }

  // One entry per moment: several clients sent the same keyframe.
  private noteTime(times: number[]): number {
    const now = Date.now();
    if (times.at(-1) !== now) remember(times, now);
    return now;
  }
}

function remember(times: number[], time: number): void {
  times.push(time);
  if (times.length > RECENT_TIMES) times.shift();
}
