import { describe, expect, it } from 'vitest';
import { CameraClock, KeyframeTimes, MAX_CAMERA_CLOCK_OFFSET_MS } from './camera-clock.ts';
import { RtpTimeline } from './raw-frame-clock.ts';

const NOW = Date.parse('2026-12-01T02:00:00Z');

describe('camera clock (RTCP sender reports → wall clock)', () => {
  it('maps each frame to the camera wall clock, across the 32-bit RTP wrap', () => {
    const clock = new CameraClock();
    const timeline = new RtpTimeline();
    const first = 2 ** 32 - 9000; // 0.1 s before the wrap
    clock.noteFrame(first, timeline.unwrap(first));
    // SR sent 0.05 s after the first frame's capture, stamped with the camera's clock.
    clock.noteSenderReport({ ssrc: 1, ntpMs: NOW + 50, rtpTimestamp: (first + 4500) >>> 0 }, NOW + 60);
    expect(clock.wallClockAt(0)).toBe(NOW);
    const wrapped = (first + 90_000 * 2) >>> 0; // 2 s later, past the wrap
    const pts = timeline.unwrap(wrapped);
    clock.noteFrame(wrapped, pts);
    expect(wrapped).toBeLessThan(first);
    expect(clock.wallClockAt(pts)).toBe(NOW + 2000);
    // A later SR whose timestamp has wrapped while the newest frame's has not.
    clock.noteFrame(2 ** 32 - 1, 8999 + 0);
    clock.noteSenderReport({ ssrc: 1, ntpMs: NOW + 10_000, rtpTimestamp: 89 }, NOW + 10_001);
    expect(clock.wallClockAt(8999 + 90)).toBe(NOW + 10_000);
  });

  it('keeps a report that came before the first frame until a frame places it', () => {
    const clock = new CameraClock();
    clock.noteSenderReport({ ssrc: 1, ntpMs: NOW, rtpTimestamp: 1000 }, NOW);
    expect(clock.wallClockAt(0)).toBeUndefined();
    clock.noteFrame(1000 + 9000, 0);
    expect(clock.wallClockAt(0)).toBe(NOW + 100);
  });

  it(`believes a camera clock only within ${MAX_CAMERA_CLOCK_OFFSET_MS} ms of ours`, () => {
    const clock = new CameraClock();
    clock.noteFrame(0, 0);
    clock.noteSenderReport({ ssrc: 1, ntpMs: NOW - MAX_CAMERA_CLOCK_OFFSET_MS, rtpTimestamp: 0 }, NOW);
    expect(clock.summary()).toEqual({ offsetMs: -MAX_CAMERA_CLOCK_OFFSET_MS, used: true });
    expect(clock.wallClockAt(0)).toBe(NOW - MAX_CAMERA_CLOCK_OFFSET_MS);
    // A camera without NTP, three hours behind: reported, never used.
    clock.noteSenderReport({ ssrc: 1, ntpMs: NOW - 3 * 3600_000, rtpTimestamp: 0 }, NOW);
    expect(clock.summary()).toEqual({ offsetMs: -3 * 3600_000, used: false });
    expect(clock.wallClockAt(0)).toBeUndefined();
    clock.noteSenderReport({ ssrc: 1, ntpMs: NOW + MAX_CAMERA_CLOCK_OFFSET_MS + 1, rtpTimestamp: 0 }, NOW);
    expect(clock.wallClockAt(0)).toBeUndefined();
    expect(new CameraClock().summary()).toBeNull();
  });
});

describe('keyframe times (segment list → wall clock)', () => {
  it("dates a segment by the keyframe nearest its start in ffmpeg's stream time", () => {
    const clock = new CameraClock();
    const times = new KeyframeTimes(clock);
    expect(times.segmentStart(0)).toBeUndefined();
    // FLV times: the first DTS is 5000 ms, B-frames put the first PTS at 5080 ms.
    times.note({ ptsMs: 5080, pts: 0, arrivalMs: NOW + 300 }, 5000);
    times.note({ ptsMs: 7080, pts: 180_000, arrivalMs: NOW + 2250 }, 7000);
    times.note({ ptsMs: 9080, arrivalMs: NOW + 4300 }, 9000); // no RTP time (raw H.264)
    expect(times.segmentStart(0)).toEqual({ wallMs: NOW + 300, camera: false }); // no SR yet: arrival
    clock.noteFrame(1000, 0);
    clock.noteSenderReport({ ssrc: 1, ntpMs: NOW, rtpTimestamp: 1000 }, NOW + 10);
    expect(times.segmentStart(0)).toEqual({ wallMs: NOW, camera: true }); // dated once the SR came
    expect(times.segmentStart(2.08)).toEqual({ wallMs: NOW + 2000, camera: true });
    expect(times.segmentStart(4.08)).toEqual({ wallMs: NOW + 4300, camera: false });
    expect(times.segmentStart(7)).toBeUndefined(); // no keyframe near: not guessed
  });

  it('never dates a frame after it arrived', () => {
    const clock = new CameraClock();
    const times = new KeyframeTimes(clock);
    clock.noteFrame(0, 0);
    clock.noteSenderReport({ ssrc: 1, ntpMs: NOW + 1500, rtpTimestamp: 0 }, NOW); // 1.5 s fast: within the bound
    times.note({ ptsMs: 5000, pts: 0, arrivalMs: NOW + 40 }, 5000);
    expect(times.segmentStart(0)).toEqual({ wallMs: NOW + 40, camera: true });
  });
});
