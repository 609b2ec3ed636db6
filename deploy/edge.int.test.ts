import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../lib/log.ts';
import { startEdge, type Edge } from '../worker/testing/edge-process.ts';
import { startUplink, type Uplink } from '../lib/testing/uplink-proxy.ts';
import { waitFor } from '../lib/testing/wait-for.ts';
import { freePort } from '../lib/testing/child-process.ts';
import { createOriginServer } from '../worker/origin/server.ts';
import { Publisher } from '../worker/publisher/publisher.ts';
import type { SnapshotJob } from '../worker/snapshot/snapshot-job.ts';

// The shipped edge config (deploy/nginx/lookout-edge.conf) in a real nginx, in front of the
// worker's real origin code behind a slow "home uplink" (200 ms), and of a small stand-in for
// the site that records what reaches it.
type Seen = { path: string; status: number; headers: IncomingHttpHeaders };
const originSeen: Seen[] = [];
const originArrived: string[] = []; // request targets as they reach the origin, before any answer
let originConnections = 0;
let publisher: Publisher; // camera "live": a real publisher, for blocking playlist reloads
const siteSeen: Seen[] = [];
const UPLINK_MS = 200;
let root: string;
let origin: Server;
let site: Server;
let uplink: Uplink;
let edge: Edge;

const segment = Buffer.alloc(256 * 1024, 7); // a 1 Mbps camera's 2 s segment
const preview = { body: Buffer.from('fake jpeg bytes'), etag: '"img-1"' };

function listen(server: Server): Promise<number> {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));
}
function record(into: Seen[], server: Server): void {
  server.on('request', (req, res) => res.on('finish', () => into.push({ path: req.url!, status: res.statusCode, headers: req.headers })));
}
const count = (seen: Seen[], path: string) => seen.filter((s) => s.path === path).length;
const get = (path: string, init?: RequestInit) => fetch(`${edge.url}${path}`, init);
// fetch() may not set Host and normalises `./` and `../` away: plain node:http sends the path as written.
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(edge.url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode!, body }));
    }).on('error', reject).end();
  });
}
function writePlaylist(sequence: number): void {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:2', `#EXT-X-MEDIA-SEQUENCE:${sequence}`, '#EXTINF:2.000,', `s-${sequence}.ts`];
  writeFileSync(join(root, 'hls', 'cam', 'index.m3u8.tmp'), lines.join('\n') + '\n');
  renameSync(join(root, 'hls', 'cam', 'index.m3u8.tmp'), join(root, 'hls', 'cam', 'index.m3u8')); // atomic, as the publisher does
}

let published = 0;
async function publishLive(): Promise<void> {
  const staged = join(root, 'staging', `live-${published++}.ts`);
  writeFileSync(staged, segment);
  await publisher.publish(staged, 1);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lookout-edge-'));
  mkdirSync(join(root, 'hls', 'cam'), { recursive: true });
  writeFileSync(join(root, 'hls', 'cam', 's-1.ts'), segment);
  writePlaylist(1);
  // A finished snapshot, as SnapshotJob.view() hands it to the origin (max-age = interval / 2 = 1 s).
  const view = () => ({ stale: false, ageSeconds: 0, snapshot: { images: new Map([[640, preview]]), capturedAt: Date.now(), changedAt: Date.now() - 60_000, lastModified: new Date(Date.now() - 60_000).toUTCString() } });
  const jobs = new Map([['cam', { job: { view } as unknown as SnapshotJob, intervalSeconds: 2, width: 640 }]]);
  mkdirSync(join(root, 'staging'));
  publisher = await Publisher.open({ dir: join(root, 'hls', 'live'), stateFile: join(root, 'live.json'), targetDuration: 1 });
  await publishLive(); // sequence 0
  origin = createOriginServer({ hlsRoot: join(root, 'hls'), cameraIds: ['cam', 'live'], status: () => ({ generatedAt: '', cameras: [] }), snapshots: { defaultCameraId: 'cam', jobs }, playlists: new Map([['live', publisher]]), log: createLogger('edge-test') });
  record(originSeen, origin);
  origin.on('request', (req) => originArrived.push(req.url!));
  origin.on('connection', () => originConnections++);
  uplink = await startUplink({ host: '127.0.0.1', port: await listen(origin) }, { latencyMs: UPLINK_MS });

  site = createServer((req, res) => {
    if (req.url!.startsWith('/_next/static/')) {
      const encoding = req.headers['accept-encoding'] ?? '';
      const body = Buffer.from('console.log("chunk");');
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'public, max-age=31536000, immutable', Vary: 'Accept-Encoding', 'Set-Cookie': 'tracking=1', ...(encoding ? { 'Content-Encoding': encoding } : {}) });
      return void res.end(encoding === 'br' ? brotliCompressSync(body) : encoding === 'gzip' ? gzipSync(body) : body);
    }
    req.resume().on('end', () => res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'private, no-store' }).end(`page ${siteSeen.length}`));
  });
  record(siteSeen, site);
  const sitePort = await listen(site);
  edge = await startEdge(join(root, 'edge'), { port: await freePort(), site: `127.0.0.1:${sitePort}`, origin: `127.0.0.1:${uplink.port}` });
});

