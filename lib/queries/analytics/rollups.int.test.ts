import { expect, it } from 'vitest';
import { generateDemoHistory } from '../../analytics/demo/generate-demo-history.ts';
import { getDb } from '../../db.ts';
import { getMidnightOfLocalDate, toLocalTime } from '../../time-zone.ts';
import { describeEachDatabase } from '../testing/test-database.ts';
import { createEmptyBatch, EVERY_CAMERA, type AnalyticsBatch } from './analytics-rows.ts';
import { applyAnalyticsBatch } from './apply-analytics-batch.ts';
import { ensureLocalDayZones } from './ensure-local-day-zones.ts';
import { getPreviewFetchesByPortal } from './get-preview-fetches-by-portal.ts';
import { getPreviewFetchTotals } from './get-preview-fetch-totals.ts';
import { getViewsByDay } from './get-views-by-day.ts';
import { sumViewsBy } from './sum-views-by.ts';
import { replaceAnalyticsHistory } from './replace-analytics-history.ts';
import { hasBuiltLocalDays } from './view-local-days.ts';

// Twelve days over Zurich's spring DST change (29 March) and Hobart's autumn one (5 April),
// written every way the site writes: demo history in two parts, live flushes between them, and a
// zone whose rollup is built afterwards from the tables. Every fast path must then answer exactly
// what the detailed hourly tables say.
const d = (iso: string) => new Date(iso);
const FROM = d('2026-03-25T05:00Z');
const TO = d('2026-04-06T00:00Z');
const LIVE = { from: d('2026-03-30T00:00Z'), to: d('2026-03-31T12:00Z') };
const CAMERAS = [
  { id: 'roof', timezone: 'Europe/Zurich' },
  { id: 'lake', timezone: 'America/Denver' },
  { id: 'bay', timezone: 'Australia/Hobart' },
];
const history = generateDemoHistory(CAMERAS, { from: FROM, to: TO, viewsPerHour: 3 });

function slice(batch: AnalyticsBatch, from: Date, to: Date, cameraIds: string[]): AnalyticsBatch {
  const keep = (r: { cameraId: string; hour: Date }) => cameraIds.includes(r.cameraId) && r.hour >= from && r.hour < to;
  return { ...createEmptyBatch(), views: batch.views.filter(keep), viewHours: batch.viewHours.filter(keep), previewFetches: batch.previewFetches.filter(keep) };
}

async function writeHistory(): Promise<void> {
  await ensureLocalDayZones([{ timeZone: 'Europe/Zurich', cameraId: 'roof' }, { timeZone: 'America/Denver', cameraId: 'lake' }, { timeZone: 'Europe/Zurich', cameraId: EVERY_CAMERA }]);
  const demo = ['roof', 'lake'];
  await replaceAnalyticsHistory({ cameraIds: demo, from: FROM, to: LIVE.from, batch: slice(history, FROM, LIVE.from, demo) });
  await replaceAnalyticsHistory({ cameraIds: demo, from: LIVE.to, to: TO, batch: slice(history, LIVE.to, TO, demo) });
  const live = slice(history, LIVE.from, LIVE.to, demo);
  const half = (rows: { hour: Date }[], first: boolean) => rows.filter((r) => (r.hour.getTime() < Date.parse('2026-03-30T20:00Z')) === first);
  for (const first of [true, false]) await applyAnalyticsBatch({ ...live, views: half(live.views, first) as typeof live.views, viewHours: half(live.viewHours, first) as typeof live.viewHours, previewFetches: half(live.previewFetches, first) as typeof live.previewFetches });
  await applyAnalyticsBatch(slice(history, FROM, TO, ['bay'])); // a camera only the every-camera pair covers, one big flush
}

