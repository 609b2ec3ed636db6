import { countViewersNow } from '@/lib/analytics/viewers-now';
import { CHART_RANGES, getChartRange, getSummaryPeriods, type ChartRangeKey } from '@/lib/dashboard/periods';
import { getSunBands } from '@/lib/dashboard/sun-bands';
import type { PublicCamera } from '@/lib/site-server/public-camera';
import { getPreviewFetchTotals } from '@/lib/queries/analytics/get-preview-fetch-totals';
import { getPreviewFetchesByPortal } from '@/lib/queries/analytics/get-preview-fetches-by-portal';
import { getStreamHealth } from '@/lib/queries/analytics/get-stream-health';
import { getViewTotals } from '@/lib/queries/analytics/get-view-totals';
import { getViewsByCountry } from '@/lib/queries/analytics/get-views-by-country';
import { getViewsByDay } from '@/lib/queries/analytics/get-views-by-day';
import { getViewsByDevice } from '@/lib/queries/analytics/get-views-by-device';
import { getViewsByHour } from '@/lib/queries/analytics/get-views-by-hour';
import { getViewsBySource } from '@/lib/queries/analytics/get-views-by-source';
import { getWeekdayHourHeatmap } from '@/lib/queries/analytics/get-weekday-hour-heatmap';
import { getLocalMidnight, getMidnightOfLocalDate, HOUR_MS, toLocalTime } from '@/lib/time-zone';
import { getWorkerHealth } from '@/lib/site-server/worker-health';

// Every figure of one dashboard page, the queries run side by side. `zoneCamera` names the time
// zone and location: the camera itself, or the default camera for all cameras.
export async function loadDashboard({ cameraId, cameras, zoneCamera, rangeKey, now = Date.now() }: { cameraId: string | null; cameras: PublicCamera[]; zoneCamera: PublicCamera; rangeKey: ChartRangeKey; now?: number }) {
  const timeZone = zoneCamera.timezone;
  const range = getChartRange(rangeKey, now, timeZone);
  const q = { cameraId, from: range.from, to: range.to, timeZone };
  const shown = cameraId === null ? cameras : cameras.filter((c) => c.id === cameraId);
  const periods = getSummaryPeriods(now, timeZone);
  // Per-day portal bars cover the last 30 local days at most (whole days but today's, so no bar
  // is a sliver of a day); the totals cover the whole range. The heatmap always covers the last
  // four whole weeks: every weekday × hour cell then sums the same number of days.
  const heatmapRange = { ...q, from: new Date(getLocalMidnight(now, timeZone, 27)) };
  const portalFrom = new Date(Math.max(range.from.getTime(), getLocalMidnight(now, timeZone, 29)));
  const [summaries, hours, days, heatmap, countries, devices, sources, portalTotals, portals, health, worker] = await Promise.all([
    Promise.all(
      periods.map(async (p) => ({
        label: p.label,
        current: await getViewTotals({ cameraId, from: p.from, to: p.to, timeZone }),
        previous: await getViewTotals({ cameraId, from: p.previousFrom, to: p.previousTo, timeZone }),
      })),
    ),
    range.bucket === 'hour' ? getViewsByHour(q) : Promise.resolve([]),
    range.bucket === 'day' ? getViewsByDay(q) : Promise.resolve([]),
    getWeekdayHourHeatmap(heatmapRange),
    getViewsByCountry(q),
    getViewsByDevice(q),
    getViewsBySource(q),
    getPreviewFetchTotals(q),
    getPreviewFetchesByPortal({ ...q, from: portalFrom }),
    Promise.all(shown.map(async (c) => ({ camera: c, health: await getStreamHealth({ ...q, cameraId: c.id, timeZone: c.timezone }, now) }))),
    getWorkerHealth(1500),
  ]);
  const states = worker.cameras.filter((c) => shown.some((s) => s.id === c.id));
  return {
    timeZone,
    range,
    rangeLabel: `last ${CHART_RANGES[rangeKey]}`,
    viewersNow: countViewersNow(cameraId ?? undefined, now),
    summaries,
    states,
    hours,
    days,
    heatmap,
    // A year is charted by the day: no band would be drawn, so none is computed.
    bands: range.bucket === 'hour' ? getSunBands(zoneCamera.location, range.from.getTime(), range.to.getTime()) : [],
    countries,
    devices,
    sources,
    portalTotals,
    portals,
    portalDates: listLocalDates(portalFrom.getTime(), range.to.getTime(), timeZone),
    health: health.map(({ camera, health }) => {
      const state = states.find((s) => s.id === camera.id);
      const liveHint = state && state.state !== 'live' ? state.reason : null;
      return { id: camera.id, name: camera.name, timeZone: camera.timezone, health, liveHint, stream: state?.stream ?? null };
    }),
    exportDefaults: { from: toLocalTime(now - 6 * 24 * HOUR_MS, timeZone).date, to: toLocalTime(now, timeZone).date },
  };
}

function listLocalDates(from: number, to: number, timeZone: string): string[] {
  const dates: string[] = [];
  for (let date = toLocalTime(from, timeZone).date; getMidnightOfLocalDate(date, timeZone) < to; ) {
    dates.push(date);
    date = new Date(Date.parse(`${date}T00:00:00Z`) + 24 * HOUR_MS).toISOString().slice(0, 10);
  }
  return dates;
}
