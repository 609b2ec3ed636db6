// npm run bench:dashboard [-- --db <file> (reuse a seeded database)] [--runs 20] [--queries-only]
// A year of demo data for 3 cameras (npm run analytics:demo and demo health events), then each
// dashboard query's median and p95 over the 1-year range (shorter where the page asks less), and the full /dashboard server render
// (the HTML through the site server). Targets: ≤ 50 ms a query, ≤ 300 ms the page. Baselines from
// the same run: a one-row query, and the login page's render.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '20' }, 'queries-only': { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'lookout-bench-dashboard-'));
const config = join(dir, 'cameras.json');
writeFileSync(
  config,
  JSON.stringify({
    defaultCamera: 'roof',
    cameras: [
      { id: 'roof', name: 'Rooftop', source: 'test:', timezone: 'Europe/Zurich', location: { lat: 47.37, lon: 8.54 } },
      { id: 'lake', name: 'Lake', source: 'test:', timezone: 'America/Denver', location: { lat: 39.74, lon: -104.99 } },
      { id: 'bay', name: 'Bay', source: 'test:', timezone: 'Australia/Hobart', location: { lat: -42.88, lon: 147.33 } },
    ],
  }),
);
const db = resolve(values.db ?? join(dir, 'lookout.db'));
const env = { ...process.env, LOOKOUT_CONFIG: config, DATABASE_URL: `file:${db}`, NEXT_TELEMETRY_DISABLED: '1' };
Object.assign(process.env, { LOOKOUT_CONFIG: config, DATABASE_URL: `file:${db}` }); // before lib/env is first read

function run(args: string[]): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], { env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
}
if (!values.db) {
  console.log(`seeding a year for 3 cameras into ${db} (takes minutes)…`);
  run(['scripts/analytics-demo.ts', '--days', '365']);
  run(['scripts/health-demo.ts', '--days', '365']);
}

const { quantile } = await import('../lib/testing/quantile.ts');
const { getChartRange } = await import('../lib/dashboard/periods.ts');
const queries = {
  getViewTotals: (await import('../lib/queries/analytics/get-view-totals.ts')).getViewTotals,
  getViewsByHour: (await import('../lib/queries/analytics/get-views-by-hour.ts')).getViewsByHour,
  getViewsByDay: (await import('../lib/queries/analytics/get-views-by-day.ts')).getViewsByDay,
  getWeekdayHourHeatmap: (await import('../lib/queries/analytics/get-weekday-hour-heatmap.ts')).getWeekdayHourHeatmap,
  getViewsByCountry: (await import('../lib/queries/analytics/get-views-by-country.ts')).getViewsByCountry,
  getViewsByDevice: (await import('../lib/queries/analytics/get-views-by-device.ts')).getViewsByDevice,
  getViewsBySource: (await import('../lib/queries/analytics/get-views-by-source.ts')).getViewsBySource,
  getPreviewFetchTotals: (await import('../lib/queries/analytics/get-preview-fetch-totals.ts')).getPreviewFetchTotals,
  getPreviewFetchesByPortal: (await import('../lib/queries/analytics/get-preview-fetches-by-portal.ts')).getPreviewFetchesByPortal,
  getHourlyExport: (await import('../lib/queries/analytics/get-hourly-export.ts')).getHourlyExport,
} as const;
const { getStreamHealth } = await import('../lib/queries/analytics/get-stream-health.ts');
const { hasOwnerPassword, setOwnerPasswordHash } = await import('../lib/queries/owner.ts');
const { createSession } = await import('../lib/queries/sessions.ts');