// The references: the hourly tables, bucketed here.
async function daysFromHours(cameraId: string | null, from: Date, to: Date, timeZone: string) {
  const rows = await getDb().viewHour.findMany({ where: { ...(cameraId ? { cameraId } : {}), hour: { gte: from, lt: to } } });
  const days = new Map<string, { date: string; views: number; watchSeconds: number }>();
  for (const row of rows) {
    const date = toLocalTime(row.hour.getTime(), timeZone).date;
    const day = days.get(date) ?? { date, views: 0, watchSeconds: 0 };
    day.views += row.views;
    day.watchSeconds += row.watchSeconds;
    days.set(date, day);
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

async function fetchesFromHours(cameraId: string | null, from: Date, to: Date, timeZone: string) {
  const rows = await getDb().previewFetchStat.findMany({ where: { ...(cameraId ? { cameraId } : {}), hour: { gte: from, lt: to } } });
  const byDay = new Map<string, { portal: string; date: string; origin: number; edge: number }>();
  const totals = new Map<string, { portal: string; origin: number; edge: number }>();
  for (const row of rows) {
    const date = toLocalTime(row.hour.getTime(), timeZone).date;
    const day = byDay.get(`${row.portal} ${date}`) ?? { portal: row.portal, date, origin: 0, edge: 0 };
    const total = totals.get(row.portal) ?? { portal: row.portal, origin: 0, edge: 0 };
    day[row.via as 'origin' | 'edge'] += row.fetches;
    total[row.via as 'origin' | 'edge'] += row.fetches;
    byDay.set(`${row.portal} ${date}`, day);
    totals.set(row.portal, total);
  }
  return {
    byDay: [...byDay.values()].sort((a, b) => a.portal.localeCompare(b.portal) || a.date.localeCompare(b.date)),
    totals: [...totals.values()].sort((a, b) => b.origin + b.edge - (a.origin + a.edge) || a.portal.localeCompare(b.portal)),
  };
}

async function dimensionFromHours(dimension: 'country' | 'device' | 'source', cameraId: string | null, from: Date, to: Date) {
  const rows = await getDb().viewStat.findMany({ where: { ...(cameraId ? { cameraId } : {}), hour: { gte: from, lt: to } } });
  const sums = new Map<string, { key: string; views: number; watchSeconds: number }>();
  for (const row of rows) {
    const sum = sums.get(row[dimension]) ?? { key: row[dimension], views: 0, watchSeconds: 0 };
    sum.views += row.views;
    sum.watchSeconds += row.watchSeconds;
    sums.set(row[dimension], sum);
  }
  return [...sums.values()].sort((a, b) => b.views - a.views || b.watchSeconds - a.watchSeconds || a.key.localeCompare(b.key));
}

function rangesIn(timeZone: string): [Date, Date][] {
  const midnight = (date: string) => new Date(getMidnightOfLocalDate(date, timeZone));
  return [
    [midnight('2026-03-26'), midnight('2026-04-04')], // whole local days, over the DST change
    [d('2026-03-25T07:00Z'), d('2026-04-03T13:00Z')], // partial days at both ends
    [midnight('2026-03-27'), d('2026-04-05T10:00Z')], // as the page asks: local midnight to an hour
    [d('2026-03-29T00:00Z'), d('2026-03-29T05:00Z')], // no whole day
    [d('2026-03-01T00:00Z'), d('2026-05-01T00:00Z')], // all of it
  ];
}

async function expectSameAsHourly(cameraId: string | null, timeZone: string): Promise<void> {
  for (const [from, to] of rangesIn(timeZone)) {
    const range = { cameraId, from, to, timeZone };
    expect(await getViewsByDay(range)).toEqual(await daysFromHours(cameraId, from, to, timeZone));
    const fetches = await fetchesFromHours(cameraId, from, to, timeZone);
    expect(await getPreviewFetchesByPortal(range)).toEqual(fetches.byDay);
    expect(await getPreviewFetchTotals(range)).toEqual(fetches.totals);
    for (const dimension of ['country', 'device', 'source'] as const) expect(await sumViewsBy(dimension, range)).toEqual(await dimensionFromHours(dimension, cameraId, from, to));
  }
}

describeEachDatabase('rollups against the hourly tables', () => {
  it('answer exactly what the hourly tables say, in each kept zone, over DST changes', async () => {
    await writeHistory();
    expect(history.views.length).toBeGreaterThan(1000);
    for (const [cameraId, timeZone] of [['roof', 'Europe/Zurich'], ['lake', 'America/Denver'], ['bay', 'Europe/Zurich'], [null, 'Europe/Zurich']] as const) {
      expect(await hasBuiltLocalDays(cameraId, timeZone)).toBe(true);
      await expectSameAsHourly(cameraId, timeZone);
    }
  });

  it('serves a zone only once built, and a zone built from the tables afterwards matches too', async () => {
    expect(await hasBuiltLocalDays('bay', 'Australia/Hobart')).toBe(false);
    await expectSameAsHourly('bay', 'Australia/Hobart'); // from the hourly tables alone
    expect(await hasBuiltLocalDays('lake', 'UTC')).toBe(false);
    await expectSameAsHourly('lake', 'UTC');
    await ensureLocalDayZones([{ timeZone: 'Europe/Zurich', cameraId: 'roof' }, { timeZone: 'Europe/Zurich', cameraId: EVERY_CAMERA }, { timeZone: 'Australia/Hobart', cameraId: 'bay' }]);
    expect(await hasBuiltLocalDays('bay', 'Australia/Hobart')).toBe(true);
    await expectSameAsHourly('bay', 'Australia/Hobart');
    // Denver is no longer a dashboard zone: its pair and rows are gone, and it is answered from hours.
    expect(await hasBuiltLocalDays('lake', 'America/Denver')).toBe(false);
    expect(await getDb().viewLocalDay.count({ where: { timeZone: 'America/Denver' } })).toBe(0);
    await expectSameAsHourly('lake', 'America/Denver');
  });

  it('reads the rollups, not the hourly tables, where they are kept', async () => {
    const date = toLocalTime(Date.parse('2026-04-01T12:00Z'), 'Europe/Zurich').date;
    const range = { cameraId: 'roof', from: new Date(getMidnightOfLocalDate('2026-03-30', 'Europe/Zurich')), to: new Date(getMidnightOfLocalDate('2026-04-03', 'Europe/Zurich')), timeZone: 'Europe/Zurich' };
    const before = (await getViewsByDay(range)).find((r) => r.date === date)!;
    await getDb().viewLocalDay.update({ where: { timeZone_cameraId_date: { timeZone: 'Europe/Zurich', cameraId: 'roof', date } }, data: { views: { increment: 1000 } } });
    expect((await getViewsByDay(range)).find((r) => r.date === date)!.views).toBe(before.views + 1000);
    await getDb().viewDimensionDay.updateMany({ where: { cameraId: 'roof', dimension: 'device', day: d('2026-04-01T00:00Z') }, data: { views: { increment: 7 } } });
    const devices = await sumViewsBy('device', { ...range, from: d('2026-04-01T00:00Z'), to: d('2026-04-02T00:00Z') });
    expect(devices.reduce((sum, r) => sum + r.views, 0)).toBe((await dimensionFromHours('device', 'roof', d('2026-04-01T00:00Z'), d('2026-04-02T00:00Z'))).reduce((sum, r) => sum + r.views, 0) + 7 * devices.length);
  });
});
