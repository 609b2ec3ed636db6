import { mkdtempSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEdge, type Edge } from '../worker/testing/edge-process.ts';
import { freePort } from '../lib/testing/child-process.ts';

// The shipped edge config in a real nginx: the origin's private paths and any credentials
// never reach the origin, whatever the path looks like.
const originSeen: { url: string; headers: IncomingHttpHeaders }[] = [];
let origin: Server;
let site: Server;
let edge: Edge;

function listen(server: Server): Promise<number> {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));
}
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  const { hostname, port } = new URL(edge.url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, headers }, (res) => res.resume().on('end', () => resolve(res.statusCode!))).on('error', reject).end();
  });
}

beforeAll(async () => {
  origin = createServer((req, res) => {
    originSeen.push({ url: req.url!, headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'public, max-age=1' }).end('origin');
  });
  site = createServer((_req, res) => res.writeHead(404).end());
  const [originPort, sitePort] = [await listen(origin), await listen(site)];
  edge = await startEdge(mkdtempSync(`${tmpdir()}/lookout-edge-private-`), { port: await freePort(), site: `127.0.0.1:${sitePort}`, origin: `127.0.0.1:${originPort}` });
});
afterAll(async () => {
  await edge?.stop();
  for (const server of [origin, site]) {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  }
});

const TOKEN = { Authorization: 'Bearer the-origin-token-0123456789abc' };

describe('the nginx edge', () => {
  it.each(['/status.json', '/events', '/events?after=a.1', '/metrics', '/hls/../events', '/hls/%2e%2e/metrics', '/hls/x/../../status.json', '/cameras/../status.json', '/preview.jpg/../events', '/hls/../../metrics'])(
    'never sends %s to the origin',
    async (path) => {
      await rawGet(path, TOKEN);
      expect(originSeen.filter((s) => /status\.json|events|metrics/.test(s.url))).toEqual([]);
    },
  );

  it('passes media to the origin without the Authorization header', async () => {
    originSeen.length = 0;
    expect(await rawGet('/hls/cam/index.m3u8', TOKEN)).toBe(200);
    expect(await rawGet('/preview.jpg', TOKEN)).toBe(200);
    expect(originSeen.map((s) => s.url)).toEqual(['/hls/cam/index.m3u8', '/preview.jpg']);
    for (const { headers } of originSeen) expect(headers.authorization).toBeUndefined();
  });
});
