import { getSunTimes } from '../../sun.ts';
import { createEmptyBatch, type AnalyticsBatch, type ViewIncrement } from '../../queries/analytics/analytics-rows.ts';
import { DAY_MS, HOUR_MS, toLocalTime } from '../../time-zone.ts';
import { buildCountryMix, DEFAULT_LOCATION, DEVICE_MIX, guessHomeCountry, MEDIAN_WATCH_SECONDS, pickSmartTv, PORTALS, SOURCE_MIX } from './demo-profile.ts';
import { createRandom, pickWeighted, samplePoisson, sampleWatchSeconds, type Random } from './random.ts';

export type DemoCamera = { id: string; timezone: string; location?: { lat: number; lon: number } };
export type DemoOptions = { from: Date; to: Date; seed?: number; viewsPerHour?: number };

// Share of a day's views by local hour: quiet nights, a morning look, a lunch bump, evenings.
const HOURLY = [0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.45, 0.8, 1, 1, 0.95, 1, 1.15, 1.05, 0.95, 0.95, 1, 1.1, 1.3, 1.45, 1.4, 1.1, 0.7, 0.35];
const SUN_PEAK_MINUTES = 45;

// A synthetic history for the dashboard and the benchmark: hourly rows exactly as the rollup
// writes them, with sunrise/sunset peaks, weekend and storm spikes and a Smart TV abroad.
export function generateDemoHistory(cameras: DemoCamera[], options: DemoOptions): AnalyticsBatch {
  const batch = createEmptyBatch();
  cameras.forEach((camera, index) => appendCamera(batch, camera, options, createRandom((options.seed ?? 13) + index * 7919)));
  return batch;
}

function appendCamera(batch: AnalyticsBatch, camera: DemoCamera, options: DemoOptions, random: Random): void {
  const location = camera.location ?? DEFAULT_LOCATION;
  const home = guessHomeCountry(camera.timezone);
  const countries = buildCountryMix(home);
  const tv = pickSmartTv(home);
  const base = options.viewsPerHour ?? 8;
  const cells = new Map<string, ViewIncrement>();
  const viewsByDay = new Map<number, number>();
  let stormUntil = 0;
  for (let ms = options.from.getTime(); ms < options.to.getTime(); ms += HOUR_MS) {
    const hour = new Date(ms);
    const local = toLocalTime(ms + HOUR_MS / 2, camera.timezone);
    if (ms >= stormUntil && local.hour === 13 && random() < 12 / 365) stormUntil = ms + (4 + Math.floor(random() * 5)) * HOUR_MS;
    const mean = base * HOURLY[local.hour]! * sunBoost(ms, location) * (local.weekday >= 5 ? 1.5 : 1) * (ms < stormUntil ? 5 : 1);
    const views = samplePoisson(random, mean);
    for (let i = 0; i < views; i++) {
      const device = pickWeighted(random, DEVICE_MIX);
      addView(cells, { cameraId: camera.id, hour, country: pickWeighted(random, countries), device, source: pickWeighted(random, SOURCE_MIX) }, 1, sampleWatchSeconds(random, MEDIAN_WATCH_SECONDS[device]));
    }
    const tvLocal = toLocalTime(hour.getTime(), tv.timeZone);
    const tvWatching = tvLocal.weekday <= 4 && tvLocal.hour >= 9 && tvLocal.hour < 17;
    if (tvWatching) addView(cells, { cameraId: camera.id, hour, country: tv.country, device: 'smart-tv', source: 'direct' }, tvLocal.hour === 9 ? 1 : 0, 3600);
    const day = Math.floor(ms / DAY_MS) * DAY_MS;
    viewsByDay.set(day, (viewsByDay.get(day) ?? 0) + views + (tvWatching && tvLocal.hour === 9 ? 1 : 0));
    appendPreviewFetches(batch, camera.id, hour, random);
  }
  for (const cell of cells.values()) batch.views.push(cell);
  appendHourTotals(batch, [...cells.values()]);
  for (const [day, views] of viewsByDay) {
    if (views > 0) batch.visitors.push({ cameraId: camera.id, day: new Date(day), visitors: Math.max(1, Math.round(views * (0.6 + 0.15 * random()))) });
  }
}

// Up to 3.5× more viewers within about an hour of the camera's own sunrise and sunset.
function sunBoost(ms: number, location: { lat: number; lon: number }): number {
  const sun = getSunTimes(new Date(ms), location.lat, location.lon);
  if ('polar' in sun) return 1;
  const middle = ms + HOUR_MS / 2;
  const peak = (event: Date) => Math.exp(-(((middle - event.getTime()) / 60_000 / SUN_PEAK_MINUTES) ** 2) / 2);
  return 1 + 2.5 * Math.max(peak(sun.sunrise), peak(sun.sunset));
}

function addView(cells: Map<string, ViewIncrement>, key: Omit<ViewIncrement, 'views' | 'watchSeconds'>, views: number, watchSeconds: number): void {
  const id = `${key.hour.getTime()}|${key.country}|${key.device}|${key.source}`;
  const cell = cells.get(id) ?? { ...key, views: 0, watchSeconds: 0 };
  cell.views += views;
  cell.watchSeconds += watchSeconds;
  cells.set(id, cell);
}

function appendHourTotals(batch: AnalyticsBatch, cells: ViewIncrement[]): void {
  const totals = new Map<number, { cameraId: string; hour: Date; views: number; watchSeconds: number }>();
  for (const cell of cells) {
    const total = totals.get(cell.hour.getTime()) ?? { cameraId: cell.cameraId, hour: cell.hour, views: 0, watchSeconds: 0 };
    total.views += cell.views;
    total.watchSeconds += cell.watchSeconds;
    totals.set(cell.hour.getTime(), total);
  }
  batch.viewHours.push(...totals.values());
}

function appendPreviewFetches(batch: AnalyticsBatch, cameraId: string, hour: Date, random: Random): void {
  for (const { portal, perHour, edgeShare } of PORTALS) {
    const edge = Math.round(perHour * edgeShare);
    batch.previewFetches.push({ cameraId, hour, portal, via: 'edge', fetches: edge }, { cameraId, hour, portal, via: 'origin', fetches: perHour - edge });
  }
  const unknown = samplePoisson(random, 2);
  if (unknown > 0) batch.previewFetches.push({ cameraId, hour, portal: 'unknown', via: 'origin', fetches: unknown });
}
