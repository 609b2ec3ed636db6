import { getDb } from '../../db.ts';
import { whereHour, type AnalyticsRange } from './range.ts';

export type CountryRow = { country: string; views: number; watchSeconds: number };

// Views and watch time per country over the range, most viewed first.
export async function getViewsByCountry(range: AnalyticsRange): Promise<CountryRow[]> {
  const rows = await getDb().viewStat.groupBy({ by: ['country'], where: whereHour(range), _sum: { views: true, watchSeconds: true } });
  return rows
    .map((r) => ({ country: r.country, views: r._sum.views ?? 0, watchSeconds: r._sum.watchSeconds ?? 0 }))
    .sort((a, b) => b.views - a.views || b.watchSeconds - a.watchSeconds || a.country.localeCompare(b.country));
}
