import { describe, expect, it } from 'vitest';
import { RawFrameClock, RtpTimeline } from './raw-frame-clock.ts';

describe('RtpTimeline', () => {
  it('unwraps 32-bit RTP timestamps across the wrap, and tolerates a step back', () => {
    const timeline = new RtpTimeline();
    expect([2 ** 32 - 3600, 2 ** 32 - 1, 3599, 7199, 3599].map((t) => timeline.unwrap(t))).toEqual([0, 3599, 7199, 10799, 7199]);
  });
});

describe('RawFrameClock', () => {
  it('uses the SPS rate, else the configured one, else the smoothed arrival interval', () => {
    expect(new RawFrameClock({ sps: () => 30, config: 25 }).frameDuration()).toBe(3000);
    expect(new RawFrameClock({ sps: () => undefined, config: 25 }).frameDuration()).toBe(3600);
    const byArrival = new RawFrameClock({ sps: () => undefined, config: undefined });
    // bursts: 5 frames at once every 200 ms is still 25 fps on average
    for (let burst = 0; burst < 20; burst++) for (let i = 0; i < 5; i++) byArrival.noteArrival(burst * 200 + i);
    expect(byArrival.source).toBe('arrival');
    expect(Math.abs(byArrival.frameDuration() - 3600)).toBeLessThan(200);
  });

  it('gives up a declared rate the camera does not keep (20 fps sent, 25 declared)', () => {
    const clock = new RawFrameClock({ sps: () => 25, config: undefined });
    for (let i = 0; i < 100; i++) clock.noteArrival(i * 50);
    expect(clock.source).toBe('arrival');
    expect(Math.round(clock.frameDuration())).toBe(4500);
  });

  it('keeps a declared rate through bursty delivery (the window\'s first frame held 200 ms)', () => {
    const clock = new RawFrameClock({ sps: () => 25, config: undefined });
    // 25 fps sent; the oldest frame of the window arrived 200 ms late, so the window reads ~5 % fast.
    clock.noteArrival(200);
    for (let i = 1; i < 100; i++) clock.noteArrival(i * 40);
    expect(clock.source).toBe('sps');
    expect(clock.frameDuration()).toBe(3600);
  });

  it('keeps a declared rate through losses: the wait for the keyframe after each is not a frame step', () => {
    const clock = new RawFrameClock({ sps: () => 25, config: undefined });
    // 25 fps, but after every 40 frames passed, 30 frames are refused while waiting for a keyframe.
    let t = 0;
    for (let run = 0; run < 5; run++) {
      for (let i = 0; i < 40; i++) clock.noteArrival((t += 40), run > 0 && i === 0);
      t += 30 * 40;
    }
    expect(clock.source).toBe('sps');
    expect(clock.frameDuration()).toBe(3600);
    const byArrival = new RawFrameClock({ sps: () => undefined, config: undefined });
    t = 0;
    for (let run = 0; run < 5; run++) {
      for (let i = 0; i < 40; i++) byArrival.noteArrival((t += 40), run > 0 && i === 0);
      t += 30 * 40;
    }
    expect(byArrival.frameDuration()).toBeCloseTo(3600, 6);
  });

  it('slews a cadence that drifted from the wall clock back by at most a tenth of a frame', () => {
    const clock = new RawFrameClock({ sps: () => 25, config: undefined });
    clock.noteArrival(0);
    expect(clock.startFor(0, undefined, false)).toBe(0);
    clock.noteArrival(10_000);
    expect(clock.startFor(10_000, 3600, false)).toBe(3960);
  });

  it('keeps its cadence through jitter, and skips the slots of frames lost in a gap', () => {
    const clock = new RawFrameClock({ sps: () => 25, config: undefined });
    clock.noteArrival(0);
    expect(clock.startFor(0, undefined, false)).toBe(0);
    clock.noteArrival(130); // late, bursty
    expect(clock.startFor(130, 3600, false)).toBe(3600);
    clock.noteArrival(1130); // a loss: about 24 frames never came
    expect(clock.startFor(1130, 7200, true)).toBe(7200 + 24 * 3600);
  });
});