async function time(fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
// Other jobs on this 2-core machine move every figure: each table says how busy it was.
const load = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;

const range = getChartRange('1y', Date.now(), 'Europe/Zurich');
const baseline = await time(() => hasOwnerPassword());
console.log(`\nqueries over 1 year (${runs} runs each; baseline one-row query: median ${baseline.median.toFixed(2)} ms; ${load()})`);
console.log('query                            camera     median       p95   ×baseline');
// As the page asks: the heatmap over 4 weeks, per-day portal bars and hourly points over 30 days
// at most (a year is charted by day); the rest a year.
const WINDOW: Record<string, number> = { getWeekdayHourHeatmap: 28, getPreviewFetchesByPortal: 30, getViewsByHour: 30 };
const { getLocalMidnight } = await import('../lib/time-zone.ts');
const windowFrom = (name: string) =>
  name === 'getViewsByHour' ? new Date(range.to.getTime() - WINDOW[name]! * 86_400_000) : new Date(getLocalMidnight(Date.now(), 'Europe/Zurich', WINDOW[name]! - 1));
const rows: [string, string, () => Promise<unknown>][] = [];
for (const [name, fn] of Object.entries(queries)) {
  const from = WINDOW[name] ? windowFrom(name) : range.from;
  const label = WINDOW[name] ? `${name} (${WINDOW[name]} d)` : name;
  for (const cameraId of ['roof', null]) rows.push([label, cameraId ?? 'all', () => fn({ cameraId, from, to: range.to, timeZone: 'Europe/Zurich' })]);
}
rows.push(['getStreamHealth', 'roof', () => getStreamHealth({ cameraId: 'roof', from: range.from, to: range.to, timeZone: 'Europe/Zurich' })]);
let worst = 0;
for (const [name, camera, fn] of rows) {
  const t = await time(fn);
  if (name !== 'getHourlyExport') worst = Math.max(worst, t.p95);
  console.log(`${name.padEnd(32)} ${camera.padEnd(6)} ${fmt(t.median)} ${fmt(t.p95)}   ${(t.median / baseline.median).toFixed(0).padStart(6)}×`);
}
console.log(`worst p95 of the page's queries: ${worst.toFixed(1)} ms (target ≤ 50 ms; the CSV export is a download, not part of the page; ${load()})`);
if (values['queries-only']) process.exit(0);

// The page, through the real site server (the worker is not started: its status reads "down").
const { hashPassword } = await import('../lib/auth/password.ts');
const { createSessionToken, hashSessionToken, SESSION_COOKIE } = await import('../lib/auth/session-token.ts');
const { freePort } = await import('../lib/testing/child-process.ts');
const { waitFor } = await import('../lib/testing/wait-for.ts');
await setOwnerPasswordHash(await hashPassword('bench password 1'));
const token = createSessionToken();
await createSession(hashSessionToken(token));
const built = spawnSync('bash', ['-c', 'source scripts/system-deps.sh && ensure_site_build'], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('site build failed');
const port = await freePort();
const site = spawn(process.execPath, ['.build/site.mjs'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN_PORT: String(await freePort()), NODE_ENV: 'production' }, stdio: 'ignore' });
try {
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/dashboard/login`).catch(() => null))?.ok, { timeoutMs: 60_000, what: 'the site' });
  let htmlBytes = 0;
  const page = (path: string) => async () => {
    const response = await fetch(base + path, { headers: { Cookie: `${SESSION_COOKIE}=${token}` }, redirect: 'manual' });
    const body = await response.text();
    if (response.status !== 200 || (!path.includes('login') && !body.includes('data-testid="dashboard"'))) throw new Error(`${path} answered ${response.status}`);
    htmlBytes = Buffer.byteLength(body);
  };
  const login = await time(page('/dashboard/login'));
  console.log(`\nfull server render, HTML received (${runs} runs each; baseline /dashboard/login: median ${login.median.toFixed(1)} ms; ${load()})`);
  console.log('page                                   median       p95   ×baseline    HTML');
  for (const path of ['/dashboard?range=24h', '/dashboard?range=7d', '/dashboard?range=30d', '/dashboard?range=1y', '/dashboard/cameras/roof?range=1y']) {
    const t = await time(page(path));
    console.log(`${path.padEnd(36)} ${fmt(t.median)} ${fmt(t.p95)}   ${(t.median / login.median).toFixed(1).padStart(6)}×  ${(htmlBytes / 1024).toFixed(0).padStart(4)} KiB`);
  }
  console.log(`target: ≤ 300 ms for the page (${load()})`);
  // The CSV download of the whole year, all cameras: time to the first byte and to the last.
  const { toLocalTime } = await import('../lib/time-zone.ts');
  const exportPath = `/api/admin/export?from=${toLocalTime(range.from.getTime(), 'Europe/Zurich').date}&to=${toLocalTime(Date.now(), 'Europe/Zurich').date}`;
  const firstByte: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const response = await fetch(base + exportPath, { headers: { Cookie: `${SESSION_COOKIE}=${token}` } });
    const reader = response.body!.getReader();
    let bytes = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      if (bytes === 0) firstByte.push(performance.now() - start);
      bytes += next.value.byteLength;
    }
    whole.push(performance.now() - start);
    if (response.status !== 200 || bytes < 1_000_000) throw new Error(`the export answered ${response.status} with ${bytes} bytes`);
  }
  console.log(`CSV export of the year, all cameras (3 runs): first byte ${fmt(quantile(firstByte, 0.5))}, whole file ${fmt(quantile(whole, 0.5))} (median)`);
} finally {
  site.kill('SIGTERM');
}
process.exit(0);
