// Decode timestamps for frames that arrive in decode order with presentation times, for a
// stream whose pictures are displayed at most `reorderDepth` frames after their decoding.
// The DTS of decode-order frame n is the (n − R)-th smallest PTS: every frame shown before it
// has been decoded by then, so the value is known without waiting, never exceeds the frame's
// own PTS, and rises with n. Without B-frames (R = 0) it is the PTS itself.
export class DecodeTimestamper {
  private top: number[] = []; // the R + 1 largest PTS so far, ascending
  private count = 0;
  private lastDts: number | undefined;

  constructor(private reorderDepth: number) {}

  get depth(): number {
    return this.reorderDepth;
  }

  // After a loss the stream resumes at an IDR; the next DTS only has to exceed the last.
  reset(): void {
    this.top = [];
    this.count = 0;
  }

  // frameDuration (same units) extrapolates the first R frames' DTS back from the first PTS.
  // Returns undefined for a frame that no DTS can fit (reordered deeper than declared): the
  // depth grows for the frames after it, and the caller drops this one.
  next(pts: number, frameDuration: number): number | undefined {
    insertSorted(this.top, pts);
    if (this.top.length > this.reorderDepth + 1) this.top.shift();
    this.count++;
    let dts = this.top.length === this.reorderDepth + 1 ? this.top[0]! : this.top[0]! - (this.reorderDepth + 1 - this.count) * frameDuration;
    if (this.lastDts !== undefined && dts <= this.lastDts) dts = this.lastDts + 1;
    if (dts > pts) {
      this.reorderDepth++;
      return undefined;
    }
    this.lastDts = dts;
    return dts;
  }
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1]! > value) i--;
  list.splice(i, 0, value);
}

export type OrderedFrame<T> = { frame: T; pts: number };

// Presentation times for a stream that has none (raw H.264): frames come in decode order
// with their POC; each picture gets the next display slot once no frame still to come can
// be shown before it (R later frames decoded, or an IDR). Frames leave in decode order.
export class DisplayClock<T> {
  private queue: { frame: T; poc: number; pts: number | undefined }[] = [];
  nextPts: number | undefined; // the next slot's PTS; set it to move the cadence (after a loss)

  constructor(private readonly reorderDepth: number) {}

  // slotDuration: the frame interval now.
  push(frame: T, poc: number, idr: boolean, slotDuration: number): OrderedFrame<T>[] {
    if (idr) this.assign(0, slotDuration);
    this.queue.push({ frame, poc, pts: undefined });
    this.assign(this.reorderDepth, slotDuration);
    const out: OrderedFrame<T>[] = [];
    while (this.queue[0]?.pts !== undefined) {
      const { frame: done, pts } = this.queue.shift()!;
      out.push({ frame: done, pts: pts! });
    }
    return out;
  }

  // Frames held back are dropped (a loss): slots carry on from where they were.
  clear(): void {
    this.queue = [];
  }

  private assign(keepPending: number, slotDuration: number): void {
    const pending = this.queue.filter((q) => q.pts === undefined);
    pending.sort((a, b) => a.poc - b.poc);
    for (const entry of pending.slice(0, Math.max(0, pending.length - keepPending))) {
      entry.pts = this.nextPts ??= 0;
      this.nextPts += slotDuration;
    }
  }
}
