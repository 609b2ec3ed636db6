import { describe, expect, it } from 'vitest';
import { freezeLimit } from './freeze-limit.ts';

// Keyframes every 2 s from t = 0; the fault runs from 1,000 to 30,000 ms.
const keyframes = Array.from({ length: 20 }, (_, i) => i * 2000);
const limit = (drops: number[], hitKeyframes: number[] = []) => freezeLimit({ drops, keyframes, hitKeyframes }, 1000, 30_000, 3000);

describe('freezeLimit', () => {
  it('keeps the goal while the holes leave room for the allowance, and adds it to a longer one', () => {
    expect(limit([3000, 7000, 13_100])).toEqual({ limitMs: 3000, forcedHoleMs: 1000, forcedHoleFrom: 3000, losses: 3 });
    expect(limit([12_100]).limitMs).toBe(1900 + 1500);
  });

  it('joins a drop early in a GOP and one on the next keyframe into one hole of two GOPs', () => {
    const result = limit([4200, 6000], [6000]);
    expect(result.forcedHoleMs).toBe(3800);
    expect(result.limitMs).toBe(3800 + 1500);
  });

  it('runs to the keyframe after one whose bytes a drop cut, even a drop that began in the frame before', () => {
    expect(limit([5980], [6000]).forcedHoleMs).toBe(2020);
    expect(limit([5980]).forcedHoleMs).toBe(20); // the drop ended before the keyframe's bytes
  });

  it('ignores drops outside the fault, and a last hole runs to the end of the fault', () => {
    expect(limit([500, 30_500])).toMatchObject({ forcedHoleMs: 0, losses: 0, limitMs: 3000 });
    expect(freezeLimit({ drops: [29_000], keyframes: [0, 28_000], hitKeyframes: [] }, 1000, 30_000, 3000).forcedHoleMs).toBe(1000);
  });
});
