import { describe, expect, it } from 'vitest';
import { describeSummary, hintForStream, type StreamSummary } from './stream-summary.ts';

const seen: StreamSummary = {
  codec: 'H.264', profile: 'High', level: '4', width: 1280, height: 720, frameRate: 25, frameRateSource: 'rtp', vuiFrameRate: 25,
  gopFrames: 50, gopSeconds: 2, bFrames: true, reorderDepth: 2, bitrateKbps: 2400, frames: 500, keyframes: 10, losses: 0, droppedFrames: 0,
  cameraClock: null,
};

describe('stream summary', () => {
  it('says what the camera sends in one line', () => {
    expect(describeSummary(seen)).toBe('H.264 High 4, 1280x720, 25 fps (rtp), GOP 50 frames = 2 s, B-frames (reorder depth 2), 2400 kbit/s');
  });

  it("says when the camera's clock is too far off to date segments by", () => {
    expect(describeSummary({ ...seen, cameraClock: { offsetMs: 120, used: true } })).toMatch(/, camera clock \+0\.1 s$/);
    expect(describeSummary({ ...seen, cameraClock: { offsetMs: -20, used: true } })).toMatch(/, camera clock \+0\.0 s$/);
    expect(describeSummary({ ...seen, cameraClock: { offsetMs: -1260, used: true } })).toMatch(/, camera clock -1\.3 s$/);
    expect(describeSummary({ ...seen, cameraClock: { offsetMs: -3 * 3600_000 - 5000, used: false } })).toMatch(/, camera clock -10805 s \(not used\)$/);
  });

  it('names the real cause when bytes come but no video does', () => {
    const none = { ...seen, profile: null, level: null, width: null, height: null, frames: 0, keyframes: 0, gopFrames: null, gopSeconds: null };
    expect(hintForStream(none, 50_000, 10)).toMatch(/sent 50 kB but no H.264 parameter sets/);
    expect(hintForStream({ ...seen, keyframes: 0, gopFrames: null, gopSeconds: null }, 50_000, 10)).toMatch(/but no keyframe \(IDR\) came in 10 s/);
    expect(hintForStream({ ...seen, gopFrames: 500, gopSeconds: 20 }, 50_000, 30)).toMatch(/keyframe only every 20 s/);
    expect(hintForStream(seen, 50_000, 10)).toBeUndefined(); // a healthy stream is not the cause
    expect(hintForStream(seen, 0, 10)).toBeUndefined();
  });
});
