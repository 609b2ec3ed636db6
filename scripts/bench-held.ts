// npm run bench:held [held] [seconds] — the site server (production build) in front of the
// worker's real origin (worker/testing/origin-rig.ts, a 2 s segment published every 2 s), on
// one machine as `npm start` runs them. Measures how long an ordinary visitor waits for a
// page, the plain playlist and a static JS file: first alone, then while `held` viewers (500)
// keep an LL-HLS blocking reload (`?_HLS_msn=N`) open at all times, as hls.js does, all of them
// answered in the same instant whenever a segment is published. Prints both runs, the ratios,
// and what the held requests cost the site (descriptors, memory) and the origin (connections).
import { Agent, request } from 'node:http';
import { readRssBytes } from '../lib/proc-stat.ts';
import { quantile } from '../lib/testing/quantile.ts';
import { startSite } from '../lib/testing/site-process.ts';
import { startOriginRig } from '../worker/testing/origin-rig-process.ts';

const HELD = Number(process.argv[2] ?? 500);
const SECONDS = Number(process.argv[3] ?? 12);
const CAMERAS = { defaultCamera: 'cam', cameras: [{ id: 'cam', name: 'Cam', source: 'rtsp://192.168.1.20:554/stream1' }] };

const rig = await startOriginRig({ targetSeconds: 2, segmentBytes: 64 * 1024, maxHeldReloads: 100_000 });
const site = await startSite(rig.url, CAMERAS);
const chunk = /\/_next\/static\/[^"]+?\.js/.exec(await (await fetch(`${site.url}/`)).text())![0];
const probes = { page: '/cameras/cam', playlist: '/hls/cam/index.m3u8', static: chunk };

function get(agent: Agent, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${site.url}${path}`, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode!, body }));
    }).on('error', reject).end();
  });
}
const rssMb = () => readRssBytes(site.pid) / 1024 / 1024;
const lastIn = (playlist: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(playlist)?.[1] ?? 0) + playlist.split('\n').filter((l) => l.endsWith('.ts')).length - 1;

// One ordinary visitor: each kind of request in turn, one at a time, every 50 ms.
async function probe(until: number): Promise<Record<string, number[]>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const times: Record<string, number[]> = { page: [], playlist: [], static: [] };
  while (Date.now() < until) {
    for (const [kind, path] of Object.entries(probes)) {
      const started = performance.now();
      const reply = await get(agent, path);
      if (reply.status !== 200) throw new Error(`${kind}: HTTP ${reply.status}`);
      times[kind]!.push(performance.now() - started);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  agent.destroy();
  return times;
}

// `count` viewers, each always holding a blocking reload for the segment after the newest it has.
async function hold(count: number, until: number, peak: { fds: number; rss: number; answered: number }): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: count + 10 });
  const start = lastIn((await get(agent, probes.playlist)).body);
  await Promise.all(
    Array.from({ length: count }, async () => {
      let next = start + 1;
      while (Date.now() < until) {
        const reply = await get(agent, `${probes.playlist}?_HLS_msn=${next}`).catch(() => null);
        if (reply?.status !== 200) continue;
        next = lastIn(reply.body) + 1;
        peak.answered++;
      }
    }),
  );
  agent.destroy();
}

async function run(held: number): Promise<{ times: Record<string, number[]>; peak: { fds: number; rss: number; answered: number }; originConnections: number }> {
  const peak = { fds: 0, rss: 0, answered: 0 };
  const connectionsBefore = (await rig.stats()).connections;
  const until = Date.now() + SECONDS * 1000;
  const publisher = setInterval(() => void rig.publish(), 2000);
  const sampler = setInterval(() => ((peak.fds = Math.max(peak.fds, site.openDescriptors())), (peak.rss = Math.max(peak.rss, rssMb()))), 100);
  const holding = held ? hold(held, until, peak) : Promise.resolve();
  await new Promise((r) => setTimeout(r, held ? 1500 : 0)); // the held viewers are all in place
  const times = await probe(until);
  await holding;
  clearInterval(publisher);
  clearInterval(sampler);
  return { times, peak, originConnections: (await rig.stats()).connections - connectionsBefore };
}

const format = (ms: number) => `${ms.toFixed(1)} ms`;
try {
  const alone = await run(0);
  const loaded = await run(HELD);
  console.log(`\nbench:held — ${SECONDS} s each, a segment every 2 s, ${HELD} held blocking reloads in the second run\n`);
  console.log('request    | alone p50 / p95 / max            | with held p50 / p95 / max        | p95 ratio');
  for (const kind of Object.keys(probes)) {
    const [a, b] = [alone.times[kind]!, loaded.times[kind]!];
    const cells = [a, b].map((t) => `${format(quantile(t, 0.5))} / ${format(quantile(t, 0.95))} / ${format(Math.max(...t))}`.padEnd(33));
    console.log(`${kind.padEnd(10)} | ${cells[0]}| ${cells[1]}| ${(quantile(b, 0.95) / quantile(a, 0.95)).toFixed(2)}×`);
  }
  for (const [name, r] of [['alone', alone], ['with held', loaded]] as const) {
    console.log(`${name.padEnd(10)} | site peak ${r.peak.fds} descriptors, ${r.peak.rss.toFixed(0)} MB RSS; origin: ${r.originConnections} new connections; held reloads answered: ${r.peak.answered}`);
  }
} finally {
  await site.stop();
  await rig.stop();
}
