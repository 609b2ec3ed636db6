import { describe, expect, it } from 'vitest';
import { checkSegmentTiming, type TimedSegment } from './segment-timing.ts';

const segment = (name: string, frames: [number, number, number][], discontinuity = false): TimedSegment => ({
  name,
  discontinuity,
  packets: frames.map(([pts, dts]) => ({ pts, dts })),
  counters: [...frames].sort((a, b) => a[0] - b[0]).map(([, , counter]) => counter),
});

describe('checkSegmentTiming', () => {
  const good = segment('a', [[80, 0, 0], [200, 40, 3], [120, 80, 1], [160, 120, 2]]);
  it('passes B-frames in display order', () => {
    expect(checkSegmentTiming([good, segment('b', [[240, 160, 4], [280, 200, 5]])], 40, 1)).toEqual([]);
  });

  it('catches repeated DTS across a boundary, PTS before DTS, uneven steps and frames out of order', () => {
    expect(checkSegmentTiming([good, segment('b', [[240, 120, 4]])], 40, 1)).toEqual(['b packet 0: DTS 120 after 120']);
    expect(checkSegmentTiming([segment('c', [[0, 0, 0], [30, 40, 1]])], 40, 1)).toEqual(['c packet 1: PTS 30 < DTS 40', 'c: PTS step 30 (expected 40 ± 1)']);
    const swapped = { ...good, counters: [0, 2, 1, 3] };
    expect(checkSegmentTiming([swapped], 40, 1)).toEqual(['a: frame 2 shown after 0', 'a: frame 1 shown after 2', 'a: frame 3 shown after 1']);
  });

  it('starts afresh after a discontinuity', () => {
    expect(checkSegmentTiming([good, segment('d', [[9000, 8000, 77]], true)], 40, 1)).toEqual([]);
  });
});
