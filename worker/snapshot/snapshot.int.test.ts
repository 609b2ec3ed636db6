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
const config = parseConfig({ cameras: [{ id: 'roof', name: 'Roof', source: 'test:', timezone: 'Europe/Zurich', snapshot: { intervalSeconds: 3, overlay: true, overlayPosition: 'bottom-left' } }] });
// 3 s rather than the minimum 2: on a loaded 2-core box a grab can lag enough to look stale.
const STALE_AFTER_S = 3 * 3 + 2 * 2; // 3 × interval + 2 segments
const FRESH_MS = (STALE_AFTER_S + 1) * 1000; // Last-Modified drops the milliseconds

beforeAll(async () => {
  worker = await startWorker({ config, dataDir: await mkdtemp(join(tmpdir(), 'lookout-snap-')), ffmpegPath: 'ffmpeg', originHost: '127.0.0.1', originPort: 0, recordEvent: () => {} });
  base = worker.originUrl;
});
afterAll(async () => worker?.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());
// Mean of each channel in one area (sharp's stats() would look at the whole input).
async function meanOf(jpeg: Buffer, area: { left: number; top: number; width: number; height: number }): Promise<number[]> {
  const { data, info } = await sharp(jpeg).extract(area).raw().toBuffer({ resolveWithObject: true });
  const sums = [0, 0, 0];
  for (let i = 0; i < data.length; i++) sums[i % info.channels]! += data[i]!;
  return sums.map((sum) => sum / (data.length / info.channels));
}

describe('preview.jpg from the test camera', () => {
  it('answers 503 with Retry-After before the first image, and no body pretending to be one', async () => {
    const response = await get('/preview.jpg');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('content-type')).not.toContain('image');
    expect((await get('/preview.jpg?w=500')).status).toBe(404); // a width that will never exist, even now
  });

  it('serves a whole JPEG of the configured size, captured moments ago, with honest cache headers', async () => {
    const response = await waitFor(async () => {
      const r = await get('/preview.jpg');
      return r.status === 200 && r;
    }, { timeoutMs: 20_000, what: 'first preview' });
    const body = await bytes(response);
    const meta = await sharp(body).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1280, 720]);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toBe('public, max-age=1');
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    const captured = Date.parse(response.headers.get('last-modified')!);
    expect(Date.now() - captured).toBeLessThan(FRESH_MS);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-snapshot-age')).toBeNull();
  });

  it('draws the name and camera time on a dark box in the chosen corner', async () => {
    const body = await bytes(await get('/preview.jpg'));
    const label = await meanOf(body, { left: 14, top: 668, width: 200, height: 36 });
    const above = await meanOf(body, { left: 14, top: 600, width: 200, height: 36 });
    // testsrc2 has a bright red bar there; the box darkens it, the white letters lift the blue.
    expect(label[0]!).toBeLessThan(above[0]! * 0.8);
    expect(label[2]!).toBeGreaterThan(above[2]! + 20);
  });

  it('has the same image per camera URL, the thumbnail widths, and a bare 404 for unknown cameras and widths, a 400 for other spellings', async () => {
    const [main, byId] = await Promise.all([get('/preview.jpg'), get('/cameras/roof/preview.jpg')]);
    expect(byId.status).toBe(200);
    expect(byId.headers.get('etag')).toBe(main.headers.get('etag'));
    for (const w of [320, 640, 1280]) {
      const meta = await sharp(await bytes(await get(`/cameras/roof/preview.jpg?w=${w}`))).metadata();
      expect([meta.width, meta.height]).toEqual([w, (w * 9) / 16]);
    }
    for (const path of ['/preview.jpg?w=500', '/cameras/nope/preview.jpg', '/cameras/Roof/preview.jpg']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Not found' } });
    }
    for (const path of ['/preview.jpg?w=0640', '/preview.jpg?w=%20640', '/cameras/roof/preview.jpg?w=abc', '/preview.jpg?w=0', '/preview.jpg?W=320', '/cameras/roof/preview.jpg/']) {
      const response = await get(path); // another spelling of a width: never cached, never a second copy
      expect(response.status, path).toBe(400);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('answers 304 to both conditional headers, and HEAD without a body', async () => {
    const first = await get('/preview.jpg');
    const etag = first.headers.get('etag')!;
    const byTag = await get('/preview.jpg', { 'If-None-Match': etag });
    // The image may have been renewed in between; then a 200 with a new tag is right.
    expect(byTag.status === 304 || byTag.headers.get('etag') !== etag).toBe(true);
    if (byTag.status === 304) expect(byTag.headers.get('etag')).toBe(etag);
    expect((await get('/preview.jpg', { 'If-Modified-Since': new Date(Date.now() + 60_000).toUTCString() })).status).toBe(304);
    expect((await get('/preview.jpg', { 'If-Modified-Since': 'Thu, 01 Jan 2015 00:00:00 GMT' })).status).toBe(200);
    const head = await fetch(`${base}/preview.jpg?w=320`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('changes as the test camera clock runs', async () => {
    const before = await bytes(await get('/preview.jpg?w=320'));
    const after = await waitFor(async () => {
      const body = await bytes(await get('/preview.jpg?w=320'));
      return !body.equals(before) && body;
    }, { timeoutMs: 10_000, what: 'a new image' });
    const [a, b] = await Promise.all([before, after].map((jpeg) => sharp(jpeg).raw().toBuffer()));
    expect(a!.equals(b!)).toBe(false);
  });

  it('gives a portal polling with conditional requests fresh images and only correct 304s', async () => {
    const clients = { etag: { headers: {} as Record<string, string>, seen: new Set<string>(), notModified: 0 }, date: { headers: {} as Record<string, string>, seen: new Set<string>(), notModified: 0 } };
    for (let poll = 0; poll < 24; poll++) {
      for (const [kind, client] of Object.entries(clients)) {
        const response = await get('/preview.jpg', client.headers);
        const etag = response.headers.get('etag')!;
        const lastModified = response.headers.get('last-modified')!;
        expect(response.headers.get('x-snapshot-age')).toBeNull();
        expect(Date.now() - Date.parse(lastModified)).toBeLessThan(FRESH_MS);
        if (response.status === 304) {
          client.notModified++;
          expect(kind === 'etag' ? etag : lastModified).toBe(kind === 'etag' ? client.headers['If-None-Match'] : client.headers['If-Modified-Since']);
          continue;
        }
        expect(response.status).toBe(200);
        const body = await bytes(response);
        expect((await sharp(body).metadata()).width).toBe(1280);
        expect(client.seen.has(etag), 'a 200 for an image the client already had').toBe(false);
        client.seen.add(etag);
        client.headers = kind === 'etag' ? { 'If-None-Match': etag } : { 'If-Modified-Since': lastModified };
      }
      await new Promise((resolve) => setTimeout(resolve, 900));
    }
    for (const client of Object.values(clients)) {
      expect(client.seen.size).toBeGreaterThanOrEqual(5);
      expect(client.notModified).toBeGreaterThanOrEqual(3);
    }
  });
});
