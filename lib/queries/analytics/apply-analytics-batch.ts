import { getDb } from '../../db.ts';
import type { AnalyticsBatch } from './analytics-rows.ts';
import { sumViewDays } from './view-days.ts';

// Applies one flush of the in-memory rollup: every row an increment (upsert), all in one
// transaction (ViewDayStat, ViewStat's daily rollup, with it), so a flush lands whole or not at all.
export async function applyAnalyticsBatch(batch: AnalyticsBatch): Promise<void> {
  const db = getDb();
  await db.$transaction([
    ...batch.views.map(({ views, watchSeconds, ...key }) =>
      db.viewStat.upsert({
        where: { cameraId_hour_country_device_source: key },
        create: { ...key, views, watchSeconds },
        update: { views: { increment: views }, watchSeconds: { increment: watchSeconds } },
      }),
    ),
    ...sumViewDays(batch.views).map(({ views, watchSeconds, ...key }) =>
      db.viewDayStat.upsert({
        where: { cameraId_day_country_device_source: key },
        create: { ...key, views, watchSeconds },
        update: { views: { increment: views }, watchSeconds: { increment: watchSeconds } },
      }),
    ),
    ...batch.viewHours.map(({ views, watchSeconds, ...key }) =>
      db.viewHour.upsert({
        where: { cameraId_hour: key },
        create: { ...key, views, watchSeconds },
        update: { views: { increment: views }, watchSeconds: { increment: watchSeconds } },
      }),
    ),
    ...(batch.visitorHashes.length ? [db.visitorHash.createMany({ data: batch.visitorHashes })] : []),
    ...batch.visitors.map(({ visitors, ...key }) =>
      db.visitorDay.upsert({ where: { cameraId_day: key }, create: { ...key, visitors }, update: { visitors: { increment: visitors } } }),
    ),
    ...batch.previewFetches.map(({ fetches, ...key }) =>
      db.previewFetchStat.upsert({
        where: { cameraId_hour_portal_via: key },
        create: { ...key, fetches },
        update: { fetches: { increment: fetches } },
      }),
    ),
  ]);
}
