import { DAY_MS } from '../../time-zone.ts';
import type { ViewDayIncrement, ViewIncrement } from './analytics-rows.ts';

export function startOfUtcDay(time: Date): Date {
  return new Date(Math.floor(time.getTime() / DAY_MS) * DAY_MS);
}

// The hourly increments summed per camera, UTC day and dimension, as ViewDayStat rows.
export function sumViewDays(views: ViewIncrement[]): ViewDayIncrement[] {
  const days = new Map<string, ViewDayIncrement>();
  for (const { hour, views: count, watchSeconds, ...dims } of views) {
    const day = startOfUtcDay(hour);
    const key = JSON.stringify([dims.cameraId, day.getTime(), dims.country, dims.device, dims.source]);
    const row = days.get(key) ?? { ...dims, day, views: 0, watchSeconds: 0 };
    row.views += count;
    row.watchSeconds += watchSeconds;
    days.set(key, row);
  }
  return [...days.values()];
}

export type DaySplit = { days: { gte: Date; lt: Date } | null; hours: { gte: Date; lt: Date }[] };

// [from, to) as the whole UTC days inside it (read from ViewDayStat) and the partial days at
// either end (read from the hourly ViewStat), so the sums stay exact for any range.
export function splitRangeByDay(from: Date, to: Date): DaySplit {
  const firstDay = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
  const lastDay = startOfUtcDay(to);
  if (firstDay >= lastDay) return { days: null, hours: from < to ? [{ gte: from, lt: to }] : [] };
  const hours = [
    ...(from < firstDay ? [{ gte: from, lt: firstDay }] : []),
    ...(lastDay < to ? [{ gte: lastDay, lt: to }] : []),
  ];
  return { days: { gte: firstDay, lt: lastDay }, hours };
}
