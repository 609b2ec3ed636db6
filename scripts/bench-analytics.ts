// npm run bench:analytics — beacons/s through the real HTTP endpoint into SQLite, against a naive
// one-write-per-beacon path in the same run; page and playlist p99 with and without that load;
// the database size after the demo year. Prints figures, asserts nothing. Throughput is its own
// phase: timing pages meanwhile would take the site's one thread from the beacons it measures
// (and each probe waits behind the flood), so the flood runs again while pages are timed.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { startLookout } from '../lib/testing/lookout-process.ts';
import { quantile } from '../lib/testing/quantile.ts';
import type { BeaconLoadResult } from '../lib/testing/beacon-load.ts';
import { compareCpuSnapshots, formatCpuCensus, takeCpuSnapshot, type CpuCensus, type CpuSnapshot } from '../lib/testing/cpu-census.ts';

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

// The load in its own process; `onPhase` hears when it starts and stops sending.
function runLoad(seconds: number, onPhase: (phase: string) => void = () => {}): Promise<BeaconLoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'lib/testing/beacon-load.ts', lookout.siteUrl, camera, '64', String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'started' || line === 'stopped') onPhase(line);
      else last = line;
    });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(last) as BeaconLoadResult) : reject(new Error(`beacon load exited ${code}`))));
  });
}

// CPU of the site, the worker and everything else over exactly the time a load was sending.
async function runCountedLoad(seconds: number, roots: Record<string, number>): Promise<{ load: BeaconLoadResult; census: CpuCensus; before: CpuSnapshot }> {
  let before: CpuSnapshot | undefined;
  let after: CpuSnapshot | undefined;
  const load = await runLoad(seconds, (phase) => (phase === 'started' ? (before = takeCpuSnapshot(roots)) : (after = takeCpuSnapshot(roots))));
  return { load, census: compareCpuSnapshots(before!, after!, { 'load generator': load.cpuSeconds }), before: before! };
}

