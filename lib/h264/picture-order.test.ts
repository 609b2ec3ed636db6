import { describe, expect, it } from 'vitest';
import { PictureOrderCounter } from './picture-order.ts';
import type { SliceHeader } from './slice-header.ts';
import type { Sps } from './sps.ts';

const baseSps: Sps = {
  id: 0, profileIdc: 77, constraintFlags: 0, levelIdc: 31, chromaFormatIdc: 1, separateColourPlane: false, log2MaxFrameNum: 4, pocType: 1,
  log2MaxPocLsb: 4, deltaPicOrderAlwaysZero: false, offsetForNonRefPic: -1, offsetForTopToBottomField: 0, offsetsForRefFrame: [2],
  maxNumRefFrames: 1, frameMbsOnly: true, widthInMbs: 1, heightInMapUnits: 1, width: 16, height: 16, frameRate: undefined, maxNumReorderFrames: undefined,
};

function slice(frameNum: number, ref: boolean, extra: Partial<SliceHeader> = {}): SliceHeader {
  return { nalType: extra.idr ? 5 : 1, nalRefIdc: ref ? 1 : 0, idr: false, firstMbInSlice: 0, sliceType: 'P', ppsId: 0, frameNum, fieldPic: false, bottomField: false, idrPicId: undefined, pocLsb: 0, deltaPocBottom: 0, deltaPoc: [0, 0], mmco5: false, markingBitOffset: 0, ...extra };
}

describe('picture order count', () => {
  it('type 1: expected POCs from the reference-frame cycle, non-reference pictures in between', () => {
    const counter = new PictureOrderCounter();
    // decode order I P B P B (B non-reference): display I B P B P
    const pocs = [slice(0, true, { idr: true }), slice(1, true), slice(2, false), slice(2, true), slice(3, false)].map((s) => counter.next(s, baseSps));
    expect(pocs).toEqual([0, 2, 1, 4, 3]);
  });

  it('type 1: frame_num wrapping adds MaxFrameNum to the offset', () => {
    const counter = new PictureOrderCounter();
    const sps = { ...baseSps, offsetForNonRefPic: 0 };
    const pocs = [slice(0, true, { idr: true }), ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1].map((n) => slice(n, true))].map((s) => counter.next(s, sps));
    expect(pocs.slice(-3)).toEqual([30, 32, 34]);
  });

  it('type 0: the MSB follows the LSB across its wrap, and an IDR resets it', () => {
    const counter = new PictureOrderCounter();
    const sps = { ...baseSps, pocType: 0, log2MaxPocLsb: 4 };
    const lsbs = [0, 4, 8, 12, 0, 4, 2];
    const pocs = lsbs.map((lsb, i) => counter.next(slice(i, true, { pocLsb: lsb, idr: i === 0 }), sps));
    expect(pocs).toEqual([0, 4, 8, 12, 16, 20, 18]);
    expect(counter.next(slice(0, true, { pocLsb: 0, idr: true }), sps)).toBe(0);
  });

  it('type 2: twice the frame number, one less for non-reference pictures', () => {
    const counter = new PictureOrderCounter();
    const sps = { ...baseSps, pocType: 2 };
    expect([slice(0, true, { idr: true }), slice(1, true), slice(2, false), slice(2, true)].map((s) => counter.next(s, sps))).toEqual([0, 2, 3, 4]);
  });

  it('memory_management_control_operation 5 restarts the count as an IDR does (type 0)', () => {
    const counter = new PictureOrderCounter();
    const sps = { ...baseSps, pocType: 0, log2MaxPocLsb: 5 };
    const pocs = [
      slice(0, true, { idr: true, pocLsb: 0 }),
      slice(1, true, { pocLsb: 8 }),
      slice(2, true, { pocLsb: 14 }),
      slice(3, true, { pocLsb: 20, mmco5: true }), // POC 0 from now on
      slice(1, true, { pocLsb: 2 }),
      slice(2, false, { pocLsb: 1 }),
    ].map((s) => counter.next(s, sps));
    // Without the reset, LSB 2 after 20 looks like a wrap: 34.
    expect(pocs).toEqual([0, 8, 14, 0, 2, 1]);
  });

  it('memory_management_control_operation 5 restarts frame_num and the POC (types 1 and 2)', () => {
    for (const pocType of [1, 2]) {
      const counter = new PictureOrderCounter();
      const sps = { ...baseSps, pocType, offsetForNonRefPic: 0 };
      const pocs = [slice(0, true, { idr: true }), slice(1, true), slice(2, true, { mmco5: true }), slice(1, true), slice(2, true)].map((s) => counter.next(s, sps));
      // Without the reset, frame_num 1 after 2 looks like a wrap: MaxFrameNum is added.
      expect(pocs, `type ${pocType}`).toEqual([0, 2, 0, 2, 4]);
    }
  });
});
