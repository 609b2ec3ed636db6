import { DAY_MS, floorToHour, getLocalMidnight, HOUR_MS } from '../time-zone.ts';

export const CHART_RANGES = { '24h': '24 hours', '7d': '7 days', '30d': '30 days', '1y': '1 year' } as const;
export type ChartRangeKey = keyof typeof CHART_RANGES;
export type ChartRange = { key: ChartRangeKey; from: Date; to: Date; bucket: 'hour' | 'day' };

export function parseChartRange(value: string | undefined): ChartRangeKey {
  return value !== undefined && value in CHART_RANGES ? (value as ChartRangeKey) : '7d';
}

// Hourly buckets up to 30 days (720 points), local days for a year.
export function getChartRange(key: ChartRangeKey, now: number, timeZone: string): ChartRange {
  const end = floorToHour(now) + HOUR_MS;
  if (key === '1y') return { key, from: new Date(getLocalMidnight(now, timeZone, 364)), to: new Date(end), bucket: 'day' };
  const hours = key === '24h' ? 24 : key === '7d' ? 168 : 720;
  return { key, from: new Date(end - hours * HOUR_MS), to: new Date(end), bucket: 'hour' };
}

export type SummaryPeriod = { label: string; from: Date; to: Date; previousFrom: Date; previousTo: Date };

// Today, the last 7 and 30 local days (today included, up to now), each against the same span
// just before it, cut at the same time of day so a morning is not compared with a whole day.
export function getSummaryPeriods(now: number, timeZone: string): SummaryPeriod[] {
  return [
    { label: 'Today', days: 1 },
    { label: '7 days', days: 7 },
    { label: '30 days', days: 30 },
  ].map(({ label, days }) => {
    const from = getLocalMidnight(now, timeZone, days - 1);
    const previousFrom = getLocalMidnight(now, timeZone, 2 * days - 1);
    const elapsed = now - from;
    return { label, from: new Date(from), to: new Date(now), previousFrom: new Date(previousFrom), previousTo: new Date(Math.min(from, previousFrom + elapsed)) };
  });
}

export { DAY_MS };