// The site and the worker, children of the launcher, by what they run.
function childPid(parent: number, script: string): number {
  const children = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim().split(' ').map(Number);
  const pid = children.find((child) => readFileSync(`/proc/${child}/cmdline`, 'utf8').includes(script));
  if (!pid) throw new Error(`no ${script} under pid ${parent}`);
  return pid;
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
const accepted = (load: BeaconLoadResult) => load.statuses[204] ?? 0;
const answered = (load: BeaconLoadResult) => Object.values(load.statuses).reduce((sum, n) => sum + n, 0);

// Until every accepted start is a view in SQLite; how long after the load stopped that was.
async function waitForViews(before: number, load: BeaconLoadResult): Promise<{ counted: number; lagSeconds: number }> {
  while (sumViews() - before < load.starts && Date.now() - load.stoppedAt < 30_000) await new Promise((resolve) => setTimeout(resolve, 50));
  return { counted: sumViews() - before, lagSeconds: (Date.now() - load.stoppedAt) / 1000 };
}

try {
  const page = `${lookout.siteUrl}/cameras/${camera}`;
  const playlist = `${lookout.siteUrl}/hls/${camera}/index.m3u8`;
  const roots = { site: childPid(lookout.pid, 'site.mjs'), 'worker (with ffmpeg)': childPid(lookout.pid, 'worker.mjs') };
  await probeLatency(page, 2); // Next loads the page's modules on first use
  const viewsAtStart = sumViews();
  const warmUp = await runLoad(3); // the JIT, the UA cache, the first flush
  await waitForViews(viewsAtStart, warmUp); // its views are in before the phase counts

  // Phase 1, throughput: the flood alone against Lookout as it runs in production (site, worker
  // and its camera), every accepted view waited for in SQLite.
  const viewsBefore = sumViews();
  const { load: flood, census, before: floodStart } = await runCountedLoad(LOAD_SECONDS, roots);
  const stored = await waitForViews(viewsBefore, flood);
  const siteCpu = compareCpuSnapshots(floodStart, takeCpuSnapshot(roots)).trees.site!; // until the last flush had written
  const siteMsPerBeacon = (siteCpu * 1000) / answered(flood);
  const intoSqlite = accepted(flood) / (flood.seconds + stored.lagSeconds);

  // Phase 2, isolation: page and playlist latency quiet, then under the same flood.
  const [quietPage, quietPlaylist] = await Promise.all([probeLatency(page, LOAD_SECONDS), probeLatency(playlist, LOAD_SECONDS)]);
  const probedBefore = sumViews();
  const [{ load: probed, census: probedCensus }, loadedPage, loadedPlaylist] = await Promise.all([runCountedLoad(LOAD_SECONDS, roots), probeLatency(page, LOAD_SECONDS), probeLatency(playlist, LOAD_SECONDS)]);
  const probedStored = await waitForViews(probedBefore, probed);
  const loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const naive = await runNaive(Math.min(LOAD_SECONDS, 10));

  const demoDb = join(mkdtempSync(join(tmpdir(), 'lookout-demo-')), 'demo.db');
  const demoOut = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/analytics-demo.ts', '--days', '365'], { env: { ...process.env, DATABASE_URL: `file:${demoDb}`, LOOKOUT_CONFIG: join(lookout.dir, 'none.json') }, encoding: 'utf8' });
  const checkpoint = new Database(demoDb);
  checkpoint.pragma('wal_checkpoint(TRUNCATE)');
  checkpoint.close();
  const demoBytes = statSync(demoDb).size;

  const rate = (perSecond: number) => `${Math.round(perSecond).toLocaleString('en')}/s`;
  console.log(`\nbench:analytics (${LOAD_SECONDS} s per phase, 64 keep-alive connections, one camera; each viewer its own address via X-Forwarded-For from the trusted loopback edge, so the per-client limit applies as in production; flush every ${process.env.ANALYTICS_FLUSH_SECONDS} s; a 3 s warm-up flood first)`);
  console.log(`throughput phase (the flood alone; site, worker and test camera running as in production):`);
  console.log(`  beacons through POST /api/beacon: ${rate(flood.perSecond)} sustained, 204s only (statuses ${JSON.stringify(flood.statuses)}, ${flood.errors} socket errors)`);
  console.log(`  views counted in SQLite: ${stored.counted} of ${flood.starts} accepted starts, the last ${stored.lagSeconds.toFixed(1)} s after the load stopped → ${rate(intoSqlite)} counting until then`);
  console.log(`  site CPU per beacon: ${(siteMsPerBeacon * 1000).toFixed(0)} µs (HTTP, classification, rollup and its flushes) → ${Math.round(1000 / siteMsPerBeacon).toLocaleString('en')} beacons per CPU-second`);
  console.log(`  CPU used meanwhile (${availableParallelism()} cores): ${formatCpuCensus(census)}`);
  console.log(`naive one-write-per-beacon (Prisma upserts, awaited in turn, same run): ${rate(naive.perSecond)}, ${naive.cpuMsPer.toFixed(2)} ms CPU each (database work only)`);
  console.log(`  endpoint vs naive: ${(flood.perSecond / naive.perSecond).toFixed(1)}× by wall clock, ${(naive.cpuMsPer / siteMsPerBeacon).toFixed(1)}× by CPU per beacon`);
  console.log(`isolation phase (the same flood while one page and one playlist request at a time are timed): ${rate(probed.perSecond)} beacons, ${probedStored.counted} of ${probed.starts} views counted`);
  console.log(`  CPU used meanwhile: ${formatCpuCensus(probedCensus)} (pages, playlists and beacons share the site's one thread)`);
  console.log(`  page ${page.replace(lookout.siteUrl, '')}:      quiet ${fmt(quietPage)} | under the flood ${fmt(loadedPage)}`);
  console.log(`  playlist ${playlist.replace(lookout.siteUrl, '')}: quiet ${fmt(quietPlaylist)} | under the flood ${fmt(loadedPlaylist)}`);
  console.log(`load average after the phases: ${loadAverage} on ${availableParallelism()} cores`);
  console.log(`demo year (1 camera): ${(demoBytes / 1e6).toFixed(1)} MB after checkpoint\n${demoOut.trim().replace(/^/gm, '  ')}`);
} finally {
  await lookout.stop();
}
