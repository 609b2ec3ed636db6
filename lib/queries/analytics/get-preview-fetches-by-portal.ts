import { getDb } from '../../db.ts';
import { toLocalTime } from '../../time-zone.ts';
import { whereHour, type AnalyticsRange } from './range.ts';

export type PortalDayRow = { portal: string; date: string; origin: number; edge: number };

// preview.jpg fetches per portal and local day, the origin's and the edges' side by side.
export async function getPreviewFetchesByPortal(range: AnalyticsRange): Promise<PortalDayRow[]> {
  const rows = await getDb().previewFetchStat.groupBy({ by: ['hour', 'portal', 'via'], where: whereHour(range), _sum: { fetches: true } });
  const out = new Map<string, PortalDayRow>();
  for (const row of rows) {
    const date = toLocalTime(row.hour.getTime(), range.timeZone).date;
    const key = `${row.portal}\n${date}`;
    const entry = out.get(key) ?? { portal: row.portal, date, origin: 0, edge: 0 };
    if (row.via === 'edge') entry.edge += row._sum.fetches ?? 0;
    else entry.origin += row._sum.fetches ?? 0;
    out.set(key, entry);
  }
  return [...out.values()].sort((a, b) => a.portal.localeCompare(b.portal) || a.date.localeCompare(b.date));
}
