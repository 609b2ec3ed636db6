// npm run bench:player [loads] [--edge] — starts Lookout (site + worker, test camera) on free ports and
// loads the camera page in fresh Chromium contexts. Prints median and p95 of navigation →
// first decoded frame, live latency (wall clock − PROGRAM-DATE-TIME of the frame shown),
// `waiting` events after the first frame, the JavaScript sent, and where the start-up time
// goes (milestones, then a CPU profile of the main thread over 3 more loads). Builds the site
// and the worker first if either is stale. --edge: through the nginx edge (deploy/) instead.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { startEdge } from '../worker/testing/edge-process.ts';
import { startLookout } from '../lib/testing/lookout-process.ts';
import { quantile } from '../lib/testing/quantile.ts';
import { freePort } from '../lib/testing/child-process.ts';
import { installProbe, readProbe, type ProbeResult } from './bench-player-probe.ts';
import { profileLoad, summariseProfiles } from './bench-player-profile.ts';

const args = process.argv.slice(2);
const THROUGH_EDGE = args.includes('--edge');
const LOADS = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
const PAGE = process.env.BENCH_PAGE ?? '/cameras/test';
const WATCH_MS = 10_000;
const lookout = await startLookout('bench-player');
const { port, originPort, siteUrl: base } = lookout;
const edge = THROUGH_EDGE ? await startEdge(join(lookout.dir, 'edge'), { port: await freePort(), site: `127.0.0.1:${port}`, origin: `127.0.0.1:${originPort}` }) : null;
const pageBase = edge?.url ?? base;

function stats(values: number[], digits = 2): string {
  const f = (v: number) => v.toFixed(digits);
  return `median ${f(quantile(values, 0.5))}, p95 ${f(quantile(values, 0.95))} (min ${f(Math.min(...values))}, max ${f(Math.max(...values))})`;
}

// Media pass-through cost: the same file straight from the worker's origin and through Next.
async function timeFetches(url: string, times = 20): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await (await fetch(url)).arrayBuffer();
    ms.push(performance.now() - started);
  }
  return quantile(ms, 0.5);
}
async function comparePassThrough(): Promise<string> {
  const playlist = await (await fetch(`${base}/hls/test/index.m3u8`)).text();
  const segment = playlist.trim().split('\n').filter((l) => l && !l.startsWith('#')).at(-1)!;
  const parts = [];
  for (const file of ['index.m3u8', segment]) {
    const direct = await timeFetches(`http://127.0.0.1:${originPort}/hls/test/${file}`);
    const site = await timeFetches(`${base}/hls/test/${file}`);
    parts.push(`${file.endsWith('.ts') ? 'segment' : 'playlist'} ${direct.toFixed(1)} ms direct vs ${site.toFixed(1)} ms through the site`);
  }
  return parts.join('; ');
}

try {
  await new Promise((r) => setTimeout(r, 6000)); // a full playlist window, as a visitor would find it
  const loadBefore = loadavg()[0]!;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results: ProbeResult[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(installProbe);
    await page.goto(`${pageBase}${PAGE}`);
    await page.waitForFunction(() => (window as unknown as { __probe: { firstFrame?: number } }).__probe.firstFrame, undefined, { timeout: 30_000 });
    await page.waitForTimeout(WATCH_MS);
    results.push(await page.evaluate(readProbe));
    await context.close();
  }
  const profiles = [];
  for (let i = 0; i < 3; i++) profiles.push(await profileLoad(browser, `${pageBase}${PAGE}`));
  await browser.close();
  const passThrough = await comparePassThrough();
  const latencies = results.flatMap((r) => (r.latency === null ? [] : [r.latency]));
  const delays = results.flatMap((r) => r.playlistDelays.slice(1)); // the first playlist is found, not awaited
  console.log(`bench:player — ${LOADS} loads of ${PAGE}${edge ? ' through the nginx edge' : ''}, fresh context each, 2 s segments, loopback; load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
  console.log(`first decoded frame (s): ${stats(results.map((r) => r.firstFrame / 1000))}`);
  console.log(`live latency (s):        ${stats(latencies)}`);
  const waitingAt = results.flatMap((r) => r.waitingAt.map((t) => t.toFixed(1)));
  console.log(`waiting events after first frame (${WATCH_MS / 1000} s watched): total ${waitingAt.length} over ${LOADS} loads${waitingAt.length ? ` (at ${waitingAt.join(', ')} s)` : ''}`);
  console.log(`JavaScript on the page: ${results[0]!.scriptKb.toFixed(0)} kB compressed as sent (${(results[0]!.scriptBytes / 1024).toFixed(0)} kB decoded)`);
  console.log(`new segment → seen by the player (s): ${delays.length ? stats(delays) : 'n/a'}`);
  console.log(`segments fetched in the first ${WATCH_MS / 1000} s: median ${quantile(results.map((r) => r.segmentFetches), 0.5)}, fetched twice: ${results.reduce((a, r) => a + r.segmentRefetches, 0)}`);
  console.log(`main-thread long tasks before the first frame (ms): ${stats(results.map((r) => r.longTaskMs), 0)}`);
  console.log(`media pass-through (median of 20): ${passThrough}`);
  console.log(summariseProfiles(profiles));
  console.log('start-up milestones, ms after navigation start (median, p95):');
  for (const name of Object.keys(results[0]!.milestones)) {
    const values = results.map((r) => r.milestones[name]).filter((v): v is number => v !== undefined);
    console.log(`  ${name.padEnd(22)} ${quantile(values, 0.5).toFixed(0).padStart(5)} ${quantile(values, 0.95).toFixed(0).padStart(6)}`);
  }
} finally {
  await edge?.stop();
  await lookout.stop();
}
