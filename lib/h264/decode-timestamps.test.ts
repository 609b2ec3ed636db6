import { describe, expect, it } from 'vitest';
import { DecodeTimestamper, DisplayClock } from './decode-timestamps.ts';

// x264 --bframes 2 --b-pyramid: decode order I P B B P B B … with POCs (display slots ×2)
const POCS = [0, 6, 2, 4, 12, 8, 10, 18, 14, 16];
const IDR = POCS.map((_, i) => i === 0);

function checkTimeline(frames: { pts: number; dts: number }[]): void {
  for (let i = 1; i < frames.length; i++) expect(frames[i]!.dts).toBeGreaterThan(frames[i - 1]!.dts);
  for (const f of frames) expect(f.pts).toBeGreaterThanOrEqual(f.dts);
}

describe('display and decode timestamps', () => {
  it('gives raw frames display slots in POC order and DTS below PTS, strictly rising', () => {
    const clock = new DisplayClock<number>(2);
    const dts = new DecodeTimestamper(2);
    const out = POCS.flatMap((poc, i) => clock.push(i, poc, IDR[i]!, 3600));
    expect(out.map((o) => o.frame)).toEqual([0, 1, 2, 3, 4, 5, 6]); // decode order kept; frame 7 (POC 18) waits for 8 and 9
    expect(out.map((o) => o.pts / 3600)).toEqual([0, 3, 1, 2, 6, 4, 5]);
    const frames = out.map((o) => ({ pts: o.pts, dts: dts.next(o.pts, 3600)! }));
    expect(frames.map((f) => f.dts / 3600)).toEqual([-2, -1, 0, 1, 2, 3, 4]);
    checkTimeline(frames);
  });

  it('flushes held frames at an IDR and keeps counting slots across it', () => {
    const clock = new DisplayClock<number>(2);
    clock.nextPts = 100;
    const out = [0, 4, 2, 0, 4, 2].flatMap((poc, i) => clock.push(i, poc, i % 3 === 0, 10));
    expect(out.map((o) => [o.frame, o.pts])).toEqual([[0, 100], [1, 120], [2, 110], [3, 130]]);
  });

  it('derives DTS from RTP presentation times, equal to PTS without B-frames', () => {
    const noB = new DecodeTimestamper(0);
    expect([0, 3600, 7200].map((pts) => noB.next(pts, 3600))).toEqual([0, 3600, 7200]);
    const withB = new DecodeTimestamper(2);
    const frames = POCS.map((poc) => ({ pts: 90_000 + poc * 1800, dts: 0 })).map((f) => ({ ...f, dts: withB.next(f.pts, 3600)! }));
    checkTimeline(frames);
  });

  it('grows the reorder depth when a frame comes later than declared, and drops that frame', () => {
    const ts = new DecodeTimestamper(0);
    expect(ts.next(0, 10)).toBe(0);
    expect(ts.next(30, 10)).toBe(30);
    expect(ts.next(10, 10)).toBeUndefined();
    expect(ts.depth).toBe(1);
    expect(ts.next(40, 10)).toBe(31);
  });
});
