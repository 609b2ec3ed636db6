import { getDb } from '../../db.ts';
import { toLocalTime } from '../../time-zone.ts';
import { whereCamera, whereHour, type AnalyticsRange } from './range.ts';
import { hasBuiltLocalDays, splitRangeByLocalDay } from './view-local-days.ts';

export type PortalDayRow = { portal: string; date: string; origin: number; edge: number };

// preview.jpg fetches per portal and local day, the origin's and the edges' side by side. Whole
// local days come from PreviewFetchLocalDay when it is kept for this zone, the partial days at
// either end, and every day of any other zone, from the hourly table.
export async function getPreviewFetchesByPortal(range: AnalyticsRange): Promise<PortalDayRow[]> {
  const whole = (await hasBuiltLocalDays(range.cameraId, range.timeZone)) ? splitRangeByLocalDay(range.from, range.to, range.timeZone) : null;
  const hourly = whole ? [{ ...range, to: whole.start }, { ...range, from: whole.end }].filter((r) => r.from < r.to) : [range];
  const db = getDb();
  const _sum = { fetches: true } as const;
  const [days, ...hours] = await Promise.all([
    whole ? db.previewFetchLocalDay.groupBy({ by: ['date', 'portal', 'via'], where: { ...whereCamera(range.cameraId), timeZone: range.timeZone, date: { gte: whole.firstDate, lt: whole.endDate } }, _sum }) : [],
    ...hourly.map((r) => db.previewFetchStat.groupBy({ by: ['hour', 'portal', 'via'], where: whereHour(r), _sum })),
  ]);
  const out = new Map<string, PortalDayRow>();
  const add = (portal: string, date: string, via: string, fetches: number) => {
    const key = `${portal}\n${date}`;
    const entry = out.get(key) ?? { portal, date, origin: 0, edge: 0 };
    if (via === 'edge') entry.edge += fetches;
    else entry.origin += fetches;
    out.set(key, entry);
  };
  for (const row of days) add(row.portal, row.date, row.via, row._sum.fetches ?? 0);
  for (const rows of hours) for (const row of rows) add(row.portal, toLocalTime(row.hour.getTime(), range.timeZone).date, row.via, row._sum.fetches ?? 0);
  return [...out.values()].sort((a, b) => a.portal.localeCompare(b.portal) || a.date.localeCompare(b.date));
}
