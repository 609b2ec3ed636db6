import { getDb } from '../../db.ts';
import { toLocalTime } from '../../time-zone.ts';
import { whereCamera, whereHour, type AnalyticsRange } from './range.ts';
import { hasBuiltLocalDays, splitRangeByLocalDay } from './view-local-days.ts';

export type DayRow = { date: string; views: number; watchSeconds: number };

// Views and watch time per local day (YYYY-MM-DD in the range's zone), oldest first. Whole local
// days come from ViewLocalDay when it is kept for this zone (a dashboard zone), the partial days
// at either end, and every day of any other zone, from the hourly totals.
export async function getViewsByDay(range: AnalyticsRange): Promise<DayRow[]> {
  const whole = (await hasBuiltLocalDays(range.cameraId, range.timeZone)) ? splitRangeByLocalDay(range.from, range.to, range.timeZone) : null;
  const hourly = whole
    ? [{ ...range, to: whole.start }, { ...range, from: whole.end }].filter((r) => r.from < r.to)
    : [range];
  const _sum = { views: true, watchSeconds: true } as const;
  const db = getDb();
  const [days, ...hours] = await Promise.all([
    whole ? db.viewLocalDay.groupBy({ by: ['date'], where: { ...whereCamera(range.cameraId), timeZone: range.timeZone, date: { gte: whole.firstDate, lt: whole.endDate } }, _sum }) : [],
    ...hourly.map((r) => db.viewHour.findMany({ where: whereHour(r), select: { hour: true, views: true, watchSeconds: true } })),
  ]);
  const out = new Map<string, DayRow>();
  const add = (date: string, views: number, watchSeconds: number) => {
    const day = out.get(date) ?? { date, views: 0, watchSeconds: 0 };
    day.views += views;
    day.watchSeconds += watchSeconds;
    out.set(date, day);
  };
  for (const row of days) add(row.date, row._sum.views ?? 0, row._sum.watchSeconds ?? 0);
  for (const rows of hours) for (const row of rows) add(toLocalTime(row.hour.getTime(), range.timeZone).date, row.views, row.watchSeconds);
  return [...out.values()].sort((a, b) => a.date.localeCompare(b.date));
}