afterAll(async () => {
  await edge?.stop();
  await uplink?.close();
  origin?.closeAllConnections();
  site?.closeAllConnections();
  await Promise.all([origin, site].map((s) => new Promise((r) => s?.close(r))));
  rmSync(root, { recursive: true, force: true });
});

describe('the nginx edge', () => {
  it('sends a new segment over the uplink once, however many viewers ask for it at the same moment', async () => {
    const uplinkBefore = uplink.bytesDown();
    const replies = await Promise.all(Array.from({ length: 100 }, () => get('/hls/cam/s-1.ts').then(async (r) => ({ status: r.status, body: Buffer.from(await r.arrayBuffer()), cache: r.headers.get('cache-control') }))));
    expect(replies.every((r) => r.status === 200 && r.body.equals(segment))).toBe(true);
    expect(replies[0]!.cache).toBe('public, max-age=31536000, immutable');
    expect(count(originSeen, '/hls/cam/s-1.ts')).toBe(1);
    expect(uplink.bytesDown() - uplinkBefore).toBeLessThan(segment.length * 1.05); // one copy, plus headers
    expect((await get('/hls/cam/s-1.ts?_HLS_msn=9&x=1')).status).toBe(200);
    expect(count(originSeen, '/hls/cam/s-1.ts')).toBe(1); // a query string is not a new copy
  });

  it('reuses its connections to the origin (keep-alive over the uplink)', async () => {
    const before = originConnections;
    for (let i = 0; i < 6; i++) expect((await get(`/hls/cam/missing-${i}.ts`)).status).toBe(404);
    expect(originConnections - before).toBeLessThanOrEqual(2); // one per nginx worker at most
  });

  it('keeps the playlist for its max-age of 1 s, with one origin request per second for any crowd', async () => {
    writePlaylist(5);
    const first = await Promise.all(Array.from({ length: 50 }, () => get('/hls/cam/index.m3u8').then((r) => r.text())));
    expect(new Set(first).size).toBe(1);
    expect(first[0]).toContain('#EXT-X-MEDIA-SEQUENCE:5');
    expect(count(originSeen, '/hls/cam/index.m3u8')).toBe(1);
    writePlaylist(6);
    await waitFor(async () => (await (await get('/hls/cam/index.m3u8')).text()).includes('SEQUENCE:6'), { timeoutMs: 5000, intervalMs: 100, what: 'the edge to take the new playlist' });
    expect(count(originSeen, '/hls/cam/index.m3u8')).toBeLessThanOrEqual(4);
  });

  it('lets all viewers waiting for the next segment share one blocking playlist request', async () => {
    const waiting = Promise.all(Array.from({ length: 30 }, () => get('/hls/live/index.m3u8?_HLS_msn=1').then((r) => r.text())));
    await waitFor(() => originArrived.includes('/hls/live/index.m3u8?_HLS_msn=1'), { timeoutMs: 5000, intervalMs: 20, what: 'the edge to ask the origin' });
    await publishLive();
    const playlists = await waiting;
    expect(playlists.every((p) => p.includes('live-1.ts'))).toBe(true);
    expect(count(originSeen, '/hls/live/index.m3u8?_HLS_msn=1')).toBe(1);
    expect((await (await get('/hls/live/index.m3u8?_HLS_msn=1&x=2')).text())).toContain('live-1.ts'); // from the cache
    expect(originSeen.filter((s) => s.path.startsWith('/hls/live/index.m3u8?')).length).toBe(1);
  });

  it('keeps a 404 for 1 s only, so a segment that appears is served at once after', async () => {
    expect((await get('/hls/cam/s-2.ts')).status).toBe(404);
    expect((await get('/hls/cam/s-2.ts')).status).toBe(404);
    expect(count(originSeen, '/hls/cam/s-2.ts')).toBe(1);
    writeFileSync(join(root, 'hls', 'cam', 's-2.ts'), segment);
    await waitFor(async () => (await get('/hls/cam/s-2.ts')).status === 200, { timeoutMs: 5000, intervalMs: 100, what: 'the 404 to expire' });
  });

  it('cannot be made to store a 404 for the playlist under another spelling of its path', async () => {
    for (const path of ['/hls//cam/index.m3u8', '/hls/cam/./index.m3u8', '/hls/cam/%69ndex.m3u8', '/hls/x/../cam/index.m3u8']) {
      expect((await rawGet(path)).status, path).toBe(400); // one spelling per path (deploy/security/ tries them all)
    }
    expect((await get('/hls/cam/index.m3u8')).status).toBe(200);
  });

  it('revalidates an expired preview.jpg with its ETag: an unchanged image costs the uplink a 304', async () => {
    const first = await get('/preview.jpg?w=640');
    expect(first.status).toBe(200);
    expect(Buffer.from(await first.arrayBuffer()).equals(preview.body)).toBe(true);
    expect((await get('/preview.jpg?w=640')).headers.get('x-cache-status')).toBe('HIT');
    // Past max-age=1 (nginx counts whole seconds) the next request goes to the origin.
    const again = await waitFor(async () => {
      const reply = await get('/preview.jpg?w=640');
      if (reply.headers.get('x-cache-status') !== 'HIT') return reply;
      await reply.arrayBuffer();
      return null;
    }, { timeoutMs: 10_000, intervalMs: 100, what: 'the cached preview to expire' });
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(preview.body)).toBe(true);
    const asked = originSeen.filter((s) => s.path === '/preview.jpg?w=640');
    expect(asked.map((s) => s.status)).toEqual([200, 304]);
    expect(asked[1]!.headers['if-none-match']).toBe(preview.etag);
    const conditional = await get('/preview.jpg?w=640', { headers: { 'If-None-Match': preview.etag } });
    expect(conditional.status).toBe(304); // answered by the edge
  });

  it('never passes cookies or credentials to the origin', async () => {
    writeFileSync(join(root, 'hls', 'cam', 's-3.ts'), segment);
    expect((await get('/hls/cam/s-3.ts', { headers: { Cookie: 'session=abc', Authorization: 'Basic eDp5' } })).status).toBe(200);
    expect((await get('/cameras/cam/preview.jpg?w=320', { headers: { Cookie: 'session=abc', Authorization: 'Basic eDp5' } })).status).toBe(404); // no 320 image: the origin still saw the request
    expect(count(originSeen, '/hls/cam/s-3.ts')).toBe(1);
    expect(count(originSeen, '/cameras/cam/preview.jpg?w=320')).toBe(1);
    for (const seen of originSeen) {
      expect(seen.headers['cookie']).toBeUndefined();
      expect(seen.headers['authorization']).toBeUndefined();
    }
  });

  it('refuses anything but GET and HEAD on media without touching the origin', async () => {
    const before = originSeen.length;
    for (const path of ['/hls/cam/index.m3u8', '/preview.jpg', '/_next/static/chunks/a.js']) expect((await get(path, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await get('/hls/cam/s-1.ts', { method: 'HEAD' })).status).toBe(200);
    expect(originSeen.length).toBe(before);
  });

  it('keeps serving cached segments when the origin dies, but not a playlist that stopped moving', async () => {
    expect((await get('/hls/cam/index.m3u8')).status).toBe(200);
    const { port } = origin.address() as AddressInfo;
    origin.closeAllConnections();
    await new Promise((r) => origin.close(r));
    try {
      const cached = await get('/hls/cam/s-1.ts');
      expect(cached.status).toBe(200);
      expect(Buffer.from(await cached.arrayBuffer()).equals(segment)).toBe(true);
      expect((await get('/hls/cam/never.ts')).status).toBe(502);
      // Past the playlist's max-age, players hear "offline" instead of stalling.
      await waitFor(async () => (await get('/hls/cam/index.m3u8')).status === 502, { timeoutMs: 10_000, intervalMs: 100, what: 'the edge to stop serving the stale playlist' });
    } finally {
      await new Promise<void>((r) => origin.listen(port, '127.0.0.1', r));
    }
  });

  it('keeps one copy of a static file per content coding, whatever the exact Accept-Encoding', async () => {
    const texts = [];
    for (const header of ['gzip, deflate, br', 'br, zstd, gzip', 'gzip, deflate, br, zstd', 'gzip', 'x-unknown']) {
      const reply = await get('/_next/static/chunks/a.js', { headers: { 'Accept-Encoding': header } });
      expect(reply.headers.get('set-cookie')).toBeNull();
      texts.push(`${reply.headers.get('content-encoding') ?? 'identity'}:${reply.headers.get('x-cache-status')}`);
      expect(await reply.text()).toBe('console.log("chunk");'); // decoded by fetch as its Content-Encoding says
    }
    expect(texts).toEqual(['br:MISS', 'br:HIT', 'br:HIT', 'gzip:MISS', 'identity:MISS']);
    expect(siteSeen.filter((s) => s.path === '/_next/static/chunks/a.js').map((s) => s.headers['accept-encoding'] ?? '')).toEqual(['br', 'gzip', '']);
  });

  it('never caches pages, and tells the site who asked for them and how', async () => {
    const a = (await rawGet('/cameras/cam', { Host: 'webcam.example.org:8080' })).body;
    const b = await (await get('/cameras/cam')).text();
    expect(a).not.toBe(b);
    const seen = siteSeen.filter((s) => s.path === '/cameras/cam');
    expect(seen).toHaveLength(2);
    expect(seen[0]!.headers['x-forwarded-host']).toBe('webcam.example.org:8080');
    expect(seen[0]!.headers['host']).toBe('webcam.example.org');
    expect(seen[0]!.headers['x-forwarded-proto']).toBe('http');
    expect(seen[0]!.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('refuses an oversized request body before it reaches the site', async () => {
    const before = siteSeen.length;
    expect((await get('/api/beacon', { method: 'POST', body: 'x'.repeat(100 * 1024) })).status).toBe(413);
    expect(siteSeen.length).toBe(before);
  });
});
