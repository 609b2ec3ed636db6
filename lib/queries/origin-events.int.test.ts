import { expect, it } from 'vitest';
import type { JournaledEvent } from '../origin-events.ts';
import { getRecentHealthEvents } from './health-events.ts';
import { applyOriginEvents, getOriginCursor } from './origin-events.ts';
import { getPreviewFetchCounts } from './preview-fetches.ts';
import { describeEachDatabase } from './testing/test-database.ts';

const ORIGIN = 'http://home:3100';
const live: JournaledEvent = { type: 'health', cameraId: 'roof', kind: 'live', detail: 'segments arriving', at: '2026-01-01T00:00:03.000Z', seq: 1 };
const fetches = (seq: number, n: number): JournaledEvent => ({ type: 'preview-fetches', cameraId: 'roof', hour: '2026-01-01T00:00:00.000Z', portal: 'windy', fetches: n, seq });

describeEachDatabase('origin events', () => {
  it('records a page and its cursor together, and a page asked with a stale cursor not at all', async () => {
    expect(await getOriginCursor(ORIGIN)).toBeNull();
    expect(await applyOriginEvents(ORIGIN, null, 'j.2', [live, fetches(2, 3)])).toBe(true);
    expect(await getOriginCursor(ORIGIN)).toBe('j.2');
    // A second puller that read the same page before the first one stored it.
    expect(await applyOriginEvents(ORIGIN, null, 'j.2', [live, fetches(2, 3)])).toBe(false);
    expect(await applyOriginEvents(ORIGIN, 'j.2', 'j.3', [fetches(3, 4)])).toBe(true);

    const health = await getRecentHealthEvents('roof');
    expect(health.map((e) => [e.kind, e.detail, e.at.toISOString()])).toEqual([['live', 'segments arriving', '2026-01-01T00:00:03.000Z']]);
    expect(await getPreviewFetchCounts('roof')).toEqual([{ hour: new Date('2026-01-01T00:00:00Z'), portal: 'windy', via: 'origin', fetches: 7 }]);
  });

  it('keeps nothing of a page whose transaction fails', async () => {
    // The health row and the first count are written before the bad hour fails the page.
    const bad = { ...fetches(6, 1), hour: 'not a date' };
    await expect(applyOriginEvents(ORIGIN, 'j.3', 'j.6', [{ ...live, seq: 4 }, fetches(5, 100), bad])).rejects.toThrow();
    expect(await getOriginCursor(ORIGIN)).toBe('j.3');
    expect(await getRecentHealthEvents('roof')).toHaveLength(1);
    expect((await getPreviewFetchCounts('roof'))[0]!.fetches).toBe(7);
  });
});
