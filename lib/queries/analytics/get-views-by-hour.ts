import { getDb } from '../../db.ts';
import { whereHour, type AnalyticsRange } from './range.ts';

export type HourRow = { hour: number; views: number; watchSeconds: number };

// One row per UTC hour that had views (ms since epoch), all cameras summed. Hours are whole in
// every zone the dashboard names except half-hour ones, so the chart places them on local time.
export async function getViewsByHour(range: AnalyticsRange): Promise<HourRow[]> {
  const rows = await getDb().viewHour.groupBy({ by: ['hour'], where: whereHour(range), _sum: { views: true, watchSeconds: true }, orderBy: { hour: 'asc' } });
  return rows.map((r) => ({ hour: r.hour.getTime(), views: r._sum.views ?? 0, watchSeconds: r._sum.watchSeconds ?? 0 }));
}
