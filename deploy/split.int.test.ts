import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlaylist } from '../lib/hls/parse-playlist.ts';
import { applyMigrations } from '../lib/db/migrate.ts';
import { decodeErrors } from '../lib/testing/ffmpeg.ts';
import { spawnSimulator, type SimulatorProcess } from '../worker/testing/simulator-process.ts';
import { startUplink, type Uplink } from '../lib/testing/uplink-proxy.ts';
import { waitFor } from '../lib/testing/wait-for.ts';
import { exited, freePort } from '../lib/testing/child-process.ts';
import { spawnWorker } from '../worker/testing/worker-process.ts';

// The worker at home and the site in the cloud, as two processes with their own data
// directories and configs. The site reaches the origin only through the uplink relay (30 Mbps,
// 20 ms), with the shared token; the worker trusts no loopback peer (the relay is one, as
// `ssh -R` is) and has no database at all.
const TOKEN = 'split-origin-token-0123456789abcdef';
const UPLINK = { mbps: 30, latencyMs: 20 };
type Journaled = { seq: number; type: string; kind?: string; detail?: string; at?: string };

let sim: SimulatorProcess;
let worker: ReturnType<typeof spawnWorker>;
let site: ChildProcess;
let siteOutput = '';
let uplink: Uplink;
let originPort: number;
let siteUrl: string;
let metricsUrl: string;
let dbFile: string;

async function journal(): Promise<Journaled[]> {
  const events: Journaled[] = [];
  let after = '';
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${originPort}/events?limit=1000${after && `&after=${after}`}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const page = (await response.json()) as { events: Journaled[]; next: string; more: boolean };
    events.push(...page.events);
    if (!page.more) return events;
    after = page.next;
  }
}
function recorded(): { kind: string; detail: string; at: string }[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT kind, detail, at FROM HealthEvent ORDER BY id').all() as { kind: string; detail: string; at: number | string }[];
    return rows.map((r) => ({ kind: r.kind, detail: r.detail, at: new Date(typeof r.at === 'number' ? r.at : r.at).toISOString() }));
  } finally {
    db.close();
  }
}
const healthOf = (events: Journaled[]) => events.filter((e) => e.type === 'health').map((e) => ({ kind: e.kind!, detail: e.detail!, at: new Date(e.at!).toISOString() }));

