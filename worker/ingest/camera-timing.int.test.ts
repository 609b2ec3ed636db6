import { describe, expect, it } from 'vitest';
import { startFaultRig } from '../testing/fault-rig.ts';
import { checkSegmentTiming, probePackets, readFrameCounters, type TimedSegment } from '../testing/segment-timing.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';

const SEGMENTS = 3; // published per camera and case, after the first
const INTERVAL = 3600; // 25 fps in 90 kHz ticks
// RTP carries the encoder's 90 kHz clock; raw H.264 gets the SPS VUI rate. Both pass
// through FLV's milliseconds, exact at 25 fps.
const TOLERANCE = 90; // 1 ms

// Real cameras: B-frames or none, a 1 s or 2 s GOP, bursty delivery (jitter, packets held
// up to 200 ms). Every published segment must carry the camera's own timing, in display order.
describe.each([
  { bFrames: 0, gopSeconds: 1 },
  { bFrames: 2, gopSeconds: 1 },
  { bFrames: 0, gopSeconds: 2 },
  { bFrames: 2, gopSeconds: 2 },
])('a camera with $bFrames B-frames and a $gopSeconds s GOP, delivered in bursts', ({ bFrames, gopSeconds }) => {
  it('publishes RTSP and raw TCP with DTS rising, PTS ≥ DTS, 40 ms PTS steps and frames in display order', async () => {
    const rig = await startFaultRig(
      [
        { id: 'rtsp', source: (sim) => sim.rtspUrl },
        { id: 'raw', source: (sim) => sim.tcpUrl },
      ],
      { sim: { width: 320, height: 180, bitrateKbps: 300, bFrames, gopSeconds } },
    );
    let reports;
    try {
      await rig.sim.setFault('jitter', { holdMs: 200 });
      const published = (id: string) => rig.samplers.get(id)!.current.segments.length;
      await waitFor(() => published('rtsp') > SEGMENTS && published('raw') > SEGMENTS, { timeoutMs: 60_000, what: `${SEGMENTS + 1} segments from each camera` });
    } finally {
      reports = await rig.stop();
    }
    for (const id of ['rtsp', 'raw']) {
      const report = reports.get(id)!;
      expect(report.violations, id).toEqual([]);
      expect(report.decodeFailures, id).toEqual([]);
      const segments: TimedSegment[] = await Promise.all(report.segments.map(async (s) => ({ ...s, packets: await probePackets(s.file), counters: await readFrameCounters(s.file) })));
      expect(checkSegmentTiming(segments, INTERVAL, TOLERANCE), id).toEqual([]);
      const reordered = segments.flatMap((s) => s.packets).filter((p) => p.pts > p.dts).length;
      if (bFrames > 0) expect(reordered, `${id}: frames shown after their decoding`).toBeGreaterThan(0);
      else expect(reordered, id).toBe(0);
    }
  }, 120_000);
});
