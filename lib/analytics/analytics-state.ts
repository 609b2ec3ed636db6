import { isBatchEmpty } from '../queries/analytics/analytics-rows.ts';
import { applyAnalyticsBatch, rehearseAnalyticsBatch } from '../queries/analytics/apply-analytics-batch.ts';
import { createLogger } from '../log.ts';
import { PageViewTable } from './page-views.ts';
import { RateLimiter } from './rate-limiter.ts';
import { ViewRollup } from './view-rollup.ts';
import { splitAnalyticsBatch } from './split-analytics-batch.ts';
import { VisitorCounter } from './visitor-counter.ts';

// One analytics state per process. Next's route bundles and the site server each evaluate this
// module, so it lives on globalThis under a registered symbol, as viewers-now does.
export type AnalyticsState = {
  rollup: ViewRollup;
  pageViews: PageViewTable;
  visitors: VisitorCounter;
  rateLimiter: RateLimiter;
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
  flushes: number;
  failedFlushes: number;
};

const KEY = Symbol.for('lookout.analytics');
const store = globalThis as unknown as { [KEY]?: AnalyticsState };
const log = createLogger('analytics');

export function getAnalyticsState(): AnalyticsState {
  store[KEY] ??= { rollup: new ViewRollup(), pageViews: new PageViewTable(), visitors: new VisitorCounter(), rateLimiter: new RateLimiter(), flushes: 0, failedFlushes: 0 };
  return store[KEY];
}

// Each part holds the event loop for ~10 ms of Prisma work, not the whole flush (a second for a
// flood's worth of new visitors and countries).
const PART_LIMITS = { upsertRows: 5, hashRows: 50 };

// Writes what the rollup holds, in self-consistent parts of one transaction each, letting
// requests run between them. Flushes never overlap; the parts a failure leaves unwritten are
// put back to be retried with the next flush.
export function flushAnalytics(now = Date.now()): Promise<void> {
  const state = getAnalyticsState();
  const run = async () => {
    state.pageViews.prune(now);
    // The views and their visitors are taken in one tick: a beacon that comes while the salts are
    // read then waits whole for the next flush, rather than land its view now and its visitor later.
    const taken = state.rollup;
    state.rollup = new ViewRollup();
    try {
      await state.visitors.resolveInto(state.visitors.take(), taken, now);
    } catch (error) {
      state.rollup.restore(taken.drain());
      throw error;
    }
    const batch = taken.drain();
    if (isBatchEmpty(batch)) return;
    const parts = splitAnalyticsBatch(batch, PART_LIMITS);
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      try {
        await applyAnalyticsBatch(parts[i]!);
      } catch (error) {
        for (const unwritten of parts.slice(i)) state.rollup.restore(unwritten);
        state.failedFlushes++;
        log.error('analytics flush failed; kept in memory for the next one', { error: error instanceof Error ? error.message : String(error) });
        return;
      }
    }
    state.flushes++;
  };
  const next = (state.flushing ?? Promise.resolve()).then(run, run);
  state.flushing = next.catch((error: unknown) => log.error('analytics flush failed', { error: error instanceof Error ? error.message : String(error) }));
  return state.flushing;
}

export function startAnalyticsFlusher(intervalSeconds: number): void {
  const state = getAnalyticsState();
  if (state.timer) return;
  state.timer = setInterval(() => void flushAnalytics(), intervalSeconds * 1000);
  state.timer.unref();
  state.flushing = warmAnalyticsWrites(state).catch((error: unknown) => log.warn('analytics warm-up failed', { error: error instanceof Error ? error.message : String(error) }));
}

// Before the first flush: today's visitor salt and hashes loaded, and every write a flush makes
// rehearsed in a transaction that is rolled back, so Prisma has compiled them all before a
// flood's first flush would (~1.5 s of the event loop, once per process).
async function warmAnalyticsWrites(state: AnalyticsState, now = Date.now()): Promise<void> {
  await state.visitors.loadDay(now);
  const hour = new Date(now - (now % 3_600_000));
  const dims = { cameraId: 'warm-up', country: '--', device: 'other', source: 'direct' };
  const day = new Date(now - (now % 86_400_000));
  for (const hashes of [1, PART_LIMITS.hashRows]) {
    await rehearseAnalyticsBatch({
      views: [{ ...dims, hour, views: 1, watchSeconds: 1 }],
      viewHours: [{ cameraId: dims.cameraId, hour, views: 1, watchSeconds: 1 }],
      visitors: [{ cameraId: dims.cameraId, day, visitors: hashes }],
      visitorHashes: Array.from({ length: hashes }, (_, i) => ({ cameraId: dims.cameraId, day, hash: `warm-up-${i}` })),
      previewFetches: [{ cameraId: dims.cameraId, hour, portal: 'unknown', via: 'origin', fetches: 1 }],
    });
  }
}

// For shutdown (SIGTERM): stop the timer and write what is left.
export async function stopAnalyticsFlusher(): Promise<void> {
  const state = getAnalyticsState();
  clearInterval(state.timer);
  state.timer = undefined;
  await flushAnalytics();
}
