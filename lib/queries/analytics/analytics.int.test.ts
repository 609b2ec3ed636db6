import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/test-database.ts';
import { getHourlyExport } from './get-hourly-export.ts';
import { getPreviewFetchTotals } from './get-preview-fetch-totals.ts';
import { getPreviewFetchesByPortal } from './get-preview-fetches-by-portal.ts';
import { getViewTotals } from './get-view-totals.ts';
import { getViewsByCountry } from './get-views-by-country.ts';
import { getViewsByDay } from './get-views-by-day.ts';
import { getViewsByDevice } from './get-views-by-device.ts';
import { getViewsByHour } from './get-views-by-hour.ts';
import { getViewsBySource } from './get-views-by-source.ts';
import { getWeekdayHourHeatmap } from './get-weekday-hour-heatmap.ts';
import { createEmptyBatch, EVERY_CAMERA } from './analytics-rows.ts';
import { applyAnalyticsBatch } from './apply-analytics-batch.ts';
import { ensureLocalDayZones } from './ensure-local-day-zones.ts';

// A hand-made weekend across Zurich's spring DST change (2026-03-29 01:00 UTC: 02:00 CET → 03:00
// CEST). Local dates and hours differ from UTC, and from a fixed +1 h, on purpose.
const d = (iso: string) => new Date(iso);
const STATS = [
  ['roof', '2026-03-28T22:00Z', 'CH', 'mobile', 'direct', 2, 200], // Sat 23:00 local
  ['roof', '2026-03-28T22:00Z', 'DE', 'desktop', 'windy.com', 1, 100],
  ['roof', '2026-03-29T00:00Z', 'CH', 'smart-tv', 'direct', 5, 500], // Sun 01:00 CET
  ['roof', '2026-03-29T01:00Z', 'US', 'mobile', 'direct', 7, 700], // Sun 03:00 CEST
  ['roof', '2026-03-29T22:00Z', 'CH', 'desktop', 'webcams.example', 11, 1100], // Mon 00:00 CEST
  ['other', '2026-03-29T00:00Z', 'FR', 'desktop', 'direct', 100, 9999],
] as const;
const ROOF = { cameraId: 'roof', from: d('2026-03-28T00:00Z'), to: d('2026-03-31T00:00Z'), timeZone: 'Europe/Zurich' };

// Written as the site writes: a flush, with the day chart's rollup kept for Zurich.
async function seed(): Promise<void> {
  await ensureLocalDayZones([{ timeZone: 'Europe/Zurich', cameraId: 'roof' }, { timeZone: 'Europe/Zurich', cameraId: EVERY_CAMERA }]);
  const views = STATS.map(([cameraId, hour, country, device, source, views, watchSeconds]) => ({ cameraId, hour: d(hour), country, device, source, views, watchSeconds }));
  const hours = new Map<string, { cameraId: string; hour: Date; views: number; watchSeconds: number }>();
  for (const [cameraId, hour, , , , views, watchSeconds] of STATS) {
    const row = hours.get(cameraId + hour) ?? { cameraId, hour: d(hour), views: 0, watchSeconds: 0 };
    row.views += views;
    row.watchSeconds += watchSeconds;
    hours.set(cameraId + hour, row);
  }
  await applyAnalyticsBatch({
    ...createEmptyBatch(),
    views,
    viewHours: [...hours.values()],
    visitors: [{ cameraId: 'roof', day: d('2026-03-28T00:00Z'), visitors: 3 }, { cameraId: 'roof', day: d('2026-03-29T00:00Z'), visitors: 9 }, { cameraId: 'other', day: d('2026-03-29T00:00Z'), visitors: 50 }, { cameraId: 'roof', day: d('2026-04-01T00:00Z'), visitors: 1000 }],
    previewFetches: [
      { cameraId: 'roof', hour: d('2026-03-28T22:00Z'), portal: 'windy', via: 'origin', fetches: 4 },
      { cameraId: 'roof', hour: d('2026-03-28T22:00Z'), portal: 'windy', via: 'edge', fetches: 6 },
      { cameraId: 'roof', hour: d('2026-03-29T01:00Z'), portal: 'windy', via: 'edge', fetches: 10 },
      { cameraId: 'roof', hour: d('2026-03-29T01:00Z'), portal: 'unknown', via: 'origin', fetches: 1 },
      { cameraId: 'other', hour: d('2026-03-29T01:00Z'), portal: 'windy', via: 'origin', fetches: 99 },
    ],
  });
}

