import { getDb } from '../../db.ts';
import type { TransactionClient } from '../../generated/prisma/internal/prismaNamespace.ts';
import type { AnalyticsBatch } from './analytics-rows.ts';
import { sumViewDimensionDays } from './view-days.ts';
import { listLocalDayZones, sumViewLocalDays } from './view-local-days.ts';
import { writePreviewFetches } from './write-preview-fetches.ts';

// Applies one flush of the in-memory rollup: every row an increment (upsert), with the daily
// rollups derived from it (ViewDimensionDay, PreviewFetchDay, and the local-day rollups of the
// zones listed when the flush runs), all in one transaction, so a flush lands whole or not at all.
export async function applyAnalyticsBatch(batch: AnalyticsBatch): Promise<void> {
  await getDb().$transaction((tx) => writeBatch(tx, batch), { timeout: 60_000, maxWait: 60_000 });
}

const ROLLBACK = Symbol('rollback');

// Runs a batch's writes and rolls them back: Prisma compiles each query shape on first use, and
// the site's first flush under load held the event loop ~1.5 s doing that. Leaves no row behind.
export async function rehearseAnalyticsBatch(batch: AnalyticsBatch): Promise<void> {
  await getDb()
    .$transaction(async (tx) => {
      await writeBatch(tx, batch);
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
}

async function writeBatch(tx: TransactionClient, batch: AnalyticsBatch): Promise<void> {
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
}
