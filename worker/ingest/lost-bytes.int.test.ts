import { describe, expect, it } from 'vitest';
import { startFaultRig } from '../testing/fault-rig.ts';
import { idealCoverage, measureCoverage, type CameraTimes } from '../../lib/testing/video-coverage.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { measureDuration } from './segment-packets.ts';

const FAULT_SECONDS = Number(process.env.LOST_BYTES_SECONDS ?? 45);
// What Lookout may lose beyond the bound below: a segment's PROGRAM-DATE-TIME is when ffmpeg
// began it, up to a few hundred ms off the camera's clock, and a drop that runs into the next
// keyframe's bytes costs one more GOP.
const SHARE_MARGIN = 0.08;
const HOLE_MARGIN_S = 1.5;

// The old live555 bug: every ~3 s (per connection) a contiguous 200–8000-byte chunk of the
// camera's TCP stream is silently lost. Over RTSP the interleaved framing desyncs until our
// client finds it again; over raw H.264 the damaged slices reach ffmpeg and only the integrity
// check stands between them and viewers. Lose frames, not GOPs: the clean frames before each
// loss are published, then a discontinuity, then the stream from the next keyframe.
//
// Issue 12 asks for ≥ 90 % coverage with a 2 s GOP and ≥ 80 % with 4 s. The frames after a loss
// reference the damaged one until the next keyframe, so nothing that keeps the integrity
// guarantee can show them: with a loss every 3 s the bound is (1 − e^(−G/3)) · 3/G, 73 % for
// G = 2 s and 55 % for 4 s. This test computes that bound from the camera's own drop and
// keyframe times in the run and holds Lookout to it, with the issue's hole limits.
// Seconds into the fault window of what the camera and the worker did around a hole, so a
// failure says whether a drop hit a keyframe or the worker lost frames it could have kept.
function describeHole(
  hole: { start: number; end: number },
  spans: { name: string; start: number; end: number }[],
  camera: CameraTimes,
  events: { kind: string; detail: string; at: number }[],
  from: number,
): string {
  const near = (t: number) => t >= hole.start - 5000 && t <= hole.end + 5000;
  const at = (t: number) => ((t - from) / 1000).toFixed(2);
  return [
    `hole ${at(hole.start)}–${at(hole.end)} s`,
    `keyframes ${camera.keyframes.filter(near).map((k) => `${at(k)}${camera.hitKeyframes.includes(k) ? ' (hit)' : ''}`).join(' ')}`,
    `drops ${camera.drops.filter(near).map(at).join(' ')}`,
    `segments ${spans.filter((s) => near(s.start) || near(s.end)).map((s) => `${s.name} ${at(s.start)}–${at(s.end)}`).join(', ')}`,
    `events ${events.filter((e) => near(e.at)).map((e) => `${at(e.at)} ${e.kind}: ${e.detail.slice(0, 80)}`).join('; ')}`,
  ].join('; ');
}

describe.each([
  { gopSeconds: 2, maxHoleS: 3 },
  { gopSeconds: 4, maxHoleS: 5 },
])('a camera with a $gopSeconds s GOP that loses bytes every ~3 s', ({ gopSeconds, maxHoleS }) => {
  it(`publishes no corrupt frame and loses only up to each next keyframe over raw TCP and RTSP (${FAULT_SECONDS} s)`, async () => {
    const rig = await startFaultRig(
      [
        { id: 'rtsp', source: (sim) => sim.rtspUrl, segmentSeconds: gopSeconds },
        { id: 'raw', source: (sim) => sim.tcpUrl, segmentSeconds: gopSeconds },
      ],
      { sim: { gopSeconds } },
    );
    const window = { from: 0, to: 0 };
    let camera;
    let reports;
    try {
      await waitFor(() => rig.state('rtsp') === 'live' && rig.state('raw') === 'live', { timeoutMs: 60_000, what: 'both cameras live' });
      await rig.sim.setFault('lost-bytes', { meanIntervalMs: 3000 });
      window.from = Date.now();
      await new Promise((resolve) => setTimeout(resolve, FAULT_SECONDS * 1000));
      await rig.sim.setFault('none');
      window.to = Date.now();
      camera = await rig.sim.stats();
      // Coverage, not latency: on a busy machine the integrity checks may run behind the camera.
      const caughtUp = (id: string) => rig.samplers.get(id)!.current.segments.some((s) => s.programDateTime && Date.parse(s.programDateTime) >= window.to);
      await waitFor(() => caughtUp('rtsp') && caughtUp('raw'), { timeoutMs: 240_000, what: 'the worker catching up with the camera' });
      console.log(`lost-bytes, ${gopSeconds} s GOP: caught up ${((Date.now() - window.to) / 1000).toFixed(1)} s after the fault ended`);
    } finally {
      reports = await rig.stop();
    }
    const dropped = (id: string) => rig.events.filter((e) => e.cameraId === id && e.kind === 'dropped').length;
    const restarts = (id: string) => rig.events.filter((e) => e.cameraId === id && e.kind === 'restarted').length;
    for (const [id, server] of [['rtsp', camera.rtsp], ['raw', camera.tcp]] as const) {
      const report = reports.get(id)!;
      expect(report.violations, id).toEqual([]);
      expect(report.decodeFailures, id).toEqual([]);
      const spans = await Promise.all(report.segments.filter((s) => s.programDateTime).map(async (s) => {
        const start = Date.parse(s.programDateTime!);
        return { name: s.name, start, end: start + (await measureDuration('ffprobe', s.file)) * 1000 };
      }));
      const shown = measureCoverage(spans, window.from, window.to);
      const ideal = idealCoverage(server.recent, window.from, window.to);
      const losses = server.recent.drops.filter((t) => t >= window.from && t < window.to).length;
      console.log(
        `lost-bytes, ${gopSeconds} s GOP, ${id}: ${losses} losses in ${((window.to - window.from) / 1000).toFixed(0)} s; ` +
          `video ${(shown.share * 100).toFixed(0)} % (bound ${(ideal.share * 100).toFixed(0)} %), longest hole ${shown.longestHoleS.toFixed(1)} s (bound ${ideal.longestHoleS.toFixed(1)} s); ` +
          `${report.published.length} published, ${dropped(id)} dropped, ${restarts(id)} restarts`,
      );
      console.log(`lost-bytes, ${gopSeconds} s GOP, ${id}: around the longest hole, ${describeHole(shown.hole, spans, server.recent, rig.events.filter((e) => e.cameraId === id), window.from)}`);
      expect(losses, `${id}: the fault bit`).toBeGreaterThanOrEqual(FAULT_SECONDS / 10);
      expect(shown.share, id).toBeGreaterThanOrEqual(ideal.share - SHARE_MARGIN);
      expect(shown.longestHoleS, id).toBeLessThanOrEqual(Math.max(maxHoleS, ideal.longestHoleS + HOLE_MARGIN_S));
      expect(restarts(id), `${id}: a loss costs frames, not a reconnect`).toBe(0);
    }
    // Raw H.264 keeps flowing with corrupt slices: the integrity check caught them and said so.
    expect(dropped('raw')).toBeGreaterThan(0);
    expect(reports.get('raw')!.discontinuities).toBeGreaterThanOrEqual(1);
  }, (FAULT_SECONDS + 420) * 1000);
});
