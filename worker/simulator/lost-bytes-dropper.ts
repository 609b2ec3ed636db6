export type RandomSource = () => number; // uniform in [0, 1), like Math.random

export type DropperOptions = {
  meanIntervalMs: number;
  minBytes?: number;
  maxBytes?: number;
  random?: RandomSource;
  now?: () => number;
};

// Exponentially distributed waiting time: drops arrive as a Poisson process around the mean.
export function drawInterval(meanMs: number, random: RandomSource): number {
  return -meanMs * Math.log(1 - random());
}

// The live555 (2005) bug: a non-blocking socket accepts only part of a write, the rest is
// never retried. What reaches the client is the outgoing byte stream with a contiguous run
// of bytes cut out; the connection stays open. A run may span several writes.
export class LostBytesDropper {
  private readonly meanIntervalMs: number;
  private readonly minBytes: number;
  private readonly maxBytes: number;
  private readonly random: RandomSource;
  private readonly now: () => number;
  private nextDropAt: number;
  private remaining = 0;
  droppedBytes = 0;
  dropEvents = 0;

  constructor(options: DropperOptions) {
    this.meanIntervalMs = options.meanIntervalMs;
    this.minBytes = options.minBytes ?? 200;
    this.maxBytes = options.maxBytes ?? 8000;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.nextDropAt = this.now() + drawInterval(this.meanIntervalMs, this.random);
  }

  // Returns the part of `chunk` that gets onto the wire.
  filter(chunk: Buffer): Buffer {
    if (chunk.length === 0) return chunk;
    let keepBefore = 0;
    if (this.remaining === 0) {
      if (this.now() < this.nextDropAt) return chunk;
      this.remaining = this.minBytes + Math.floor(this.random() * (this.maxBytes - this.minBytes + 1));
      keepBefore = Math.floor(this.random() * chunk.length); // the part of the write that did go out
      this.nextDropAt = this.now() + drawInterval(this.meanIntervalMs, this.random);
      this.dropEvents++;
    }
    const cut = Math.min(this.remaining, chunk.length - keepBefore);
    this.remaining -= cut;
    this.droppedBytes += cut;
    const head = chunk.subarray(0, keepBefore);
    const tail = chunk.subarray(keepBefore + cut);
    if (head.length === 0) return tail;
    if (tail.length === 0) return head;
    return Buffer.concat([head, tail]);
  }
}
