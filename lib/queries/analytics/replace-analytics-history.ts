import { getDb } from '../../db.ts';
import { DAY_MS } from '../../time-zone.ts';
import type { AnalyticsBatch } from './analytics-rows.ts';
import { splitRangeByDay, startOfUtcDay, sumViewDays } from './view-days.ts';

const CHUNK = 5000;

function chunk<T>(rows: T[]): T[][] {
  return Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));
}

// Demo data: replaces the cameras' rows in [from, to) with fresh ones in one transaction, with
// createMany in chunks (an interactive transaction: Prisma's batch form was 1.6× slower here).
// The daily rollup of a day [from, to) covers only in part is summed again from the hourly rows.
export async function replaceAnalyticsHistory(input: { cameraIds: string[]; from: Date; to: Date; batch: AnalyticsBatch }): Promise<void> {
  const { cameraIds, from, to, batch } = input;
  const inHours = { cameraId: { in: cameraIds }, hour: { gte: from, lt: to } };
  const whole = splitRangeByDay(from, to).days;
  const partialDays = [...new Set([from, to].map((t) => startOfUtcDay(t).getTime()))]
    .map((t) => new Date(t))
    .filter((day) => day < to && !(whole && day >= whole.gte && day < whole.lt));
  await getDb().$transaction(
    async (tx) => {
      await tx.viewStat.deleteMany({ where: inHours });
      await tx.viewDayStat.deleteMany({ where: { cameraId: { in: cameraIds }, day: { gte: startOfUtcDay(from), lt: to } } });
      await tx.viewHour.deleteMany({ where: inHours });
      await tx.previewFetchStat.deleteMany({ where: inHours });
      await tx.visitorDay.deleteMany({ where: { cameraId: { in: cameraIds }, day: { gte: from, lt: to } } });
      for (const data of chunk(batch.views)) await tx.viewStat.createMany({ data });
      const wholeDays = sumViewDays(batch.views).filter(({ day }) => whole && day >= whole.gte && day < whole.lt);
      for (const data of chunk(wholeDays)) await tx.viewDayStat.createMany({ data });
      for (const day of partialDays) {
        const hour = { gte: day, lt: new Date(day.getTime() + DAY_MS) };
        const sums = await tx.viewStat.groupBy({ by: ['cameraId', 'country', 'device', 'source'], where: { cameraId: { in: cameraIds }, hour }, _sum: { views: true, watchSeconds: true } });
        const data = sums.map(({ _sum, ...dims }) => ({ ...dims, day, views: _sum.views ?? 0, watchSeconds: _sum.watchSeconds ?? 0 }));
        if (data.length) await tx.viewDayStat.createMany({ data });
      }
      for (const data of chunk(batch.viewHours)) await tx.viewHour.createMany({ data });
      for (const data of chunk(batch.visitors)) await tx.visitorDay.createMany({ data });
      for (const data of chunk(batch.previewFetches)) await tx.previewFetchStat.createMany({ data });
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
