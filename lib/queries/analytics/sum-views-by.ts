import { getDb } from '../../db.ts';
import type { ViewDimension } from './analytics-rows.ts';
import { splitRangeByDay } from './view-days.ts';
import { whereCamera, type AnalyticsRange } from './range.ts';

export type { ViewDimension };
export type DimensionSum = { key: string; views: number; watchSeconds: number };

// Views and watch time per value of one dimension: whole UTC days from the per-dimension daily
// rollup, the partial days at either end from the hourly table, added up here.
export async function sumViewsBy(dimension: ViewDimension, range: AnalyticsRange): Promise<DimensionSum[]> {
  const db = getDb();
  const camera = whereCamera(range.cameraId);
  const split = splitRangeByDay(range.from, range.to);
  const _sum = { views: true, watchSeconds: true } as const;
  const [days, ...hours] = await Promise.all([
    split.days ? db.viewDimensionDay.groupBy({ by: ['value'], where: { ...camera, dimension, day: split.days }, _sum }) : [],
    ...split.hours.map((hour) => db.viewStat.groupBy({ by: [dimension], where: { ...camera, hour }, _sum })),
  ]);
  const sums = new Map<string, DimensionSum>();
  const add = (key: string, views: number | null, watchSeconds: number | null) => {
    const sum = sums.get(key) ?? { key, views: 0, watchSeconds: 0 };
    sum.views += views ?? 0;
    sum.watchSeconds += watchSeconds ?? 0;
    sums.set(key, sum);
  };
  for (const row of days) add(row.value, row._sum.views, row._sum.watchSeconds);
  for (const rows of hours) for (const row of rows) add((row as unknown as Record<ViewDimension, string>)[dimension], row._sum.views, row._sum.watchSeconds);
  return [...sums.values()].sort((a, b) => b.views - a.views || b.watchSeconds - a.watchSeconds || a.key.localeCompare(b.key));
}
