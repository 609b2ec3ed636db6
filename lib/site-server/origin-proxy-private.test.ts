import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchMediaRoute } from './media-route.ts';
import { proxyToOrigin, sendMediaError } from './origin-proxy.ts';

// The site's media pass-through, routed as lib/site-server/site-server.ts routes it, in front of an
// origin that records what reaches it: no private path and no credentials ever get there.
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
let origin: Server;
let front: Server;
let frontUrl: string;

function listen(server: Server): Promise<string> {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}
// node:http sends the path exactly as written (fetch would normalise `..` away).
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(`${frontUrl}${path}`, { headers }, (res) => {
      res.resume().on('end', () => resolve(res.statusCode!));
    }).on('error', reject).end();
  });
}

beforeAll(async () => {
  origin = createServer((req, res) => {
    seen.push({ url: req.url!, headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });
  const originUrl = await listen(origin);
  front = createServer((req, res) => {
    const media = matchMediaRoute(req.url ?? '/');
    if (media && 'error' in media) return sendMediaError(res, 400, media.error, 'Malformed media path');
    if (media) return void proxyToOrigin(req, res, originUrl, media.path);
    res.writeHead(404).end(); // Next's part in the real site
  });
  frontUrl = await listen(front);
});
afterAll(async () => {
  front.closeAllConnections();
  origin.closeAllConnections();
  await Promise.all([new Promise((r) => front.close(r)), new Promise((r) => origin.close(r))]);
});

const PRIVATE = ['/status.json', '/events', '/events?after=x.1', '/metrics', '/hls/../events', '/hls/%2e%2e/metrics', '/hls/x/../../status.json', '/hls/test/%2E%2E%2Fstatus.json', '/cameras/../status.json', '/cameras/%2e%2e/preview.jpg', '/preview.jpg/../events', '//events', '/hls//events'];

describe("the site's media pass-through", () => {
  it.each(PRIVATE)('never carries %s to the origin', async (path) => {
    await rawGet(path, { Authorization: 'Bearer a-visitor-supplied-token-123456' });
    for (const request of seen) expect(request.url).toMatch(/^\/(hls\/[^/]+\/[^/]+|preview\.jpg|cameras\/[^/]+\/preview\.jpg)(\?|$)/);
    expect(seen.map((s) => s.url)).not.toContain(path);
  });

  it('passes media on without any Authorization or Cookie', async () => {
    seen.length = 0;
    expect(await rawGet('/hls/test/index.m3u8', { Authorization: 'Bearer a-visitor-supplied-token-123456', Cookie: 'session=1' })).toBe(200);
    expect(await rawGet('/preview.jpg', { Authorization: 'Basic dXNlcjpwdw==' })).toBe(200);
    expect(seen.map((s) => s.url)).toEqual(['/hls/test/index.m3u8', '/preview.jpg']);
    for (const { headers } of seen) {
      expect(headers.authorization).toBeUndefined();
      expect(headers.cookie).toBeUndefined();
    }
  });
});
