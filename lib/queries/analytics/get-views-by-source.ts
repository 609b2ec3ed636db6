import { getDb } from '../../db.ts';
import { whereHour, type AnalyticsRange } from './range.ts';

export type SourceRow = { source: string; views: number; watchSeconds: number };

// Views and watch time per source over the range, most viewed first.
export async function getViewsBySource(range: AnalyticsRange): Promise<SourceRow[]> {
  const rows = await getDb().viewStat.groupBy({ by: ['source'], where: whereHour(range), _sum: { views: true, watchSeconds: true } });
  return rows
    .map((r) => ({ source: r.source, views: r._sum.views ?? 0, watchSeconds: r._sum.watchSeconds ?? 0 }))
    .sort((a, b) => b.views - a.views || b.watchSeconds - a.watchSeconds || a.source.localeCompare(b.source));
}
