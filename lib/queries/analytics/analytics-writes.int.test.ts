import { expect, it } from 'vitest';
import { getDb } from '../../db.ts';
import { createEmptyBatch } from './analytics-rows.ts';
import { applyAnalyticsBatch } from './apply-analytics-batch.ts';
import { replaceAnalyticsHistory } from './replace-analytics-history.ts';
import { deleteVisitorDataBefore, getOrCreateVisitorSalt, listVisitorHashes } from './visitor-salts.ts';
import { describeEachDatabase } from '../testing/test-database.ts';

const hour = new Date('2026-11-30T09:00:00Z');
const day = new Date('2026-11-30T00:00:00Z');
const key = { cameraId: 'roof', hour, country: 'CH', device: 'desktop', source: 'direct' };

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
});
