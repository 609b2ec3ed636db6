import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.ts';
import { loadStaticAssets, serveStaticAsset } from './static-assets.ts';

const script = `console.log(${JSON.stringify('live '.repeat(2000))});\n`;
let server: Server;
let base: string;

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };
function send(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-static-'));
  mkdirSync(join(dir, 'chunks'));
  writeFileSync(join(dir, 'chunks', 'app.js'), script);
  writeFileSync(join(dir, 'tiny.css'), 'a{}'); // compression would make it bigger
  writeFileSync(join(dir, 'notes.unknown'), 'not a known type');
  const totals = precompressDir(dir);
  expect(totals.files).toBe(2);
  expect(totals.brBytes).toBeLessThan(totals.bytes / 10);
  const assets = loadStaticAssets(dir, '/_next/static/');
  server = createServer((req, res) => {
    if (!serveStaticAsset(req, res, assets)) res.writeHead(418).end('next'); // stands in for Next
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('serveStaticAsset', () => {
  it('sends the brotli copy to a browser, cached for a year', async () => {
    const reply = await send('/_next/static/chunks/app.js', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(reply.headers['vary']).toBe('Accept-Encoding');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    expect(brotliDecompressSync(reply.body).toString()).toBe(script);
  });

  it('sends gzip or the plain file to clients without brotli', async () => {
    const gzip = await send('/_next/static/chunks/app.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);
    const plain = await send('/_next/static/chunks/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('sends a file that compression would grow as it is', async () => {
    const reply = await send('/_next/static/tiny.css', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.body.toString()).toBe('a{}');
  });

  it('answers a matching If-None-Match with 304 and HEAD without a body', async () => {
    const first = await send('/_next/static/chunks/app.js');
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await send('/_next/static/chunks/app.js', { headers: { 'if-none-match': `"other", ${etag}` } })).status).toBe(304);
    expect((await send('/_next/static/chunks/app.js', { headers: { 'if-none-match': `W/${etag}` } })).status).toBe(304);
    expect((await send('/_next/static/chunks/app.js', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    const br = await send('/_next/static/chunks/app.js', { headers: { 'accept-encoding': 'br' } });
    expect(br.headers['etag']).not.toBe(etag); // each content coding is its own representation
    expect((await send('/_next/static/chunks/app.js', { headers: { 'accept-encoding': 'br', 'if-none-match': br.headers['etag'] as string } })).status).toBe(304);
    expect((await send('/_next/static/chunks/app.js', { headers: { 'accept-encoding': 'gzip', 'if-none-match': br.headers['etag'] as string } })).status).toBe(200);
    const head = await send('/_next/static/chunks/app.js', { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it('ignores the query string', async () => {
    expect((await send('/_next/static/chunks/app.js?v=1')).body.toString()).toBe(script);
  });

  it('answers 406 when every encoding it has is refused', async () => {
    const reply = await send('/_next/static/chunks/app.js', { headers: { 'accept-encoding': 'deflate, *;q=0' } });
    expect(reply.status).toBe(406);
  });

  it.each([
    ['an unknown file', '/_next/static/chunks/missing.js'],
    ['a file of an unknown type', '/_next/static/notes.unknown'],
    ['a precompressed copy by its own name', '/_next/static/chunks/app.js.br'],
    ['a traversal attempt', '/_next/static/chunks/../../../package.json'],
    ['an encoded traversal attempt', '/_next/static/chunks/..%2f..%2fpackage.json'],
    ['another path', '/cameras/test'],
  ])('leaves %s to Next', async (_what, path) => {
    expect((await send(path)).status).toBe(418);
  });

  it('leaves other methods to Next', async () => {
    expect((await send('/_next/static/chunks/app.js', { method: 'POST' })).status).toBe(418);
  });
});
