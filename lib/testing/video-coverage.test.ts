import { describe, expect, it } from 'vitest';
import { idealCoverage, measureCoverage } from './video-coverage.ts';

describe('measureCoverage', () => {
  it('counts overlapping spans once and finds the longest hole, at either end too', () => {
    const spans = [
      { start: 1000, end: 3000 },
      { start: 2000, end: 4000 },
      { start: 6500, end: 9000 },
    ];
    expect(measureCoverage(spans, 0, 10_000)).toEqual({ share: 0.55, longestHoleS: 2.5, hole: { start: 4000, end: 6500 } });
  });

  it('clips spans to the window and reports an empty window as one hole', () => {
    expect(measureCoverage([{ start: -5000, end: 5000 }], 0, 10_000)).toEqual({ share: 0.5, longestHoleS: 5, hole: { start: 5000, end: 10_000 } });
    expect(measureCoverage([], 0, 4000)).toEqual({ share: 0, longestHoleS: 4, hole: { start: 0, end: 4000 } });
  });
});

describe('idealCoverage', () => {
  const keyframes = [0, 2000, 4000, 6000, 8000, 10_000];

  it('loses each drop up to the next keyframe, and a drop in a keyframe costs the whole GOP', () => {
    // 1500 → 2000 (0.5 s); 4000 is a drop during the keyframe sent at 4000 → 6000 (2 s).
    expect(idealCoverage({ drops: [1500, 4000], keyframes, hitKeyframes: [4000] }, 0, 10_000)).toEqual({ share: 0.75, longestHoleS: 2, hole: { start: 4000, end: 6000 } });
    // 3990 began in the frame before the keyframe and ran into it → 6000; had it ended first, → 4000.
    expect(idealCoverage({ drops: [3990], keyframes, hitKeyframes: [4000] }, 0, 10_000).longestHoleS).toBeCloseTo(2.01);
    expect(idealCoverage({ drops: [3990], keyframes, hitKeyframes: [] }, 0, 10_000).longestHoleS).toBeCloseTo(0.01);
  });

  it('merges drops that fall in the same wait, and counts only drops inside the window', () => {
    const ideal = idealCoverage({ drops: [-500, 2100, 3000, 5900, 6100], keyframes, hitKeyframes: [] }, 0, 10_000);
    expect(ideal.share).toBeCloseTo(1 - (1.9 + 0.1 + 1.9) / 10);
    expect(ideal.longestHoleS).toBeCloseTo(1.9); // 5900 → 6000 and 6100 → 8000 leave the 0.1 s between
    expect(idealCoverage({ drops: [5900, 6000], keyframes, hitKeyframes: [6000] }, 0, 10_000).longestHoleS).toBeCloseTo(2.1); // touching: one hole
  });
});
