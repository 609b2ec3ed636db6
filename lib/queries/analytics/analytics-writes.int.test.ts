import { expect, it } from 'vitest';
import { getDb } from '../../db.ts';
import { createEmptyBatch } from './analytics-rows.ts';
import { applyAnalyticsBatch, rehearseAnalyticsBatch } from './apply-analytics-batch.ts';
import { getViewsByCountry } from './get-views-by-country.ts';
import { getViewsByDevice } from './get-views-by-device.ts';
import { getViewsBySource } from './get-views-by-source.ts';
import { replaceAnalyticsHistory } from './replace-analytics-history.ts';
import { deleteVisitorDataBefore, getOrCreateVisitorSalt, listVisitorHashes } from './visitor-salts.ts';
import { describeEachDatabase } from '../testing/test-database.ts';

const hour = new Date('2026-11-30T09:00:00Z');
const day = new Date('2026-11-30T00:00:00Z');
const key = { cameraId: 'roof', hour, country: 'CH', device: 'desktop', source: 'direct' };

const at = (iso: string) => new Date(iso);
const view = (cameraId: string, iso: string, country: string, device: string, source: string, views: number) => ({ cameraId, hour: at(iso), country, device, source, views, watchSeconds: views * 10 });

// The reference: the same sums straight from the hourly table, as [value, views, watchSeconds].
async function sumHourly(dimension: 'country' | 'device' | 'source', range: { cameraId: string | null; from: Date; to: Date }) {
  const rows = await getDb().viewStat.findMany({ where: { ...(range.cameraId ? { cameraId: range.cameraId } : {}), hour: { gte: range.from, lt: range.to } } });
  const sums = new Map<string, [string, number, number]>();
  for (const row of rows) {
    const sum = sums.get(row[dimension]) ?? [row[dimension], 0, 0];
    sum[1] += row.views;
    sum[2] += row.watchSeconds;
    sums.set(row[dimension], sum);
  }
  return [...sums.values()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

describeEachDatabase('analytics writes', () => {
  it('applies a flush as increments: the same keys twice add up', async () => {
    const batch = () => ({
      ...createEmptyBatch(),
      views: [{ ...key, views: 1, watchSeconds: 30 }],
      viewHours: [{ cameraId: 'roof', hour, views: 1, watchSeconds: 30 }],
      visitors: [{ cameraId: 'roof', day, visitors: 1 }],
      previewFetches: [{ cameraId: 'roof', hour, portal: 'windy', via: 'edge' as const, fetches: 3 }],
    });
    await applyAnalyticsBatch(batch());
    await applyAnalyticsBatch(batch());
    const db = getDb();
    expect(await db.viewStat.findMany({ select: { views: true, watchSeconds: true } })).toEqual([{ views: 2, watchSeconds: 60 }]);
    expect(await db.viewHour.findMany({ select: { views: true, watchSeconds: true } })).toEqual([{ views: 2, watchSeconds: 60 }]);
    expect(await db.visitorDay.findMany({ select: { visitors: true } })).toEqual([{ visitors: 2 }]);
    expect(await db.previewFetchStat.findMany({ select: { fetches: true } })).toEqual([{ fetches: 6 }]);
  });

  it('writes a flush whole or not at all', async () => {
    const db = getDb();
    await applyAnalyticsBatch({ ...createEmptyBatch(), visitorHashes: [{ cameraId: 'roof', day, hash: 'a'.repeat(32) }] });
    const failing = { ...createEmptyBatch(), views: [{ ...key, views: 5, watchSeconds: 0 }], visitorHashes: [{ cameraId: 'roof', day, hash: 'a'.repeat(32) }] };
    await expect(applyAnalyticsBatch(failing)).rejects.toThrow();
    expect(await db.viewStat.findMany({ select: { views: true } })).toEqual([{ views: 2 }]);
  });

  it('rehearses a flush without leaving a row, and still reports a write that fails', async () => {
    const db = getDb();
    const counts = async () => Promise.all([db.viewStat.count(), db.viewDimensionDay.count(), db.viewLocalDay.count(), db.previewFetchDay.count(), db.viewHour.count(), db.visitorDay.count(), db.visitorHash.count(), db.previewFetchStat.count()]);
    const before = await counts();
    const rehearsal = {
      views: [{ cameraId: 'warm', hour, country: 'CH', device: 'desktop', source: 'direct', views: 1, watchSeconds: 5 }],
      viewHours: [{ cameraId: 'warm', hour, views: 1, watchSeconds: 5 }],
      visitors: [{ cameraId: 'warm', day, visitors: 2 }],
      visitorHashes: [{ cameraId: 'warm', day, hash: 'b'.repeat(32) }, { cameraId: 'warm', day, hash: 'c'.repeat(32) }],
      previewFetches: [{ cameraId: 'warm', hour, portal: 'windy', via: 'origin' as const, fetches: 1 }],
    };
    await rehearseAnalyticsBatch(rehearsal);
    await rehearseAnalyticsBatch(rehearsal); // the same hashes again: nothing was kept to collide with
    expect(await counts()).toEqual(before);
    const duplicate = { ...rehearsal, visitorHashes: [rehearsal.visitorHashes[0]!, rehearsal.visitorHashes[0]!] };
    await expect(rehearseAnalyticsBatch(duplicate)).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it('keeps one salt per day, lists its hashes and deletes both after their time', async () => {
    const salt = await getOrCreateVisitorSalt(day);
    expect(salt).toHaveLength(32);
    expect(await getOrCreateVisitorSalt(day)).toEqual(salt);
    expect(await getOrCreateVisitorSalt(new Date('2026-12-01T00:00:00Z'))).not.toEqual(salt);
    expect(await listVisitorHashes(day)).toEqual([{ cameraId: 'roof', hash: 'a'.repeat(32) }]);
    await deleteVisitorDataBefore(new Date('2026-12-01T00:00:00Z'));
    expect(await listVisitorHashes(day)).toEqual([]);
    expect(await getDb().visitorSalt.count()).toBe(1);
  });

  it('replaces demo history in its range only', async () => {
    const batch = { ...createEmptyBatch(), viewHours: [{ cameraId: 'roof', hour: new Date('2026-11-29T09:00:00Z'), views: 7, watchSeconds: 1 }] };
    await replaceAnalyticsHistory({ cameraIds: ['roof'], from: new Date('2026-11-29T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z'), batch });
    const rows = await getDb().viewHour.findMany({ orderBy: { hour: 'asc' }, select: { views: true } });
    expect(rows).toEqual([{ views: 7 }, { views: 2 }]);
  });
  it('keeps the daily rollup exact: partial and whole UTC days sum like the hourly rows', async () => {
    const flush = { ...createEmptyBatch(), views: [
      view('roof', '2026-11-20T23:00Z', 'CH', 'mobile', 'direct', 1),
      view('roof', '2026-11-21T00:00Z', 'CH', 'mobile', 'direct', 2),
      view('roof', '2026-11-21T13:00Z', 'DE', 'desktop', 'windy.com', 4),
      view('roof', '2026-11-22T05:00Z', 'US', 'smart-tv', 'direct', 8),
      view('roof', '2026-11-22T19:00Z', 'CH', 'desktop', 'windy.com', 16),
      view('lake', '2026-11-21T10:00Z', 'FR', 'mobile', 'direct', 32),
    ] };
    await applyAnalyticsBatch(flush);
    await applyAnalyticsBatch({ ...flush, views: flush.views.slice(1, 3) });
    // Demo history over part of a day: the rest of that day's rollup must survive.
    await replaceAnalyticsHistory({ cameraIds: ['roof'], from: at('2026-11-22T12:00Z'), to: at('2026-11-23T00:00Z'), batch: { ...createEmptyBatch(), views: [view('roof', '2026-11-22T20:00Z', 'AT', 'tablet', 'direct', 64)] } });
    expect(await getDb().viewDimensionDay.count({ where: { day: at('2026-11-22T00:00Z') } })).toBe(5); // US, AT; smart-tv, tablet; direct
    const ranges: [string, string][] = [
      ['2026-11-20T00:00Z', '2026-11-23T00:00Z'], // whole days only
      ['2026-11-20T22:00Z', '2026-11-22T06:00Z'], // partial, whole, partial
      ['2026-11-21T13:00Z', '2026-11-21T14:00Z'], // one hour inside a day
      ['2026-11-21T00:00Z', '2026-11-22T20:00Z'], // whole then partial
    ];
    for (const [from, to] of ranges) {
      for (const cameraId of ['roof', null]) {
        const range = { cameraId, from: at(from), to: at(to), timeZone: 'UTC' };
        expect((await getViewsByCountry(range)).map((r) => [r.country, r.views, r.watchSeconds])).toEqual(await sumHourly('country', range));
        expect((await getViewsByDevice(range)).map((r) => [r.device, r.views, r.watchSeconds])).toEqual(await sumHourly('device', range));
        expect((await getViewsBySource(range)).map((r) => [r.source, r.views, r.watchSeconds])).toEqual(await sumHourly('source', range));
      }
    }
    const partial = { cameraId: 'roof', from: at('2026-11-20T22:00Z'), to: at('2026-11-22T06:00Z'), timeZone: 'UTC' };
    expect((await getViewsByCountry(partial)).map((r) => [r.country, r.views])).toEqual([['DE', 8], ['US', 8], ['CH', 5]]);
  });
});
