import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../lib/config/load-config.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { startWorker, type RunningWorker } from '../start-worker.ts';

// A raw H.264 camera on TCP (like a Raspberry Pi) that the test can switch off and on.
async function startTcpCamera(port = 0): Promise<{ port: number; stop: () => void }> {
  const streams = new Set<{ socket: Socket; encoder: ChildProcess }>();
  const server = createServer((socket) => {
    const encoder = spawn('ffmpeg', ['-v', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '25', '-pix_fmt', 'yuv420p', '-f', 'h264', 'pipe:1'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const stream = { socket, encoder };
    streams.add(stream);
    encoder.stdout!.pipe(socket);
    socket.on('error', () => {});
    socket.on('close', () => {
      encoder.kill('SIGKILL');
      streams.delete(stream);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => {
      server.close();
      for (const { socket, encoder } of streams) {
        socket.destroy();
        encoder.kill('SIGKILL');
      }
    },
  };
}

let worker: RunningWorker | undefined;
let camera: Awaited<ReturnType<typeof startTcpCamera>> | undefined;
afterAll(async () => {
  camera?.stop();
  await worker?.stop();
});

type Seen = { status: number; etag: string; lastModified: string; age: string | null; body: Buffer };
async function getPreview(headers: Record<string, string> = {}): Promise<Seen> {
  const response = await fetch(`${worker!.originUrl}/preview.jpg`, { headers });
  const h = (name: string) => response.headers.get(name);
  return { status: response.status, etag: h('etag') ?? '', lastModified: h('last-modified') ?? '', age: h('x-snapshot-age'), body: Buffer.from(await response.arrayBuffer()) };
}

// How much redder than green the band area is: the offline band is a translucent red.
async function bandRedness(jpeg: Buffer): Promise<number> {
  const { data } = await sharp(jpeg).extract({ left: 0, top: 0, width: 640, height: 30 }).raw().toBuffer({ resolveWithObject: true });
  let red = 0;
  for (let i = 0; i < data.length; i += 3) red += data[i]! - data[i + 1]!;
  return red / (data.length / 3);
}

describe('preview.jpg when the camera stops', () => {
  it('goes stale with an age header and a visible offline band, survives a worker restart, and recovers', async () => {
    camera = await startTcpCamera();
    const dataDir = await mkdtemp(join(tmpdir(), 'lookout-offline-'));
    const config = parseConfig({ cameras: [{ id: 'pi', name: 'Pi', source: `tcp://127.0.0.1:${camera.port}`, frameRate: 25, snapshot: { intervalSeconds: 3, width: 640, overlay: true, overlayPosition: 'bottom-left' } }] });
    const start = async () => (worker = await startWorker({ config, dataDir, ffmpegPath: 'ffmpeg', originHost: '127.0.0.1', originPort: 0, recordEvent: () => {} }));
    await start();
    await waitFor(async () => (await getPreview()).status === 200, { timeoutMs: 20_000, what: 'the first image' });

    camera.stop();
    let plain: Seen | undefined;
    const stale = await waitFor(async () => {
      const seen = await getPreview();
      expect(seen.status).toBe(200);
      if (!seen.age) plain = seen;
      return seen.age !== null && seen;
    }, { timeoutMs: 30_000, intervalMs: 250, what: 'the age header' });
    expect(Number(stale.age)).toBeGreaterThanOrEqual(13); // 3 × 3 s interval + 2 × 2 s segments
    expect(stale.lastModified).toBe(plain!.lastModified);
    const offline = await waitFor(async () => {
      const seen = await getPreview();
      return seen.etag !== plain!.etag && seen;
    }, { timeoutMs: 5_000, what: 'the offline band' });
    expect([offline.status, offline.lastModified, (await sharp(offline.body).metadata()).width]).toEqual([200, plain!.lastModified, 640]);
    expect(await bandRedness(offline.body)).toBeGreaterThan((await bandRedness(plain!.body)) + 60);
    // Clients holding the plain picture get the band, by either validator; holders of the band get 304.
    expect((await getPreview({ 'If-None-Match': plain!.etag })).etag).toBe(offline.etag);
    expect((await getPreview({ 'If-Modified-Since': plain!.lastModified })).etag).toBe(offline.etag);
    const revalidated = await getPreview({ 'If-None-Match': offline.etag });
    expect([revalidated.status, revalidated.age !== null]).toEqual([304, true]);

    await worker!.stop();
    await start();
    const afterRestart = await getPreview();
    expect([afterRestart.status, afterRestart.lastModified, afterRestart.age !== null]).toEqual([200, plain!.lastModified, true]);
    await waitFor(async () => (await getPreview()).body.equals(offline.body), { timeoutMs: 5_000, what: 'the band after a restart' });

    camera = await startTcpCamera(camera.port);
    const back = await waitFor(async () => {
      const seen = await getPreview();
      return seen.age === null && seen;
    }, { timeoutMs: 30_000, what: 'a fresh image' });
    expect(Date.parse(back.lastModified)).toBeGreaterThan(Date.parse(plain!.lastModified));
    expect(await bandRedness(back.body)).toBeLessThan((await bandRedness(offline.body)) - 60);
  });
});
