import { DAY_MS } from '../../time-zone.ts';
import { VIEW_DIMENSIONS, type PreviewFetchDayIncrement, type PreviewFetchIncrement, type ViewDimensionDayIncrement, type ViewIncrement } from './analytics-rows.ts';

export function startOfUtcDay(time: Date): Date {
  return new Date(Math.floor(time.getTime() / DAY_MS) * DAY_MS);
}

// The hourly increments summed per camera, UTC day and each dimension on its own, as
// ViewDimensionDay rows (three per hourly row before summing: country, device, source).
export function sumViewDimensionDays(views: ViewIncrement[]): ViewDimensionDayIncrement[] {
  const days = new Map<string, ViewDimensionDayIncrement>();
  for (const row of views) {
    const day = startOfUtcDay(row.hour);
    for (const dimension of VIEW_DIMENSIONS) {
      const key = `${row.cameraId}\n${day.getTime()}\n${dimension}\n${row[dimension]}`;
      const sum = days.get(key) ?? { cameraId: row.cameraId, day, dimension, value: row[dimension], views: 0, watchSeconds: 0 };
      sum.views += row.views;
      sum.watchSeconds += row.watchSeconds;
      days.set(key, sum);
    }
  }
  return [...days.values()];
}

// The hourly preview.jpg counts summed per camera, UTC day, portal and via, as PreviewFetchDay rows.
export function sumPreviewFetchDays(fetches: (Omit<PreviewFetchIncrement, 'via'> & { via: string })[]): PreviewFetchDayIncrement[] {
  const days = new Map<string, PreviewFetchDayIncrement>();
  for (const row of fetches) {
    const day = startOfUtcDay(row.hour);
    const key = `${row.cameraId}\n${day.getTime()}\n${row.portal}\n${row.via}`;
    const sum = days.get(key) ?? { cameraId: row.cameraId, day, portal: row.portal, via: row.via, fetches: 0 };
    sum.fetches += row.fetches;
    days.set(key, sum);
  }
  return [...days.values()];
}

export type DaySplit = { days: { gte: Date; lt: Date } | null; hours: { gte: Date; lt: Date }[] };

// [from, to) as the whole UTC days inside it (read from a daily rollup) and the partial days at
// either end (read from the hourly table), so the sums stay exact for any range.
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