beforeAll(async () => {
  // The bundles `npm start` runs, built first if stale.
  const built = spawnSync('bash', ['-c', 'source scripts/system-deps.sh && ensure_site_build && ensure_worker_build'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the site or the worker failed');
  const home = mkdtempSync(join(tmpdir(), 'lookout-home-'));
  const cloud = mkdtempSync(join(tmpdir(), 'lookout-cloud-'));
  sim = await spawnSimulator({ width: 480, height: 270, bitrateKbps: 600 });
  writeFileSync(join(home, 'lookout.config.json'), JSON.stringify({ cameras: [{ id: 'roof', name: 'Roof', source: sim.rtspUrl }] }));
  // The site lists the same cameras; it never talks to them, so the source is a placeholder.
  writeFileSync(join(cloud, 'lookout.config.json'), JSON.stringify({ cameras: [{ id: 'roof', name: 'Roof', source: 'rtsp://camera.invalid/stream' }] }));
  originPort = await freePort();
  worker = spawnWorker({
    LOOKOUT_CONFIG: join(home, 'lookout.config.json'),
    LOOKOUT_DATA_DIR: join(home, 'data'),
    ORIGIN_PORT: String(originPort),
    ORIGIN_TOKEN: TOKEN,
    ORIGIN_TRUST_LOOPBACK: 'false',
    DATABASE_URL: 'file:/nonexistent/no-database-here.db',
  }, ['.build/worker.mjs']);
  uplink = await startUplink({ host: '127.0.0.1', port: originPort }, UPLINK);
  dbFile = join(cloud, 'lookout.db');
  applyMigrations(dbFile, 'prisma/migrations');
  const [port, metricsPort] = [await freePort(), await freePort()];
  siteUrl = `http://127.0.0.1:${port}`;
  metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  site = spawn(process.execPath, ['.build/site.mjs'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), METRICS_PORT: String(metricsPort), ORIGIN_URL: `http://127.0.0.1:${uplink.port}`, ORIGIN_TOKEN: TOKEN, DATABASE_URL: `file:${dbFile}`, LOOKOUT_CONFIG: join(cloud, 'lookout.config.json'), LOOKOUT_DATA_DIR: join(cloud, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  site.stdout!.on('data', (d: Buffer) => (siteOutput += d.toString()));
  site.stderr!.on('data', (d: Buffer) => (siteOutput += d.toString()));
  await waitFor(async () => (await fetch(`${siteUrl}/api/health`).catch(() => null))?.status === 200, { timeoutMs: 90_000, what: 'the site to see the camera live through the relay' });
}, 600_000);

afterAll(async () => {
  site?.kill('SIGTERM');
  worker?.child.kill('SIGTERM');
  await Promise.all([site && exited(site), worker && exited(worker.child)]);
  await uplink?.close();
  await sim?.stop();
});

describe('the worker at home, the site in the cloud', () => {
  it('plays video through the site, and the origin keeps its private paths to the token', async () => {
    const playlist = parsePlaylist(await (await fetch(`${siteUrl}/hls/roof/index.m3u8`)).text());
    expect(playlist.segments.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'lookout-split-segs-'));
    for (const segment of playlist.segments.slice(-2)) {
      const response = await fetch(`${siteUrl}/hls/roof/${segment.name}`);
      expect(response.status).toBe(200);
      const file = join(dir, segment.name);
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      expect(await decodeErrors(file)).toEqual([]);
    }
    expect(uplink.requests()).toContain(`/hls/roof/${playlist.segments.at(-1)!.name}`);
    // The relay is a loopback peer, so the token is what lets the site in.
    const relay = `http://127.0.0.1:${uplink.port}`;
    for (const path of ['/status.json', '/events', '/metrics']) expect((await fetch(relay + path)).status, path).toBe(401);
    const readMetrics = async () => (await fetch(`${relay}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
    // A loaded machine can starve the simulated camera for a moment: wait for it to be up.
    const metrics = await waitFor(async () => { const text = await readMetrics(); return /^lookout_camera_up\{camera="roof"\} 1$/m.test(text) && text; }, { timeoutMs: 60_000, what: 'lookout_camera_up 1' });
    expect(metrics).toMatch(/^lookout_camera_state\{camera="roof",state="live"\} 1$/m);
    expect(metrics).toMatch(/^lookout_camera_segments_published_total\{camera="roof"\} [1-9]/m);
    // The site's own metrics are on their own port, not on the public one.
    expect(await (await fetch(metricsUrl)).text()).toMatch(/^lookout_http_requests_total\{route="media",status="200"\} [1-9]/m);
    expect((await fetch(`${siteUrl}/metrics`)).status).toBe(404);
  });

  it('records the health events, and catches up with no loss after the relay is cut for 30 s', async () => {
    await waitFor(() => recorded().some((e) => e.kind === 'live'), { timeoutMs: 20_000, what: 'the live event in the site database' });
    await uplink.close();
    const cutAt = Date.now();
    const before = (await journal()).length;
    // While the link is down the camera drops and comes back: events the site has not seen.
    await sim.setFault('disconnect', { durationMs: 6000 });
    await waitFor(async () => (await journal()).slice(before).some((e) => e.kind === 'live'), { timeoutMs: 25_000, what: 'the camera to drop and come back' });
    expect(healthOf(await journal()).length).toBeGreaterThan(recorded().length);
    await waitFor(() => Date.now() - cutAt >= 30_000, { timeoutMs: 35_000, intervalMs: 500, what: 'the 30 s cut to pass' });
    uplink = await startUplink({ host: '127.0.0.1', port: originPort }, { ...UPLINK, port: uplink.port });

    const all = healthOf(await journal());
    await waitFor(() => recorded().length >= all.length, { timeoutMs: 30_000, what: 'the site to catch up' });
    expect(recorded().slice(0, all.length)).toEqual(all);
    expect(siteOutput).toMatch(/origin events: cannot pull/);
    expect(siteOutput).toMatch(/origin events: reachable again/);
  });
});
