// npm run bench:analytics — beacons/s through the real HTTP endpoint into SQLite, against a naive
// one-write-per-beacon path in the same run; page and playlist p99 with and without that load;
// the database size after the demo year. Prints figures, asserts nothing.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startLookout } from '../lib/testing/lookout-process.ts';
import { quantile } from '../lib/testing/quantile.ts';
import type { BeaconLoadResult } from '../lib/testing/beacon-load.ts';

const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
process.env.ANALYTICS_FLUSH_SECONDS = '2';
const lookout = await startLookout('bench-analytics');
const dbFile = join(lookout.dir, 'lookout.db');
const camera = 'test';

async function probeLatency(url: string, seconds: number): Promise<number[]> {
  const times: number[] = [];
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return times;
}

function runLoad(seconds: number): Promise<BeaconLoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'lib/testing/beacon-load.ts', lookout.siteUrl, camera, '64', String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as BeaconLoadResult) : reject(new Error(`beacon load exited ${code}`))));
  });
}

// CPU seconds (user + system) the site process has used: figures per beacon stay comparable on
// a busy machine, where wall-clock rates mostly measure the neighbours.
function sitePid(): number {
  const line = execFileSync('ss', ['-ltnpH', `sport = :${lookout.port}`], { encoding: 'utf8' });
  return Number(/pid=(\d+)/.exec(line)?.[1]);
}
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
}

const sumViews = () => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT COALESCE(SUM(views),0) v FROM ViewHour').get() as { v: number }).v;
  } finally {
    db.close();
  }
};

// Naive: one Prisma write per beacon (an upsert of the view row and the hour row, awaited in turn).
async function runNaive(seconds: number): Promise<{ perSecond: number; cpuMsPer: number }> {
  process.env.DATABASE_URL = `file:${join(lookout.dir, 'naive.db')}`;
  const { applyMigrations } = await import('../lib/db/migrate.ts');
  applyMigrations(join(lookout.dir, 'naive.db'), 'prisma/migrations');
  const { applyAnalyticsBatch } = await import('../lib/queries/analytics/apply-analytics-batch.ts');
  const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  let count = 0;
  const until = Date.now() + seconds * 1000;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  while (Date.now() < until) {
    const row = { cameraId: camera, hour, views: 1, watchSeconds: 5 };
    await applyAnalyticsBatch({ views: [{ ...row, country: 'CH', device: 'desktop', source: 'direct' }], viewHours: [row], visitors: [], visitorHashes: [], previewFetches: [] });
    count++;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { perSecond: count / ((performance.now() - started) / 1000), cpuMsPer: (cpu.user + cpu.system) / 1000 / count };
}

const fmt = (values: number[]) => `p50 ${quantile(values, 0.5).toFixed(1)} ms, p99 ${quantile(values, 0.99).toFixed(1)} ms (${values.length} requests)`;
try {
  const page = `${lookout.siteUrl}/cameras/${camera}`;
  const playlist = `${lookout.siteUrl}/hls/${camera}/index.m3u8`;
  await probeLatency(page, 2); // warm up
  const [quietPage, quietPlaylist] = await Promise.all([probeLatency(page, LOAD_SECONDS), probeLatency(playlist, LOAD_SECONDS)]);
  const viewsBefore = sumViews();
  const pid = sitePid();
  const cpuBefore = cpuSeconds(pid);
  const [load, loadedPage, loadedPlaylist] = await Promise.all([runLoad(LOAD_SECONDS), probeLatency(page, LOAD_SECONDS), probeLatency(playlist, LOAD_SECONDS)]);
  const deadline = Date.now() + 30_000;
  while (sumViews() - viewsBefore < load.starts && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
  const counted = sumViews() - viewsBefore;
  const total = Object.values(load.statuses).reduce((sum, n) => sum + n, 0);
  const cpuMsPerBeacon = ((cpuSeconds(pid) - cpuBefore) * 1000) / total; // includes the page/playlist probes and the flushes
  const naive = await runNaive(Math.min(LOAD_SECONDS, 10));

  const demoDb = join(mkdtempSync(join(tmpdir(), 'lookout-demo-')), 'demo.db');
  const demoOut = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/analytics-demo.ts', '--days', '365'], { env: { ...process.env, DATABASE_URL: `file:${demoDb}`, LOOKOUT_CONFIG: join(lookout.dir, 'none.json') }, encoding: 'utf8' });
  const checkpoint = new Database(demoDb);
  checkpoint.pragma('wal_checkpoint(TRUNCATE)');
  checkpoint.close();
  const demoBytes = statSync(demoDb).size;

  console.log(`\nbench:analytics (${LOAD_SECONDS} s of load, 64 keep-alive connections, one camera; each viewer its own address via X-Forwarded-For from the trusted loopback edge, so the per-client limit applies as in production; flush every ${process.env.ANALYTICS_FLUSH_SECONDS} s)`);
  console.log(`beacons through POST /api/beacon: ${Math.round(load.perSecond).toLocaleString('en')}/s sustained, 204s only (statuses ${JSON.stringify(load.statuses)}, ${load.errors} socket errors)`);
  console.log(`  views counted in SQLite: ${counted} of ${load.starts} accepted starts`);
  console.log(`  site CPU per beacon: ${cpuMsPerBeacon.toFixed(2)} ms (HTTP, classification, rollup and its flushes) → ${Math.round(1000 / cpuMsPerBeacon).toLocaleString('en')} beacons per CPU-second`);
  console.log(`naive one-write-per-beacon (Prisma upserts, awaited in turn, same run): ${Math.round(naive.perSecond).toLocaleString('en')}/s, ${naive.cpuMsPer.toFixed(2)} ms CPU each (database work only)`);
  console.log(`  endpoint vs naive: ${(load.perSecond / naive.perSecond).toFixed(1)}× by wall clock, ${(naive.cpuMsPer / cpuMsPerBeacon).toFixed(1)}× by CPU per beacon`);
  console.log(`load average during the run: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} on ${availableParallelism()} cores`);
  console.log(`page ${page.replace(lookout.siteUrl, '')}:      quiet ${fmt(quietPage)} | under beacon load ${fmt(loadedPage)}`);
  console.log(`playlist ${playlist.replace(lookout.siteUrl, '')}: quiet ${fmt(quietPlaylist)} | under beacon load ${fmt(loadedPlaylist)}`);
  console.log(`demo year (1 camera): ${(demoBytes / 1e6).toFixed(1)} MB after checkpoint\n${demoOut.trim().replace(/^/gm, '  ')}`);
} finally {
  await lookout.stop();
}
