import { describe, expect, it } from 'vitest';
import { startFaultRig } from '../testing/fault-rig.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { measureDuration } from './salvage-frames.ts';

const FAULT_SECONDS = Number(process.env.LOST_FRAMES_SECONDS ?? 60);

type Shown = { start: number; end: number };

// Wall-clock spans with video to show: each published segment from its PROGRAM-DATE-TIME
// for as long as its frames last (not its EXTINF, which may include a hole).
function coverage(spans: Shown[], from: number, to: number): { share: number; longestHoleS: number } {
  let covered = 0;
  let longest = 0;
  let reached = from;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start, reached);
    const end = Math.min(span.end, to);
    if (start >= to) break;
    longest = Math.max(longest, start - reached);
    if (end > start) covered += end - start;
    reached = Math.max(reached, end);
  }
  longest = Math.max(longest, to - reached);
  return { share: covered / (to - from), longestHoleS: longest / 1000 };
}

// Lose frames, not GOPs: a camera that drops a chunk of bytes every ~3 s with a 2 s (or
// 4 s) GOP keeps the frames before each damage; what is published never decodes with an error.
describe.each([
  { gopSeconds: 2, minShare: 0.9, maxHoleS: 3 },
  { gopSeconds: 4, minShare: 0.8, maxHoleS: 5 },
])('a camera with a $gopSeconds s GOP that loses bytes every ~3 s', ({ gopSeconds, minShare, maxHoleS }) => {
  it(`shows video ≥ ${minShare * 100} % of the time with no hole over ${maxHoleS} s, over raw TCP and RTSP`, async () => {
    const rig = await startFaultRig(
      [
        { id: 'rtsp', source: (sim) => sim.rtspUrl, segmentSeconds: gopSeconds },
        { id: 'raw', source: (sim) => sim.tcpUrl, segmentSeconds: gopSeconds },
      ],
      { sim: { gopSeconds } },
    );
    const fault = { from: 0, to: 0 };
    let reports;
    try {
      await waitFor(() => rig.state('rtsp') === 'live' && rig.state('raw') === 'live', { timeoutMs: 60_000, what: 'both cameras live' });
      await rig.sim.setFault('lost-bytes', { meanIntervalMs: 3000 });
      fault.from = Date.now();
      await new Promise((resolve) => setTimeout(resolve, FAULT_SECONDS * 1000));
      fault.to = Date.now() - 2 * gopSeconds * 1000; // the last segments are still being checked
    } finally {
      reports = await rig.stop();
    }
    for (const id of ['rtsp', 'raw']) {
      const report = reports.get(id)!;
      expect(report.violations, id).toEqual([]);
      expect(report.decodeFailures, id).toEqual([]);
      const spans = await Promise.all(report.segments.filter((s) => s.programDateTime).map(async (s) => {
        const start = Date.parse(s.programDateTime!);
        return { start, end: start + (await measureDuration('ffprobe', s.file)) * 1000 };
      }));
      const { from, to } = fault;
      const { share, longestHoleS } = coverage(spans, from, to);
      console.log(`lost-bytes, ${gopSeconds} s GOP, ${id}: video ${(share * 100).toFixed(0)} % of ${((to - from) / 1000).toFixed(0)} s, longest hole ${longestHoleS.toFixed(1)} s, ${report.segments.length} segments`);
      expect(share, id).toBeGreaterThanOrEqual(minShare);
      expect(longestHoleS, id).toBeLessThanOrEqual(maxHoleS);
    }
  }, (FAULT_SECONDS + 240) * 1000);
});
