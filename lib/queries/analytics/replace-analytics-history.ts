import { getDb } from '../../db.ts';
import { DAY_MS } from '../../time-zone.ts';
import type { AnalyticsBatch } from './analytics-rows.ts';
import { rebuildLocalDays } from './build-local-days.ts';
import { startOfUtcDay, sumPreviewFetchDays, sumViewDimensionDays } from './view-days.ts';
import { listLocalDayZones } from './view-local-days.ts';

const SLICE_DAYS = 7;
type Slice = { from: Date; to: Date };
export type ReplaceProgress = { slice: Slice; rows: number };

// Demo data: replaces the cameras' rows in [from, to) with fresh ones, a week per transaction
// (so a live site's flushes wait at most one slice), with the daily rollups of every day the
// slice covers in whole; a day [from, to) covers only in part is summed again from its hours.
// Then the local-day rollups of every listed zone are rebuilt, from the new hours in memory.
export async function replaceAnalyticsHistory(input: { cameraIds: string[]; from: Date; to: Date; batch: AnalyticsBatch; onSlice?: (progress: ReplaceProgress) => void }): Promise<void> {
  const { cameraIds, from, to, batch } = input;
  const slices: Slice[] = [];
  for (let start = from; start < to; ) {
    const end = new Date(Math.min(to.getTime(), startOfUtcDay(start).getTime() + SLICE_DAYS * DAY_MS));
    slices.push({ from: start, to: end });
    start = end;
  }
  const sliceOf = (time: Date) => slices.findIndex((s) => time >= s.from && time < s.to);
  const bySlice = <T>(rows: T[], timeOf: (row: T) => Date) => {
    const out = slices.map((): T[] => []);
    for (const row of rows) out[sliceOf(timeOf(row))]?.push(row);
    return out;
  };
  const views = bySlice(batch.views, (r) => r.hour);
  const viewHours = bySlice(batch.viewHours, (r) => r.hour);
  const fetches = bySlice(batch.previewFetches, (r) => r.hour);
  const visitors = bySlice(batch.visitors, (r) => r.day);
  for (const [i, slice] of slices.entries()) {
    await replaceSlice(cameraIds, slice, { views: views[i]!, viewHours: viewHours[i]!, previewFetches: fetches[i]!, visitors: visitors[i]!, visitorHashes: [] });
    input.onSlice?.({ slice, rows: views[i]!.length + viewHours[i]!.length + fetches[i]!.length + visitors[i]!.length });
  }
  const source = { from, to, batch };
  for (const zone of await listLocalDayZones()) await rebuildLocalDays(zone, { from, to }, cameraIds, source);
}

async function replaceSlice(cameraIds: string[], { from, to }: Slice, batch: AnalyticsBatch): Promise<void> {
  const cameraId = { in: cameraIds };
  const hour = { gte: from, lt: to };
  // Days the slice holds whole take the batch's sums; a day cut by [from, to) is summed again.
  const firstWhole = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
  const isWhole = (day: Date) => day.getTime() >= firstWhole && day.getTime() + DAY_MS <= to.getTime();
  const cutDays = [...new Set([from, new Date(to.getTime() - 1)].map((t) => startOfUtcDay(t).getTime()))].map((t) => new Date(t)).filter((d) => !isWhole(d));
  await getDb().$transaction(
    async (tx) => {
      const days = { gte: startOfUtcDay(from), lt: to };
      await tx.viewStat.deleteMany({ where: { cameraId, hour } });
      await tx.viewHour.deleteMany({ where: { cameraId, hour } });
      await tx.previewFetchStat.deleteMany({ where: { cameraId, hour } });
      await tx.viewDimensionDay.deleteMany({ where: { cameraId, day: days } });
      await tx.previewFetchDay.deleteMany({ where: { cameraId, day: days } });
      await tx.visitorDay.deleteMany({ where: { cameraId, day: { gte: from, lt: to } } });
      if (batch.views.length) await tx.viewStat.createMany({ data: batch.views });
      if (batch.viewHours.length) await tx.viewHour.createMany({ data: batch.viewHours });
      if (batch.previewFetches.length) await tx.previewFetchStat.createMany({ data: batch.previewFetches });
      if (batch.visitors.length) await tx.visitorDay.createMany({ data: batch.visitors });
      const dimensionDays = sumViewDimensionDays(batch.views).filter((r) => isWhole(r.day));
      if (dimensionDays.length) await tx.viewDimensionDay.createMany({ data: dimensionDays });
      const fetchDays = sumPreviewFetchDays(batch.previewFetches).filter((r) => isWhole(r.day));
      if (fetchDays.length) await tx.previewFetchDay.createMany({ data: fetchDays });
      for (const day of cutDays) {
        const dayHours = { gte: day, lt: new Date(day.getTime() + DAY_MS) };
        const _sum = { views: true, watchSeconds: true } as const;
        for (const dimension of ['country', 'device', 'source'] as const) {
          const sums = await tx.viewStat.groupBy({ by: ['cameraId', dimension], where: { cameraId, hour: dayHours }, _sum });
          const data = sums.map((s) => ({ cameraId: s.cameraId, day, dimension, value: (s as unknown as Record<string, string>)[dimension]!, views: s._sum.views ?? 0, watchSeconds: s._sum.watchSeconds ?? 0 }));
          if (data.length) await tx.viewDimensionDay.createMany({ data });
        }
        const portals = await tx.previewFetchStat.groupBy({ by: ['cameraId', 'portal', 'via'], where: { cameraId, hour: dayHours }, _sum: { fetches: true } });
        const data = portals.map(({ _sum, ...key }) => ({ ...key, day, fetches: _sum.fetches ?? 0 }));
        if (data.length) await tx.previewFetchDay.createMany({ data });
      }
    },
    { timeout: 5 * 60_000, maxWait: 60_000 },
  );
}
