import { expect, it } from 'vitest';
import type { JournaledEvent } from '../origin-events.ts';
import { getPreviewFetchesByPortal } from './analytics/get-preview-fetches-by-portal.ts';
import { getPreviewFetchTotals } from './analytics/get-preview-fetch-totals.ts';
import { ensureLocalDayZones } from './analytics/ensure-local-day-zones.ts';
import { getRecentHealthEvents } from './health-events.ts';
import { getDb } from '../db.ts';
import { applyOriginEvents, getOriginCursor } from './origin-events.ts';
import { getPreviewFetchCounts } from './preview-fetches.ts';
import { describeEachDatabase } from './testing/test-database.ts';

const ORIGIN = 'http://home:3100';
const live: JournaledEvent = { type: 'health', cameraId: 'roof', kind: 'live', detail: 'segments arriving', at: '2026-01-01T00:00:03.000Z', seq: 1 };
const fetches = (seq: number, n: number): JournaledEvent => ({ type: 'preview-fetches', cameraId: 'roof', hour: '2026-01-01T00:00:00.000Z', portal: 'windy', fetches: n, seq });

// The daily rollups move with the hourly rows: whole Zurich days (1 and 2 January) are read
// from them alone.
async function expectRollupsToSay(fetches: number): Promise<void> {
  const range = { cameraId: 'roof', from: new Date('2025-12-31T23:00Z'), to: new Date('2026-01-02T23:00Z'), timeZone: 'Europe/Zurich' };
  expect(await getPreviewFetchTotals(range)).toEqual([{ portal: 'windy', origin: fetches, edge: 0 }]);
  expect(await getPreviewFetchesByPortal(range)).toEqual([{ portal: 'windy', date: '2026-01-01', origin: fetches, edge: 0 }]);
  expect(await getDb().previewFetchDay.findMany({ select: { fetches: true } })).toEqual([{ fetches }]);
  expect(await getDb().previewFetchLocalDay.findMany({ select: { date: true, fetches: true } })).toEqual([{ date: '2026-01-01', fetches }]);
}

describeEachDatabase('origin events', () => {
  it('records a page and its cursor together, and a page asked with a stale cursor not at all', async () => {
    expect(await getOriginCursor(ORIGIN)).toBeNull();
    await ensureLocalDayZones([{ timeZone: 'Europe/Zurich', cameraId: 'roof' }]);
    expect(await applyOriginEvents(ORIGIN, null, 'j.2', [live, fetches(2, 3)])).toBe(true);
    expect(await getOriginCursor(ORIGIN)).toBe('j.2');
    // A second puller that read the same page before the first one stored it.
    expect(await applyOriginEvents(ORIGIN, null, 'j.2', [live, fetches(2, 3)])).toBe(false);
    expect(await applyOriginEvents(ORIGIN, 'j.2', 'j.3', [fetches(3, 4)])).toBe(true);

    const health = await getRecentHealthEvents('roof');
    expect(health.map((e) => [e.kind, e.detail, e.at.toISOString()])).toEqual([['live', 'segments arriving', '2026-01-01T00:00:03.000Z']]);
    expect(await getPreviewFetchCounts('roof')).toEqual([{ hour: new Date('2026-01-01T00:00:00Z'), portal: 'windy', via: 'origin', fetches: 7 }]);
    await expectRollupsToSay(7);
  });

  it('keeps nothing of a page whose transaction fails', async () => {
    // The health row and the first count are written before the bad hour fails the page.
    const bad = { ...fetches(6, 1), hour: 'not a date' };
    await expect(applyOriginEvents(ORIGIN, 'j.3', 'j.6', [{ ...live, seq: 4 }, fetches(5, 100), bad])).rejects.toThrow();
    expect(await getOriginCursor(ORIGIN)).toBe('j.3');
    expect(await getRecentHealthEvents('roof')).toHaveLength(1);
    expect((await getPreviewFetchCounts('roof'))[0]!.fetches).toBe(7);
    await expectRollupsToSay(7);
  });
});