describeEachDatabase('analytics queries', () => {
  it('totals views, watch time and daily visitors of one camera or all', async () => {
    await seed();
    expect(await getViewTotals(ROOF)).toEqual({ views: 26, watchSeconds: 2600, visitors: 12 });
    expect(await getViewTotals({ ...ROOF, cameraId: null })).toEqual({ views: 126, watchSeconds: 12599, visitors: 62 });
    expect(await getViewTotals({ ...ROOF, from: d('2026-03-29T01:00Z'), to: d('2026-03-29T22:00Z') })).toEqual({ views: 7, watchSeconds: 700, visitors: 0 });
    expect(await getViewTotals({ ...ROOF, from: d('2026-03-28T23:00Z'), to: d('2026-03-29T22:00Z') })).toEqual({ views: 12, watchSeconds: 1200, visitors: 9 });
  });

  it('lists the hours that had views', async () => {
    expect(await getViewsByHour(ROOF)).toEqual([
      { hour: Date.parse('2026-03-28T22:00Z'), views: 3, watchSeconds: 300 },
      { hour: Date.parse('2026-03-29T00:00Z'), views: 5, watchSeconds: 500 },
      { hour: Date.parse('2026-03-29T01:00Z'), views: 7, watchSeconds: 700 },
      { hour: Date.parse('2026-03-29T22:00Z'), views: 11, watchSeconds: 1100 },
    ]);
    expect((await getViewsByHour({ ...ROOF, cameraId: null }))[1]).toEqual({ hour: Date.parse('2026-03-29T00:00Z'), views: 105, watchSeconds: 10499 });
  });

  it('buckets days in the camera’s local time across the DST change', async () => {
    expect(await getViewsByDay(ROOF)).toEqual([
      { date: '2026-03-28', views: 3, watchSeconds: 300 },
      { date: '2026-03-29', views: 12, watchSeconds: 1200 },
      { date: '2026-03-30', views: 11, watchSeconds: 1100 },
    ]);
    // The same rows seen from UTC fall on other days.
    expect((await getViewsByDay({ ...ROOF, timeZone: 'UTC' })).map((r) => [r.date, r.views])).toEqual([
      ['2026-03-28', 3],
      ['2026-03-29', 23],
    ]);
  });

  it('fills the weekday × local hour heatmap, CET before the change and CEST after', async () => {
    const cells = await getWeekdayHourHeatmap(ROOF);
    expect(cells).toHaveLength(168);
    const hot = cells.filter((c) => c.views > 0).map((c) => [c.weekday, c.hour, c.views]);
    expect(hot).toEqual([
      [0, 0, 11], // Monday 00:00 CEST
      [5, 23, 3], // Saturday 23:00 CET
      [6, 1, 5], // Sunday 01:00 CET
      [6, 3, 7], // Sunday 03:00 CEST (02:00 did not exist)
    ]);
  });

  it('ranks countries, devices and sources', async () => {
    expect(await getViewsByCountry(ROOF)).toEqual([
      { country: 'CH', views: 18, watchSeconds: 1800 },
      { country: 'US', views: 7, watchSeconds: 700 },
      { country: 'DE', views: 1, watchSeconds: 100 },
    ]);
    expect((await getViewsByDevice(ROOF)).map((r) => [r.device, r.views])).toEqual([
      ['desktop', 12],
      ['mobile', 9],
      ['smart-tv', 5],
    ]);
    expect((await getViewsBySource(ROOF)).map((r) => [r.source, r.views])).toEqual([
      ['direct', 14],
      ['webcams.example', 11],
      ['windy.com', 1],
    ]);
    expect((await getViewsByCountry({ ...ROOF, cameraId: null }))[0]).toEqual({ country: 'FR', views: 100, watchSeconds: 9999 });
  });

  it('counts preview.jpg fetches per portal and local day, origin and edge together', async () => {
    expect(await getPreviewFetchesByPortal(ROOF)).toEqual([
      { portal: 'unknown', date: '2026-03-29', origin: 1, edge: 0 },
      { portal: 'windy', date: '2026-03-28', origin: 4, edge: 6 },
      { portal: 'windy', date: '2026-03-29', origin: 0, edge: 10 },
    ]);
    expect(await getPreviewFetchTotals(ROOF)).toEqual([
      { portal: 'windy', origin: 4, edge: 16 },
      { portal: 'unknown', origin: 1, edge: 0 },
    ]);
    expect(await getPreviewFetchTotals({ ...ROOF, cameraId: null })).toEqual([
      { portal: 'windy', origin: 103, edge: 16 },
      { portal: 'unknown', origin: 1, edge: 0 },
    ]);
  });

  it('exports the hourly table of the range', async () => {
    const rows = await getHourlyExport({ ...ROOF, from: d('2026-03-29T00:00Z') });
    expect(rows.map((r) => [r.hour.toISOString(), r.country, r.views])).toEqual([
      ['2026-03-29T00:00:00.000Z', 'CH', 5],
      ['2026-03-29T01:00:00.000Z', 'US', 7],
      ['2026-03-29T22:00:00.000Z', 'CH', 11],
    ]);
  });
});
