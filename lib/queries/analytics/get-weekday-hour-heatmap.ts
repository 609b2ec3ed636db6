import { getDb } from '../../db.ts';
import { toLocalTime } from '../../time-zone.ts';
import { whereHour, type AnalyticsRange } from './range.ts';

export type HeatmapCell = { weekday: number; hour: number; views: number; watchSeconds: number };

// 7 × 24 cells (weekday 0 = Monday) of the camera's local time, every cell present.
export async function getWeekdayHourHeatmap(range: AnalyticsRange): Promise<HeatmapCell[]> {
  const cells: HeatmapCell[] = [];
  for (let weekday = 0; weekday < 7; weekday++) for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, views: 0, watchSeconds: 0 });
  // Cameras summed in the database: one row per UTC hour.
  const rows = await getDb().viewHour.groupBy({ by: ['hour'], where: whereHour(range), _sum: { views: true, watchSeconds: true } });
  for (const row of rows) {
    const local = toLocalTime(row.hour.getTime(), range.timeZone);
    const cell = cells[local.weekday * 24 + local.hour]!;
    cell.views += row._sum.views ?? 0;
    cell.watchSeconds += row._sum.watchSeconds ?? 0;
  }
  return cells;
}
