import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../lib/config/load-config.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { startWorker, type RunningWorker } from '../start-worker.ts';

let worker: RunningWorker;
let base: string;
const config = parseConfig({ cameras: [{ id: 'roof', name: 'Roof', source: 'test:', snapshot: { intervalSeconds: 2 } }] });

beforeAll(async () => {
  worker = await startWorker({ config, dataDir: await mkdtemp(join(tmpdir(), 'lookout-snap-')), ffmpegPath: 'ffmpeg', originHost: '127.0.0.1', originPort: 0, recordEvent: () => {} });
  base = worker.originUrl;
});
afterAll(async () => worker?.stop());

describe('preview.jpg', () => {
  it('answers 503 with Retry-After before the first image', async () => {
    const response = await fetch(`${base}/preview.jpg`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('content-type')).not.toContain('image');
  });

  it('serves a whole JPEG of the configured size with honest cache headers', async () => {
    const response = await waitFor(async () => {
      const r = await fetch(`${base}/preview.jpg`);
      return r.status === 200 && r;
    }, { timeoutMs: 20_000, what: 'first preview' });
    const body = Buffer.from(await response.arrayBuffer());
    const meta = await sharp(body).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1280, 720]);
    expect(response.headers.get('cache-control')).toBe('public, max-age=1');
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(response.headers.get('last-modified')).toBeTruthy();
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-snapshot-age')).toBeNull();
  });

  it('has the same image per camera URL and the thumbnail widths', async () => {
    const main = await fetch(`${base}/cameras/roof/preview.jpg`);
    expect(main.status).toBe(200);
    for (const w of [320, 640]) {
      const body = Buffer.from(await (await fetch(`${base}/cameras/roof/preview.jpg?w=${w}`)).arrayBuffer());
      expect((await sharp(body).metadata()).width).toBe(w);
    }
    for (const path of ['/cameras/roof/preview.jpg?w=500', '/cameras/nope/preview.jpg', '/cameras/roof/preview.jpg?w=abc', '/cameras/Roof/preview.jpg']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
  });

  it('answers 304 to both conditional headers, and HEAD without a body', async () => {
    const first = await fetch(`${base}/preview.jpg`);
    const etag = first.headers.get('etag')!;
    const byTag = await fetch(`${base}/preview.jpg`, { headers: { 'If-None-Match': etag } });
    const fresh = await fetch(`${base}/preview.jpg`);
    // The image may have been renewed in between; then a 200 with a new tag is right.
    expect(byTag.status === 304 || fresh.headers.get('etag') !== etag).toBe(true);
    const byDate = await fetch(`${base}/preview.jpg`, { headers: { 'If-Modified-Since': new Date(Date.now() + 60_000).toUTCString() } });
    expect(byDate.status).toBe(304);
    expect((await fetch(`${base}/preview.jpg`, { headers: { 'If-Modified-Since': 'Thu, 01 Jan 2015 00:00:00 GMT' } })).status).toBe(200);
    const head = await fetch(`${base}/preview.jpg`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('changes as the test camera clock runs, and every concurrent read is a whole JPEG', async () => {
    const tag = (await fetch(`${base}/preview.jpg`)).headers.get('etag');
    await waitFor(async () => (await fetch(`${base}/preview.jpg`)).headers.get('etag') !== tag, { timeoutMs: 10_000, what: 'a new image' });
    const bodies = await Promise.all(Array.from({ length: 300 }, async () => Buffer.from(await (await fetch(`${base}/preview.jpg?w=320`)).arrayBuffer())));
    for (const body of bodies) expect((await sharp(body).stats()).channels.length).toBe(3);
  });
});
