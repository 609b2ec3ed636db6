import { getDb } from '../../db.ts';
import { whereCamera, type AnalyticsRange } from './range.ts';
import { splitRangeByDay } from './view-days.ts';

export type PortalTotalRow = { portal: string; origin: number; edge: number };

// preview.jpg fetches per portal over the whole range, most first: whole UTC days from the daily
// rollup, the partial days at either end from the hourly table, summed in the database.
export async function getPreviewFetchTotals(range: AnalyticsRange): Promise<PortalTotalRow[]> {
  const db = getDb();
  const camera = whereCamera(range.cameraId);
  const split = splitRangeByDay(range.from, range.to);
  const _sum = { fetches: true } as const;
  const parts = await Promise.all([
    split.days ? db.previewFetchDay.groupBy({ by: ['portal', 'via'], where: { ...camera, day: split.days }, _sum }) : [],
    ...split.hours.map((hour) => db.previewFetchStat.groupBy({ by: ['portal', 'via'], where: { ...camera, hour }, _sum })),
  ]);
  const portals = new Map<string, PortalTotalRow>();
  for (const row of parts.flat()) {
    const entry = portals.get(row.portal) ?? { portal: row.portal, origin: 0, edge: 0 };
    if (row.via === 'edge') entry.edge += row._sum.fetches ?? 0;
    else entry.origin += row._sum.fetches ?? 0;
    portals.set(row.portal, entry);
  }
  return [...portals.values()].sort((a, b) => b.origin + b.edge - (a.origin + a.edge) || a.portal.localeCompare(b.portal));
}
