import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyToOrigin } from './origin-proxy.ts';

// A real origin and a real front server on 127.0.0.1: headers, bodies, errors, aborts.
let origin: Server;
let front: Server;
let frontBase: string;
let originUrl: string;
const seen: { url: string; method: string; headers: IncomingHttpHeaders }[] = [];
let slowClosed = false;

function listen(server: Server): Promise<string> {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}
function send(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${frontBase}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject).end();
  });
}

beforeAll(async () => {
  origin = createServer((req, res) => {
    seen.push({ url: req.url!, method: req.method!, headers: req.headers });
    if (req.url === '/hls/test/index.m3u8') {
      res.writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'public, max-age=1', ETag: '"p1"', 'Set-Cookie': 'x=1', 'X-Internal': 'secret' });
      res.end(req.method === 'HEAD' ? undefined : '#EXTM3U\n');
    } else if (req.url === '/slow.ts') {
      res.writeHead(200, { 'Content-Type': 'video/mp2t' });
      res.write(Buffer.alloc(1000));
      res.on('close', () => (slowClosed = true)); // never ends on its own
    } else {
      res.writeHead(404, { 'Cache-Control': 'public, max-age=1' }).end('missing');
    }
  });
  originUrl = await listen(origin);
  // /dead goes to a port nothing listens on.
  front = createServer((req, res) => void (req.url === '/dead' ? proxyToOrigin(req, res, 'http://127.0.0.1:1', '/x') : proxyToOrigin(req, res, originUrl, req.url!)));
  frontBase = await listen(front);
});
afterAll(async () => {
  front.closeAllConnections();
  origin.closeAllConnections();
  await Promise.all([new Promise((r) => front.close(r)), new Promise((r) => origin.close(r))]);
});

describe('proxyToOrigin', () => {
  it('streams the body and keeps only the headers of the contract', async () => {
    const reply = await send('/hls/test/index.m3u8', { headers: { 'If-None-Match': '"p0"', Cookie: 'a=b', Authorization: 'Basic x' } });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('#EXTM3U\n');
    expect(reply.headers['cache-control']).toBe('public, max-age=1');
    expect(reply.headers['etag']).toBe('"p1"');
    expect(reply.headers['set-cookie']).toBeUndefined();
    expect(reply.headers['x-internal']).toBeUndefined();
    const request = seen.at(-1)!;
    expect(request.headers['if-none-match']).toBe('"p0"');
    expect(request.headers['cookie']).toBeUndefined();
    expect(request.headers['authorization']).toBeUndefined();
  });

  it('passes HEAD as HEAD and the origin\'s 404 as it is', async () => {
    const head = await send('/hls/test/index.m3u8', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(seen.at(-1)!.method).toBe('HEAD');
    const missing = await send('/hls/test/nope.ts');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('public, max-age=1');
  });

  it('refuses other methods without asking the origin', async () => {
    const before = seen.length;
    const reply = await send('/hls/test/index.m3u8', { method: 'POST' });
    expect(reply.status).toBe(405);
    expect(reply.headers['allow']).toBe('GET, HEAD');
    expect(JSON.parse(reply.body)).toEqual({ error: { code: 'method_not_allowed', message: expect.any(String) } });
    expect(seen.length).toBe(before);
  });

  it('answers 502, never to be cached, when the origin is down', async () => {
    const reply = await send('/dead');
    expect(reply.status).toBe(502);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(reply.body).error.code).toBe('origin_unavailable');
  });

  it('stops reading from the origin when the viewer leaves', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${frontBase}/slow.ts`, (res) => res.once('data', () => req.destroy()));
      req.on('error', () => {}).on('close', () => resolve()).end();
      setTimeout(() => reject(new Error('no data')), 5000);
    });
    await expect.poll(() => slowClosed, { timeout: 5000 }).toBe(true);
  });
});
