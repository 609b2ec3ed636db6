// npm run analytics:demo -- --days 365 [--seed 13] [--views-per-hour 8]
// Replaces the configured cameras' analytics for the last N days with a synthetic history, a
// week per transaction, so a running site's flushes are never held for long.
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDemoHistory } from '../lib/analytics/demo/generate-demo-history.ts';
import { listDashboardZones } from '../lib/dashboard/dashboard-zones.ts';
import { startOfUtcDay } from '../lib/queries/analytics/view-days.ts';
import { DAY_MS, floorToHour } from '../lib/time-zone.ts';
import { getConfig } from '../lib/config/index.ts';
import { getEnv } from '../lib/env.ts';
import { applyMigrations, sqliteFileFromUrl } from '../lib/db/migrate.ts';
import { ensureLocalDayZones } from '../lib/queries/analytics/ensure-local-day-zones.ts';
import { replaceAnalyticsHistory } from '../lib/queries/analytics/replace-analytics-history.ts';

const { values } = parseArgs({ options: { days: { type: 'string', default: '365' }, seed: { type: 'string', default: '13' }, 'views-per-hour': { type: 'string', default: '8' } } });
const days = Number(values.days);
const seed = Number(values.seed);
const viewsPerHour = Number(values['views-per-hour']);
if (!Number.isInteger(days) || days < 1 || days > 3660 || !Number.isFinite(seed) || !(viewsPerHour > 0)) {
  console.error('usage: npm run analytics:demo -- --days <1-3660> [--seed <n>] [--views-per-hour <n>]');
  process.exit(2);
}

const file = sqliteFileFromUrl(getEnv().DATABASE_URL);
applyMigrations(file, 'prisma/migrations');
const config = getConfig();
const cameras = config.cameras;
const to = new Date(floorToHour(Date.now()));
const from = new Date(startOfUtcDay(new Date()).getTime() - days * DAY_MS);

const started = performance.now();
const batch = generateDemoHistory(cameras, { from, to, seed, viewsPerHour });
const generated = performance.now();
// The dashboard zones are listed first, so the history's rebuild of ViewLocalDay covers them.
await ensureLocalDayZones(listDashboardZones(config));
let slices = 0;
let longest = 0;
let sliceStarted = performance.now();
await replaceAnalyticsHistory({
  cameraIds: cameras.map((c) => c.id),
  from,
  to,
  batch,
  onSlice: () => {
    slices++;
    longest = Math.max(longest, performance.now() - sliceStarted);
    sliceStarted = performance.now();
  },
});
const written = performance.now();

const views = batch.viewHours.reduce((sum, row) => sum + row.views, 0);
const watchHours = batch.viewHours.reduce((sum, row) => sum + row.watchSeconds, 0) / 3600;
const fetches = batch.previewFetches.reduce((sum, row) => sum + row.fetches, 0);
const size = (['', '-wal'] as const).reduce((sum, suffix) => sum + (statSync(file + suffix, { throwIfNoEntry: false })?.size ?? 0), 0);
const rows = batch.views.length + batch.viewHours.length + batch.visitors.length + batch.previewFetches.length;
console.log(`Demo analytics for ${cameras.map((c) => c.id).join(', ')}: ${days} days (${from.toISOString()} → ${to.toISOString()})`);
console.log(`  ${views.toLocaleString('en')} views, ${Math.round(watchHours).toLocaleString('en')} h watched, ${fetches.toLocaleString('en')} preview fetches`);
console.log(`  rows: ViewStat ${batch.views.length}, ViewHour ${batch.viewHours.length}, VisitorDay ${batch.visitors.length}, PreviewFetchStat ${batch.previewFetches.length}, and their daily rollups`);
console.log(`  generated in ${((generated - started) / 1000).toFixed(1)} s; written in ${((written - generated) / 1000).toFixed(1)} s (${Math.round(rows / ((written - generated) / 1000)).toLocaleString('en')} hourly rows/s) in ${slices} transactions of a week, the longest ${(longest / 1000).toFixed(2)} s; ${file} is ${(size / 1e6).toFixed(1)} MB`);
process.exit(0);
