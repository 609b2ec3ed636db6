import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../lib/config/load-config.ts';
import { createLogger } from '../../lib/log.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { createOriginServer } from '../origin/server.ts';
import { Publisher } from '../publisher/publisher.ts';
import { SnapshotJob } from './snapshot-job.ts';
import { previewFile } from './snapshot-store.ts';

// A camera whose newest published segment changes every 200 ms, and a snapshot job with a
// 200 ms interval (below what the config allows) so that the image is rewritten that often.
const root = mkdtempSync(join(tmpdir(), 'lookout-reads-'));
const snapshotDir = join(root, 'snapshots');
const base = parseConfig({ cameras: [{ id: 'a', name: 'A', source: 'test:', snapshot: { width: 640 } }] }).cameras[0]!;
const camera = { ...base, snapshot: { ...base.snapshot, intervalSeconds: 0.2 } };
let job: SnapshotJob;
let origin: Server;
let url: string;
let publishing: NodeJS.Timeout;

beforeAll(async () => {
  const recorded = join(root, 'recorded');
  mkdirSync(recorded);
  mkdirSync(join(root, 'staging'));
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-t', '8', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-pix_fmt', 'yuv420p', '-f', 'segment', '-segment_time', '1', '-segment_format', 'mpegts', join(recorded, 'seg-%d.ts')]);
  const recordings = readdirSync(recorded).map((f) => join(recorded, f));
  const publisher = await Publisher.open({ dir: join(root, 'hls', 'a'), stateFile: join(root, 'state.json'), targetDuration: 1 });
  let n = 0;
  publishing = setInterval(() => {
    const staged = join(root, 'staging', `run-${String(n).padStart(6, '0')}.ts`);
    copyFileSync(recordings[n++ % recordings.length]!, staged);
    void publisher.publish(staged, 1);
  }, 200);
  job = await SnapshotJob.open(camera, { ffmpegPath: 'ffmpeg', publisher, dir: snapshotDir, log: createLogger('test') });
  job.start();
  origin = createOriginServer({ hlsRoot: join(root, 'hls'), cameraIds: ['a'], status: () => ({ generatedAt: '', cameras: [] }), snapshots: { defaultCameraId: 'a', jobs: new Map([['a', { job, intervalSeconds: 0.2, width: 640 }]]) }, log: createLogger('test') });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  await waitFor(() => job.view(), { timeoutMs: 20_000, what: 'the first image' });
}, 60_000);

afterAll(async () => {
  clearInterval(publishing);
  job?.stop();
  origin?.closeAllConnections();
  await new Promise((resolve) => origin?.close(resolve));
});

const tagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`;
const staggered = <T>(count: number, read: (i: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, i) => new Promise<T>((resolve, reject) => setTimeout(() => read(i).then(resolve, reject), i))));

// Whole means: starts with SOI, ends with EOI, and libvips decodes every pixel without a warning.
async function expectWholeJpeg(body: Buffer, width: number): Promise<void> {
  expect([body[0], body[1], body.at(-2), body.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
  const { info } = await sharp(body, { failOn: 'warning' }).raw().toBuffer({ resolveWithObject: true });
  expect(info.width).toBe(width);
}

describe('preview.jpg rewritten every 200 ms', () => {
  it('answers 1,000 concurrent reads from memory with whole JPEGs whose tags match their bytes', async () => {
    const responses = await staggered(1000, async (i) => {
      const response = await fetch(`${url}/preview.jpg${i % 2 ? '?w=320' : ''}`);
      const body = Buffer.from(await response.arrayBuffer());
      return { i, status: response.status, etag: response.headers.get('etag'), length: Number(response.headers.get('content-length')), body };
    });
    for (const r of responses) {
      expect(r.status).toBe(200);
      expect(r.length).toBe(r.body.length);
      expect(r.etag).toBe(tagOf(r.body));
      await expectWholeJpeg(r.body, r.i % 2 ? 320 : 640);
    }
    expect(new Set(responses.map((r) => r.etag)).size, 'images seen while reading').toBeGreaterThanOrEqual(4);
  });

  it('never lets 1,000 concurrent readers of the files on disk see half a JPEG', async () => {
    const bodies = await staggered(1000, (i) => readFile(previewFile(snapshotDir, i % 2 ? 320 : 640)));
    for (const [i, body] of bodies.entries()) await expectWholeJpeg(body, i % 2 ? 320 : 640);
    expect(new Set(bodies.map(tagOf)).size, 'files seen while reading').toBeGreaterThanOrEqual(4);
  });
});
