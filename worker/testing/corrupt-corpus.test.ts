import { describe, expect, it } from 'vitest';
import { locateNalUnits } from '../../lib/h264/annex-b.ts';
import { createRandom } from '../../lib/analytics/demo/random.ts';
import { cutBytes, randomCut, splitSegments } from './corrupt-corpus.ts';

const nal = (type: number, body: number[], long = true) => Buffer.from([...(long ? [0] : []), 0, 0, 1, type, ...body]);

describe('corrupt corpus helpers', () => {
  it('cuts one contiguous chunk', () => {
    expect([...cutBytes(Buffer.from([1, 2, 3, 4, 5, 6]), { at: 1, length: 3 })]).toEqual([1, 5, 6]);
  });

  it('draws 200–8000-byte cuts that fit, the same for the same seed', () => {
    const a = createRandom(3);
    const cuts = Array.from({ length: 500 }, () => randomCut(20_000, a));
    for (const cut of cuts) {
      expect(cut.length).toBeGreaterThanOrEqual(200);
      expect(cut.length).toBeLessThanOrEqual(8000);
      expect(cut.at + cut.length).toBeLessThanOrEqual(20_000);
    }
    const b = createRandom(3);
    expect(Array.from({ length: 500 }, () => randomCut(20_000, b))).toEqual(cuts);
  });

  it('finds NAL units with 3- and 4-byte start codes', () => {
    const data = Buffer.concat([nal(0x67, [1, 2]), nal(0x68, [3], false), nal(0x65, [4, 5, 6])]);
    expect(locateNalUnits(data)).toEqual([
      { type: 7, start: 0, end: 7 },
      { type: 8, start: 7, end: 12 },
      { type: 5, start: 12, end: 20 },
    ]);
  });

  it('splits a stream into segments of whole GOPs, each starting at its SPS', () => {
    const gop = (n: number) => Buffer.concat([nal(0x67, [n]), nal(0x68, [n]), nal(0x65, [n]), nal(0x41, [n])]);
    const segments = splitSegments(Buffer.concat([gop(1), gop(2), gop(3), gop(4), gop(5)]), 2);
    expect(segments.map((s) => s.data.length)).toEqual([2 * gop(1).length, 2 * gop(1).length]);
    expect(segments[1]!.data[5]).toBe(3);
    expect(segments[0]!.nals.map((n) => n.type)).toEqual([7, 8, 5, 1, 7, 8, 5, 1]);
  });
});
