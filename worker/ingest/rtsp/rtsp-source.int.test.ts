import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../lib/config/load-config.ts';
import { createLogger } from '../../../lib/log.ts';
import { decodeErrors } from '../../../lib/testing/ffmpeg.ts';
import { spawnSimulator, type SimulatorProcess } from '../../testing/simulator-process.ts';
import { waitFor } from '../../../lib/testing/wait-for.ts';
import { RtspSource } from './rtsp-source.ts';

const PASSWORD = 'S3cret:pw';
const log = createLogger('rtsp-test');
let sim: SimulatorProcess;
let dir: string;
const sources: RtspSource[] = [];

function play(source: string, extra: Record<string, unknown> = {}) {
  const camera = parseConfig({ cameras: [{ id: 'cam', name: 'Cam', source, timeoutSeconds: 3, ...extra }] }).cameras[0]!;
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const rtsp = new RtspSource(camera, output, log);
  sources.push(rtsp);
  return { rtsp, camera, video: () => Buffer.concat(chunks) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lookout-rtsp-'));
  sim = await spawnSimulator({ width: 640, height: 360, bitrateKbps: 1200, credentials: { username: 'admin', password: PASSWORD } });
});
afterEach(async () => {
  for (const source of sources.splice(0)) source.stop();
  await sim.setFault('none');
});
afterAll(async () => {
  await sim?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('RtspSource against the simulated camera (Digest auth)', () => {
  it('keeps playing through lost bytes and hands on only video that decodes cleanly', async () => {
    const { rtsp, video } = play(sim.rtspUrl);
    await waitFor(() => rtsp.stats().packets > 100, { what: 'packets' });
    await sim.setFault('lost-bytes', { meanIntervalMs: 700, server: 'rtsp' });
    await waitFor(() => rtsp.stats().losses >= 8, { timeoutMs: 30_000, what: 'eight losses' });
    const lossesAt = rtsp.stats();
    await sim.setFault('none');
    await waitFor(() => rtsp.stats().packets > lossesAt.packets + 200, { what: 'packets after the fault' });
    const file = join(dir, 'lossy.h264');
    await writeFile(file, video());
    expect(video().length).toBeGreaterThan(200_000);
    expect(await decodeErrors(file)).toEqual([]);
    expect(lossesAt.discardedUnits).toBeGreaterThan(0);
  });

  it('skips to the next IDR instead of queueing without bound when ffmpeg reads too slowly', async () => {
    const camera = parseConfig({ cameras: [{ id: 'cam', name: 'Cam', source: sim.rtspUrl }] }).cameras[0]!;
    const output = new PassThrough({ highWaterMark: 1024 }); // nobody reads it
    const rtsp = new RtspSource(camera, output, log, 100_000);
    sources.push(rtsp);
    await waitFor(() => rtsp.stats().packets > 600, { timeoutMs: 20_000, what: 'four seconds of packets' });
    const queued = output.writableLength + output.readableLength;
    expect(queued).toBeGreaterThan(100_000); // it did fill up…
    expect(queued).toBeLessThan(100_000 + 60_000); // …but only by the limit plus one access unit
    expect(rtsp.stats().discardedUnits).toBeGreaterThan(50);
  });

  it('says "wrong camera password" when the camera turns the credentials down', async () => {
    const { rtsp } = play(sim.rtspUrl.replace(encodeURIComponent(PASSWORD), 'nope'));
    expect(await rtsp.ended).toBe('wrong camera password or user name');
  });

  it('names the status and the method when the camera refuses a request, without the password', async () => {
    const { rtsp } = play(sim.rtspUrl.replace('/stream', '/nothing-here'));
    const hint = await rtsp.ended;
    expect(hint).toBe('camera answered 404 Not Found to DESCRIBE');
  });

  it('says "connection refused" when nothing listens', async () => {
    await sim.setFault('refuse', { server: 'rtsp' });
    const { rtsp } = play(sim.rtspUrl);
    expect(await rtsp.ended).toBe('connection refused: is the camera on and the port right?');
  });

  it('gives up on a camera that stops sending after the I/O timeout', async () => {
    const { rtsp } = play(sim.rtspUrl);
    await waitFor(() => rtsp.stats().packets > 50, { what: 'packets' });
    const stalledAt = Date.now();
    await sim.setFault('stall', { server: 'rtsp' });
    expect(await rtsp.ended).toMatch(/^camera stopped sending \(nothing for \d s\)$/);
    expect(Date.now() - stalledAt).toBeLessThan(6000);
  });

  it('ends when the camera disconnects', async () => {
    const { rtsp } = play(sim.rtspUrl);
    await waitFor(() => rtsp.stats().packets > 50, { what: 'packets' });
    await sim.setFault('disconnect', { server: 'rtsp' });
    expect(await rtsp.ended).toBe('the camera closed the connection');
  });
});
