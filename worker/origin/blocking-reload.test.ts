import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../lib/log.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { Publisher } from '../publisher/publisher.ts';
import type { PlaylistFeed } from './blocking-reload.ts';
import { createOriginServer } from './server.ts';

// The real origin with a real publisher (1 s segments, so a reload is held for at most 2 s).
let root: string;
let publisher: Publisher;
let origin: Server;
let base: string;
let staged = 0;
let held = 0; // blocking reloads the origin is holding on the publisher right now

async function publishSegment(): Promise<void> {
  const file = join(root, 'staging', `seg-${staged++}.ts`);
  writeFileSync(file, Buffer.alloc(188));
  await publisher.publish(file, 1);
}
function get(path: string, { abortWhenHeld = false } = {}): Promise<{ status: number; body: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode!, body, ms: Date.now() - started }));
    });
    req.on('error', (error) => (abortWhenHeld ? resolve({ status: 0, body: '', ms: Date.now() - started }) : reject(error))).end();
    if (abortWhenHeld) void waitForHold().then(() => req.destroy());
  });
}
const waitForHold = () => waitFor(() => held > 0, { intervalMs: 20, what: 'the origin to hold the reload' });
function countHolds(publisher: Publisher): PlaylistFeed {
  return {
    lastSequence: () => publisher.lastSequence(),
    targetDuration: () => publisher.targetDuration(),
    onPlaylistWritten: (listener) => {
      held++;
      const unsubscribe = publisher.onPlaylistWritten(listener);
      return () => {
        held--;
        unsubscribe();
      };
    },
  };
}
const lastSequenceIn = (playlist: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(playlist)![1]) + playlist.split('\n').filter((l) => l.endsWith('.ts')).length - 1;

beforeEach(async () => {
  held = 0;
  root = mkdtempSync(join(tmpdir(), 'lookout-blocking-'));
  for (const dir of ['hls/cam', 'staging', 'state']) mkdirSync(join(root, dir), { recursive: true });
  publisher = await Publisher.open({ dir: join(root, 'hls', 'cam'), stateFile: join(root, 'state', 'cam.json'), targetDuration: 1, windowSize: 5 });
  await publishSegment(); // sequence 0
  origin = createOriginServer({ hlsRoot: join(root, 'hls'), cameraIds: ['cam'], status: () => ({ generatedAt: '', cameras: [] }), snapshots: { defaultCameraId: 'cam', jobs: new Map() }, playlists: new Map([['cam', countHolds(publisher)]]), log: createLogger('test') });
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});
afterEach(async () => {
  origin.closeAllConnections();
  await new Promise((r) => origin.close(r));
});

describe('blocking playlist reload at the origin', () => {
  it('says it can block, and answers at once for a segment it already has', async () => {
    const reply = await get('/hls/cam/index.m3u8?_HLS_msn=0');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES');
    expect(reply.ms).toBeLessThan(500);
  });

  it('holds a request for the next segment until it is published, then answers with it', async () => {
    let answered = false;
    const pending = get('/hls/cam/index.m3u8?_HLS_msn=1').finally(() => (answered = true));
    await waitForHold();
    expect(answered).toBe(false); // it really waits for the publish
    await publishSegment();
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(lastSequenceIn(reply.body)).toBe(1);
  });

  it('answers with the current playlist when the camera stalls past two target durations', async () => {
    const reply = await get('/hls/cam/index.m3u8?_HLS_msn=1');
    expect(reply.status).toBe(200);
    expect(lastSequenceIn(reply.body)).toBe(0);
    expect(reply.ms).toBeGreaterThanOrEqual(1900);
  });

  it('refuses a sequence number more than two segments ahead, and a malformed one', async () => {
    expect((await get('/hls/cam/index.m3u8?_HLS_msn=3')).status).toBe(400);
    expect((await get('/hls/cam/index.m3u8?_HLS_msn=abc')).status).toBe(400);
    expect((await get('/hls/cam/index.m3u8?_HLS_msn=-1')).status).toBe(400);
  });

  it('lets go of a request whose client left, and keeps serving others', async () => {
    await get('/hls/cam/index.m3u8?_HLS_msn=1', { abortWhenHeld: true });
    await waitFor(() => held === 0, { intervalMs: 20, what: 'the origin to let go of the request' });
    const pending = get('/hls/cam/index.m3u8?_HLS_msn=1');
    await waitForHold();
    await publishSegment();
    expect((await pending).status).toBe(200);
  });

  it('ignores the query on segments', async () => {
    const segment = (await get('/hls/cam/index.m3u8')).body.split('\n').find((l) => l.endsWith('.ts'));
    const reply = await get(`/hls/cam/${segment}?_HLS_msn=99`);
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(500);
  });
});
