import { getDb } from '../../db.ts';
import type { AnalyticsBatch } from './analytics-rows.ts';
import { sumViewDimensionDays } from './view-days.ts';
import { listLocalDayZones, sumViewLocalDays } from './view-local-days.ts';
import { writePreviewFetches } from './write-preview-fetches.ts';

// Applies one flush of the in-memory rollup: every row an increment (upsert), with the daily
// rollups derived from it (ViewDimensionDay, PreviewFetchDay, and the local-day rollups of the
// zones listed when the flush runs), all in one transaction, so a flush lands whole or not at all.
export async function applyAnalyticsBatch(batch: AnalyticsBatch): Promise<void> {
  await getDb().$transaction(
    async (tx) => {
      for (const { views, watchSeconds, ...key } of batch.views) {
        await tx.viewStat.upsert({ where: { cameraId_hour_country_device_source: key }, create: { ...key, views, watchSeconds }, update: { views: { increment: views }, watchSeconds: { increment: watchSeconds } } });
      }
      for (const { views, watchSeconds, ...key } of sumViewDimensionDays(batch.views)) {
        await tx.viewDimensionDay.upsert({ where: { cameraId_day_dimension_value: key }, create: { ...key, views, watchSeconds }, update: { views: { increment: views }, watchSeconds: { increment: watchSeconds } } });
      }
      for (const { views, watchSeconds, ...key } of batch.viewHours) {
        await tx.viewHour.upsert({ where: { cameraId_hour: key }, create: { ...key, views, watchSeconds }, update: { views: { increment: views }, watchSeconds: { increment: watchSeconds } } });
      }
      const zones = batch.viewHours.length || batch.previewFetches.length ? await listLocalDayZones(tx) : [];
      for (const { views, watchSeconds, ...key } of sumViewLocalDays(batch.viewHours, zones)) {
        await tx.viewLocalDay.upsert({ where: { timeZone_cameraId_date: key }, create: { ...key, views, watchSeconds }, update: { views: { increment: views }, watchSeconds: { increment: watchSeconds } } });
      }
      if (batch.visitorHashes.length) await tx.visitorHash.createMany({ data: batch.visitorHashes });
      for (const { visitors, ...key } of batch.visitors) {
        await tx.visitorDay.upsert({ where: { cameraId_day: key }, create: { ...key, visitors }, update: { visitors: { increment: visitors } } });
      }
      await writePreviewFetches(tx, batch.previewFetches, zones);
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}
