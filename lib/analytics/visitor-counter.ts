import { createHmac } from 'node:crypto';
import { deleteVisitorDataBefore, getOrCreateVisitorSalt, listVisitorHashes } from '../queries/analytics/visitor-salts.ts';
import { DAY_MS } from '../time-zone.ts';
import type { ViewRollup } from './view-rollup.ts';

const KEEP_MS = 2 * DAY_MS;

// Plausible's recipe: a keyed hash of (daily salt, client IP, User-Agent, camera id).
export function hashVisitor(salt: Buffer, address: string, userAgent: string, cameraId: string): string {
  return createHmac('sha256', salt).update(`${address}\n${userAgent}\n${cameraId}`).digest('hex').slice(0, 32);
}

type Pending = { cameraId: string; day: number; address: string; userAgent: string };

// Unique visitors per camera and UTC day. The hot path only queues (address and UA stay in
// memory until the next flush); the flusher hashes with the day's salt and counts new hashes.
export class VisitorCounter {
  private pending: Pending[] = [];
  private salts = new Map<number, Buffer>();
  private seen = new Map<number, Set<string>>();

  queue(cameraId: string, at: number, address: string, userAgent: string): void {
    this.pending.push({ cameraId, day: Math.floor(at / DAY_MS) * DAY_MS, address, userAgent });
  }

  // The queued visitors, taken in the same tick as the views they came with (see flushAnalytics).
  take(): Pending[] {
    const pending = this.pending;
    this.pending = [];
    return pending;
  }

  // Hashes what take() returned into `rollup`; if the database is away, the rest is queued again.
  async resolveInto(pending: Pending[], rollup: ViewRollup, now: number): Promise<void> {
    for (let i = 0; i < pending.length; i++) {
      const item = pending[i]!;
      let state: { salt: Buffer; seen: Set<string> };
      try {
        state = await this.dayState(item.day);
      } catch (error) {
        this.pending = [...pending.slice(i), ...this.pending]; // the database is away: keep them for the next flush
        throw error;
      }
      const hash = hashVisitor(state.salt, item.address, item.userAgent, item.cameraId);
      const key = `${item.cameraId}|${hash}`;
      if (state.seen.has(key)) continue;
      state.seen.add(key);
      rollup.addVisitor(item.cameraId, item.day, hash);
    }
    await this.forgetOldDays(now);
  }

  // The day's salt and the hashes already counted, read now rather than at the first flush.
  async loadDay(now: number): Promise<void> {
    await this.dayState(Math.floor(now / DAY_MS) * DAY_MS);
  }

  // Salts rotate at 00:00 UTC; a day's salt and hashes go 48 h after it began.
  async forgetOldDays(now: number): Promise<void> {
    const cutoff = Math.floor(now / DAY_MS) * DAY_MS - KEEP_MS + DAY_MS;
    for (const day of [...this.salts.keys()]) {
      if (day < cutoff) {
        this.salts.delete(day);
        this.seen.delete(day);
      }
    }
    await deleteVisitorDataBefore(new Date(cutoff));
  }

  private async dayState(day: number): Promise<{ salt: Buffer; seen: Set<string> }> {
    let salt = this.salts.get(day);
    if (!salt) {
      salt = await getOrCreateVisitorSalt(new Date(day));
      const rows = await listVisitorHashes(new Date(day));
      this.seen.set(day, new Set(rows.map((row) => `${row.cameraId}|${row.hash}`)));
      this.salts.set(day, salt);
    }
    return { salt, seen: this.seen.get(day)! };
  }
}
