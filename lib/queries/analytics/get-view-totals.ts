import { getDb } from '../../db.ts';
import { DAY_MS } from '../../time-zone.ts';
import { whereCamera, whereHour, type AnalyticsRange } from './range.ts';

export type ViewTotals = { views: number; watchSeconds: number; visitors: number };

// Views and watch time over the range, and daily unique visitors summed over the UTC days that
// begin inside it (a visitor's hash changes daily, so uniques across days cannot be told apart;
// a day is counted once, by the range holding its start).
export async function getViewTotals(range: AnalyticsRange): Promise<ViewTotals> {
  const db = getDb();
  const firstDay = new Date(Math.ceil(range.from.getTime() / DAY_MS) * DAY_MS);
  const [hours, days] = await Promise.all([
    db.viewHour.aggregate({ where: whereHour(range), _sum: { views: true, watchSeconds: true } }),
    db.visitorDay.aggregate({ where: { ...whereCamera(range.cameraId), day: { gte: firstDay, lt: range.to } }, _sum: { visitors: true } }),
  ]);
  return { views: hours._sum.views ?? 0, watchSeconds: hours._sum.watchSeconds ?? 0, visitors: days._sum.visitors ?? 0 };
}
