import { getDb } from '../../db.ts';
import { splitRangeByDay } from './view-days.ts';
import { whereCamera, type AnalyticsRange } from './range.ts';

export type ViewDimension = 'country' | 'device' | 'source';
export type DimensionSum = { key: string; views: number; watchSeconds: number };
type SumRow = { _sum: { views: number | null; watchSeconds: number | null } };

// Views and watch time per value of one dimension: whole UTC days from the daily rollup, the
// partial days at either end from the hourly table, added up here.
export async function sumViewsBy(dimension: ViewDimension, range: AnalyticsRange): Promise<DimensionSum[]> {
  const db = getDb();
  const camera = whereCamera(range.cameraId);
  const split = splitRangeByDay(range.from, range.to);
  const _sum = { views: true, watchSeconds: true } as const;
  const parts: Promise<SumRow[]>[] = [
    ...(split.days ? [db.viewDayStat.groupBy({ by: [dimension], where: { ...camera, day: split.days }, _sum })] : []),
    ...split.hours.map((hour) => db.viewStat.groupBy({ by: [dimension], where: { ...camera, hour }, _sum })),
  ];
  const sums = new Map<string, DimensionSum>();
  for (const rows of await Promise.all(parts)) {
    for (const row of rows) {
      const key = (row as SumRow & Record<ViewDimension, string>)[dimension];
      const sum = sums.get(key) ?? { key, views: 0, watchSeconds: 0 };
      sum.views += row._sum.views ?? 0;
      sum.watchSeconds += row._sum.watchSeconds ?? 0;
      sums.set(key, sum);
    }
  }
  return [...sums.values()].sort((a, b) => b.views - a.views || b.watchSeconds - a.watchSeconds || a.key.localeCompare(b.key));
}
