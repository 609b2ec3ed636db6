import { execFileSync, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../lib/config/load-config.ts';
import { parsePlaylist } from '../../lib/hls/parse-playlist.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { startWorker, type RunningWorker } from '../start-worker.ts';
import { startFaultRig } from '../testing/fault-rig.ts';

let worker: RunningWorker | undefined;
afterAll(async () => worker?.stop());

describe('segment length and the camera keyframe interval', () => {
  it('switches to a multiple of a 1.6 s keyframe interval instead of alternating lengths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-gop-'));
    const recording = join(dir, 'gop40.ts');
    // 25 fps with a keyframe every 40 frames = 1.6 s: 2 s segments would alternate 3.2 / 1.6 s.
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25', '-t', '30', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '40', '-keyint_min', '40', '-sc_threshold', '0', '-y', recording]);
    const config = parseConfig({ cameras: [{ id: 'gop', name: 'GOP', source: `file://${recording}`, segmentSeconds: 2, integrity: 'off' }] });
    const events: { kind: string; detail: string }[] = [];
    worker = await startWorker({ config, dataDir: join(dir, 'data'), ffmpegPath: 'ffmpeg', originHost: '127.0.0.1', originPort: 0, recordEvent: (e) => events.push(e) });
    const playlist = await waitFor(
      async () => {
        const text = await (await fetch(`${worker!.originUrl}/hls/gop/index.m3u8`)).text().catch(() => '');
        const p = text.startsWith('#EXTM3U') ? parsePlaylist(text) : undefined;
        const afterSwitch = p?.segments.slice(p.segments.findIndex((s) => s.discontinuity) + 1) ?? [];
        return p && p.segments.some((s) => s.discontinuity) && afterSwitch.length >= 3 && p;
      },
      { timeoutMs: 40_000, what: 'three segments after the switch' },
    );
    const afterSwitch = playlist.segments.slice(playlist.segments.findIndex((s) => s.discontinuity) + 1);
    for (const segment of afterSwitch.slice(0, -1)) expect(segment.duration).toBeCloseTo(1.6, 1);
    expect(events.map((e) => e.detail)).toContainEqual(expect.stringContaining('keyframe every 1.6 s'));
    for (const segment of playlist.segments) expect(Math.round(segment.duration)).toBeLessThanOrEqual(playlist.targetDuration!);
  });

  it("switches for RTSP and raw TCP cameras, read by the worker's own readers", async () => {
    const rig = await startFaultRig(
      [
        { id: 'rtsp', source: (sim) => sim.rtspUrl, segmentSeconds: 2 },
        { id: 'raw', source: (sim) => sim.tcpUrl, segmentSeconds: 2 },
      ],
      { sim: { gopSeconds: 1.6 } },
    );
    try {
      const switched = (id: string) => rig.events.some((e) => e.cameraId === id && e.detail.includes('keyframe every 1.6 s'));
      await waitFor(() => switched('rtsp') && switched('raw'), { timeoutMs: 60_000, what: 'both cameras on 1.6 s segments' });
    } finally {
      await rig.stop();
    }
  }, 90_000);

  // The simulator starts every client at a keyframe; real cameras do not. The frames before a
  // run's first IDR are left out, and that is no loss: it must not keep a camera from its
  // rhythm (losses after the first segment do).
  it('switches for a raw TCP camera that joins mid-GOP', async () => {
    const server = createServer((socket) => {
      const camera = spawn('ffmpeg', ['-v', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25', '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '40', '-keyint_min', '40', '-sc_threshold', '0', '-f', 'h264', '-']);
      const joinAt = Date.now() + 600; // 0.6 s into the first 1.6 s GOP
      camera.stdout.on('data', (chunk: Buffer) => Date.now() >= joinAt && socket.write(chunk));
      socket.on('close', () => camera.kill());
      socket.on('error', () => camera.kill());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dir = mkdtempSync(join(tmpdir(), 'lookout-gop-'));
    const config = parseConfig({ cameras: [{ id: 'midgop', name: 'Mid-GOP', source: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`, segmentSeconds: 2 }] });
    const events: { detail: string }[] = [];
    const midGop = await startWorker({ config, dataDir: join(dir, 'data'), ffmpegPath: 'ffmpeg', originHost: '127.0.0.1', originPort: 0, recordEvent: (e) => events.push(e) });
    try {
      await waitFor(() => events.some((e) => e.detail.includes('keyframe every 1.6 s')), { timeoutMs: 40_000, what: 'the switch to 1.6 s segments' });
    } finally {
      await midGop.stop();
      server.close();
    }
  }, 60_000);
});
