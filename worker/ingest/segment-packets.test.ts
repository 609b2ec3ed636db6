import { describe, expect, it } from 'vitest';
import { parsePackets, spanSeconds } from './segment-packets.ts';

describe('parsePackets', () => {
  it('reads pts and the keyframe flag, skipping lines without a pts', () => {
    expect(parsePackets('133200,K__\n144000,___\nN/A,___\n\n136800,__\n')).toEqual([
      { pts: 133200, key: true },
      { pts: 144000, key: false },
      { pts: 136800, key: false },
    ]);
  });
});

describe('spanSeconds', () => {
  it('is the display span plus one frame, in any packet order (B-frames)', () => {
    expect(spanSeconds([0, 10800, 3600, 7200])).toBeCloseTo(0.16, 6);
  });

  it('uses the usual frame step, so a frame missing in display order is not one', () => {
    expect(spanSeconds([0, 3600, 7200, 18000])).toBeCloseTo(0.24, 6);
    expect(spanSeconds([])).toBe(0);
    expect(spanSeconds([900])).toBeCloseTo(0.04, 6);
  });
});
