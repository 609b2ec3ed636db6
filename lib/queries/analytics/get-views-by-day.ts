import { getDb } from '../../db.ts';
import { toLocalTime } from '../../time-zone.ts';
import { whereHour, type AnalyticsRange } from './range.ts';

export type DayRow = { date: string; views: number; watchSeconds: number };

// Views and watch time per local day (YYYY-MM-DD in the range's zone), oldest first.
export async function getViewsByDay(range: AnalyticsRange): Promise<DayRow[]> {
  const rows = await getDb().viewHour.findMany({ where: whereHour(range), select: { hour: true, views: true, watchSeconds: true } });
  const days = new Map<string, DayRow>();
  for (const row of rows) {
    const date = toLocalTime(row.hour.getTime(), range.timeZone).date;
    const day = days.get(date) ?? { date, views: 0, watchSeconds: 0 };
    day.views += row.views;
    day.watchSeconds += row.watchSeconds;
    days.set(date, day);
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}
