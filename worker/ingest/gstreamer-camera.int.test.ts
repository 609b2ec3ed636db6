import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../lib/config/load-config.ts';
import { startGstCamera } from '../testing/gst-rtsp-camera.ts';
import { PlaylistSampler } from '../../lib/testing/playlist-sampler.ts';
import { checkSegmentTiming, probePackets, readFrameHashes, type TimedSegment } from '../testing/segment-timing.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { freePort } from '../../lib/testing/child-process.ts';
import { startWorker } from '../start-worker.ts';

// A camera nobody here wrote: GStreamer's gst-rtsp-server with x264enc, 2 B-frames and a
// 2 s GOP, as a new user would set one up. Its own encoder output is tapped to a file, so
// every published frame can be found in it: display order is the encoder's order.
describe('an RTSP camera served by GStreamer (x264enc bframes=2, 2 s GOP)', () => {
  it('is published with the camera clock: DTS rising, PTS ≥ DTS, 40 ms steps, frames in the encoder order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lookout-gst-'));
    const tapFile = join(dir, 'encoder.h264');
    const camera = await startGstCamera({ port: await freePort(), size: '320x180', frameRate: 25, keyint: 50, bFrames: 2, tapFile });
    const config = parseConfig({ cameras: [{ id: 'gst', name: 'GStreamer', source: camera.url }] });
    const worker = await startWorker({ config, dataDir: dir, ffmpegPath: 'ffmpeg', originHost: '127.0.0.1', originPort: 0, recordEvent: () => {} }).catch(async (error) => {
      await camera.stop();
      throw error;
    });
    const sampler = new PlaylistSampler(`${worker.originUrl}/hls/gst`, dir).start();
    let report;
    let stream;
    try {
      await waitFor(() => sampler.current.segments.length >= 4, { timeoutMs: 60_000, what: 'four segments' });
      stream = worker.health.stream('gst');
    } finally {
      report = await sampler.stop();
      await worker.stop();
      await camera.stop();
    }
    expect(report.violations).toEqual([]);
    // GStreamer sends RTCP sender reports with its wall clock (this machine's): believed.
    expect(stream?.cameraClock?.used).toBe(true);
    expect(report.decodeFailures).toEqual([]);
    const encoded = await readFrameHashes(tapFile);
    const segments: TimedSegment[] = await Promise.all(
      report.segments.map(async (s) => ({ ...s, packets: await probePackets(s.file), counters: (await readFrameHashes(s.file)).map((hash) => encoded.indexOf(hash)) })),
    );
    expect(segments.flatMap((s) => s.counters)).not.toContain(-1); // every frame is one the encoder made
    expect(checkSegmentTiming(segments, 3600, 90)).toEqual([]);
    expect(segments.flatMap((s) => s.packets).filter((p) => p.pts > p.dts).length).toBeGreaterThan(0);
  }, 120_000);
});
