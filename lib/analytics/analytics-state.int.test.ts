import { expect, it } from 'vitest';
import { getViewTotals } from '../queries/analytics/get-view-totals.ts';
import { describeEachDatabase, withDatabaseAway } from '../queries/testing/test-database.ts';
import { DAY_MS } from '../time-zone.ts';
import { flushAnalytics, getAnalyticsState } from './analytics-state.ts';
import { recordBeacon } from './record-beacon.ts';

const dims = { cameraId: 'roof', country: 'CH', device: 'desktop', source: 'direct' };
const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const range = { cameraId: 'roof', from: new Date(today - DAY_MS), to: new Date(today + 2 * DAY_MS), timeZone: 'UTC' };
let visitor = 0;

// A new page view from a new visitor (its own address), as the beacon endpoint records it.
function startView(): void {
  const n = ++visitor;
  const beacon = { camera: 'roof', view: `view${String(n).padStart(28, '0')}`, kind: 'start' as const, seconds: 0, mode: 'page' as const, referrer: '' };
  recordBeacon(beacon, { dims, address: `203.0.${n >> 8}.${n & 255}`, userAgent: 'UA', at: Date.now() }, getAnalyticsState());
}

async function written(): Promise<{ views: number; visitors: number }> {
  const { views, visitors } = await getViewTotals(range);
  return { views, visitors };
}

describeEachDatabase('the analytics flusher', () => {
  it('writes each view with its visitor: beacons that come while a flush reads the salts wait whole for the next one', async () => {
    await flushAnalytics(); // whatever an earlier block left
    const before = await written();
    startView();
    let running = true;
    const flush = flushAnalytics().finally(() => (running = false));
    let during = 0;
    while (running) {
      startView();
      during++;
      // SQLite's adapter answers within microtasks, PostgreSQL's after I/O: interleave at both grains.
      await (during % 20 ? Promise.resolve() : new Promise((resolve) => setImmediate(resolve)));
    }
    await flush;
    expect(during).toBeGreaterThan(1); // views really came while the flush ran
    const first = await written();
    expect(first.visitors - before.visitors).toBe(first.views - before.views);
    await flushAnalytics();
    expect(await written()).toEqual({ views: before.views + during + 1, visitors: before.visitors + during + 1 });
  });

  it('keeps views and visitors in memory while the database is away, and writes them once it is back', async () => {
    await flushAnalytics();
    const before = await written();
    await withDatabaseAway(async () => {
      startView();
      startView();
      await flushAnalytics();
    });
    expect(await written()).toEqual(before);
    await flushAnalytics();
    expect(await written()).toEqual({ views: before.views + 2, visitors: before.visitors + 2 });
  });
});
