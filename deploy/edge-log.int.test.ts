import { createSocket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAnalyticsState } from '../lib/analytics/analytics-state.ts';
import { startEdgeLogCollector, type EdgeLogCollector } from '../lib/analytics/edge-log-collector.ts';
import { getMetricsRegistry } from '../lib/metrics/registry.ts';
import { startEdge, type Edge } from '../worker/testing/edge-process.ts';
import { waitFor } from '../lib/testing/wait-for.ts';
import { freePort } from '../lib/testing/child-process.ts';

// The shipped edge config in a real nginx, logging its preview.jpg cache hits over syslog to the
// collector. A relay in between keeps each raw line so the test can read exactly what nginx sent.
const KEY = 'test-edge-log-key-0123456789';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
let origin: Server;
let originHits = 0;
let edge: Edge;
let collector: EdgeLogCollector;
const relay = createSocket('udp4');
const rawLines: string[] = [];

beforeAll(async () => {
  origin = createServer((req, res) => {
    if (req.url?.includes('preview.jpg')) originHits++;
    res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Cache-Control': 'public, max-age=60', ETag: '"a"', 'Content-Length': JPEG.length });
    res.end(JPEG);
  });
  const originPort = await freePort();
  await new Promise<void>((resolve) => origin.listen(originPort, '127.0.0.1', resolve));
  collector = await startEdgeLogCollector({ port: 0, key: KEY });
  await new Promise<void>((resolve) => relay.bind(0, '127.0.0.1', resolve));
  relay.on('message', (message) => {
    rawLines.push(message.toString('utf8'));
    relay.send(message, collector.port, '127.0.0.1');
  });
  const dir = mkdtempSync(join(tmpdir(), 'lookout-edge-log-'));
  edge = await startEdge(dir, { port: await freePort(), site: `127.0.0.1:${await freePort()}`, origin: `127.0.0.1:${originPort}`, edgeLog: { port: relay.address().port, key: KEY } });
});

afterAll(async () => {
  await edge?.stop();
  collector?.close();
  relay.close();
  origin?.close();
});

describe('edge preview.jpg hits → syslog → collector', () => {
  it('counts the fetches the cache answered, per portal, one shared cached copy whatever src says', async () => {
    getAnalyticsState().rollup.drain();
    const get = async (path: string, ua = 'curl/8.5.0') => {
      const response = await fetch(`${edge.url}${path}`, { headers: { 'User-Agent': ua, 'X-Forwarded-For': '198.51.100.23' } });
      await response.arrayBuffer();
      return response.headers.get('x-cache-status');
    };
    expect(await get('/preview.jpg?src=windy')).toBe('MISS');
    expect(await get('/preview.jpg?src=windy')).toBe('HIT');
    expect(await get('/preview.jpg?src=windy')).toBe('HIT');
    expect(await get('/preview.jpg?src=foto-webcam')).toBe('HIT'); // src is not in the cache key
    expect(await get('/cameras/test/preview.jpg', 'WebcamsTravel-Bot/2.0')).toBe('MISS');
    expect(await get('/cameras/test/preview.jpg', 'WebcamsTravel-Bot/2.0')).toBe('HIT');
    expect(originHits).toBe(2);
    await waitFor(() => collector.counts.accepted === 4, { what: 'four syslog lines' });
    const counts = Object.fromEntries(getAnalyticsState().rollup.drain().previewFetches.map((row) => [`${row.cameraId}/${row.portal}/${row.via}`, row.fetches]));
    expect(counts).toEqual({ 'test/windy/edge': 2, 'test/foto-webcam/edge': 1, 'test/webcams-travel/edge': 1 });
    const metrics = await getMetricsRegistry().getSingleMetricAsString('lookout_preview_fetches_total');
    expect(metrics).toMatch(/^lookout_preview_fetches_total\{camera="test",portal="windy",via="edge"\} 2$/m);
    expect(metrics).toMatch(/^lookout_preview_fetches_total\{camera="test",portal="webcams-travel",via="edge"\} 1$/m);
    expect(rawLines.join('\n')).not.toMatch(/127\.0\.0\.1|198\.51\.100\.23/);
    expect(rawLines[0]).toMatch(/^<\d+>\w{3} [ \d]\d \d\d:\d\d:\d\d lookout: \{"k":"/);
  });

  it('drops and counts lines without the key, with a wrong key, or malformed', async () => {
    const before = { ...collector.counts };
    const line = rawLines[0]!;
    const forged = [line.replace(KEY, 'wrong-key-0123456789abcdef'), line.replace(`"k":"${KEY}",`, ''), 'hello', line.slice(0, 40)];
    for (const text of forged) relay.send(Buffer.from(text), collector.port, '127.0.0.1');
    await waitFor(() => collector.counts.badKey + collector.counts.malformed === before.badKey + before.malformed + 4, { what: 'the forged lines' });
    expect(collector.counts.badKey).toBe(before.badKey + 1);
    expect(collector.counts.accepted).toBe(before.accepted);
    expect(getAnalyticsState().rollup.drain().previewFetches).toEqual([]);
  });
});
