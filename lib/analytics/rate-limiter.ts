import { createHmac, randomBytes } from 'node:crypto';

// Beacons per client and minute. Keys are keyed hashes of the address with a per-process secret,
// held in memory only; the table is dropped each window.
const WINDOW_MS = 60_000;

export class RateLimiter {
  private secret = randomBytes(32);
  private counts = new Map<string, number>();
  private windowStart = 0;

  allow(address: string, limit: number, now = Date.now()): boolean {
    if (now - this.windowStart >= WINDOW_MS) {
      this.counts.clear();
      this.windowStart = now;
    }
    const key = createHmac('sha256', this.secret).update(address).digest('base64url').slice(0, 22);
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count <= limit;
  }
}
