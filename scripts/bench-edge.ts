// npm run bench:edge [viewers] [seconds] — Lookout (site + worker, test camera at 2.5 Mbps)
// behind the shipped nginx edge (deploy/), with the origin reached over a simulated home
// uplink of 30 Mbps and 20 ms. Simulated viewers poll the playlist every second and fetch each
// new segment, as hls.js does. Prints what the viewers received, what crossed the uplink, and
// how long a viewer waited for a new segment.
import { join } from 'node:path';
import { startEdge } from '../worker/testing/edge-process.ts';
import { startLookout } from '../lib/testing/lookout-process.ts';
import { quantile } from '../lib/testing/quantile.ts';
import { startUplink } from '../lib/testing/uplink-proxy.ts';
import { freePort } from '../lib/testing/child-process.ts';

const VIEWERS = Number(process.argv[2] ?? 200);
const SECONDS = Number(process.argv[3] ?? 30);
const UPLINK_MBPS = 30;
const lookout = await startLookout('bench-edge');
const uplink = await startUplink({ host: '127.0.0.1', port: lookout.originPort }, { latencyMs: 20, mbps: UPLINK_MBPS });
const edge = await startEdge(join(lookout.dir, 'edge'), { port: await freePort(), site: `127.0.0.1:${lookout.port}`, origin: `127.0.0.1:${uplink.port}` });

type Totals = { bytes: number; segments: number; playlists: number; errors: number; errorKinds: Set<string>; waits: number[] };
// One viewer: the playlist every second; each segment it has not seen, once, timing from the
// playlist that listed it to the last byte (what a player waits before it can buffer it).
async function watch(until: number, totals: Totals): Promise<void> {
  const seen = new Set<string>();
  await new Promise((r) => setTimeout(r, Math.random() * 1000)); // viewers arrive spread out
  while (Date.now() < until) {
    const tick = Date.now();
    try {
      const reply = await fetch(`${edge.url}/hls/test/index.m3u8`);
      if (!reply.ok) throw new Error(`playlist: HTTP ${reply.status}`);
      const playlist = await reply.text();
      totals.playlists++;
      const newest = playlist.trim().split('\n').filter((l) => l && !l.startsWith('#')).at(-1);
      if (newest && !seen.has(newest)) {
        const first = seen.size === 0;
        seen.add(newest);
        const media = await fetch(`${edge.url}/hls/test/${newest}`);
        if (!media.ok) throw new Error(`segment: HTTP ${media.status}`);
        const body = await media.arrayBuffer();
        totals.bytes += body.byteLength;
        totals.segments++;
        if (!first) totals.waits.push(Date.now() - tick); // a viewer's first segment is old news
      }
    } catch (error) {
      totals.errors++;
      totals.errorKinds.add(String((error as Error).cause ?? (error as Error).message));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - tick))));
  }
}

try {
  const totals: Totals = { bytes: 0, segments: 0, playlists: 0, errors: 0, errorKinds: new Set(), waits: [] };
  const uplinkBefore = uplink.bytesDown();
  const requestsBefore = uplink.requests().length;
  const started = Date.now();
  await Promise.all(Array.from({ length: VIEWERS }, () => watch(started + SECONDS * 1000, totals)));
  const seconds = (Date.now() - started) / 1000;
  const crossed = uplink.requests().slice(requestsBefore);
  const segmentsCrossed = crossed.filter((p) => p.endsWith('.ts'));
  const mbps = (bytes: number) => ((bytes * 8) / seconds / 1e6).toFixed(1);
  console.log(`bench:edge — ${VIEWERS} viewers for ${SECONDS} s through nginx (deploy/nginx/lookout-edge.conf); origin behind a ${UPLINK_MBPS} Mbps, 20 ms uplink; test camera 2.5 Mbps, 2 s segments`);
  console.log(`viewers received:       ${mbps(totals.bytes)} Mbps (${totals.segments} segments, ${totals.playlists} playlists, ${totals.errors} errors${totals.errors ? `: ${[...totals.errorKinds].join('; ')}` : ''})`);
  console.log(`uplink carried:         ${mbps(uplink.bytesDown() - uplinkBefore)} Mbps (${segmentsCrossed.length} segment requests for ${new Set(segmentsCrossed).size} distinct segments; ${crossed.length - segmentsCrossed.length} playlist requests)`);
  console.log(`without the edge:       ${mbps(totals.bytes)} Mbps would have to cross the uplink; ${UPLINK_MBPS} Mbps carries ~${Math.floor(UPLINK_MBPS / 2.5)} viewers of a 2.5 Mbps stream`);
  console.log(`new segment, listed → received by a viewer (ms): median ${quantile(totals.waits, 0.5)}, p95 ${quantile(totals.waits, 0.95)}, max ${Math.max(...totals.waits)}`);
} finally {
  await edge.stop();
  await uplink.close();
  await lookout.stop();
}
