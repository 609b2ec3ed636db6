import { describe, expect, it } from 'vitest';
import { AccessUnitGrouper, withParameterSets, type AccessUnit } from './access-units.ts';
import { NAL_TYPE } from './annex-b.ts';
import { makeNal } from '../testing/test-bytes.ts';

const sps = makeNal(NAL_TYPE.sps, 10);
const pps = makeNal(NAL_TYPE.pps, 4);
const sei = makeNal(NAL_TYPE.sei, 20);
const idrFirst = makeNal(NAL_TYPE.idr, 900, true);
const idrMore = makeNal(NAL_TYPE.idr, 800, false);
const pFirst = makeNal(NAL_TYPE.slice, 300, true);
const pMore = makeNal(NAL_TYPE.slice, 200, false);

function groupAll(nals: Buffer[]): AccessUnit[] {
  const grouper = new AccessUnitGrouper();
  const frames = nals.map((nal) => grouper.push(nal)).filter((frame) => frame !== undefined);
  const last = grouper.flush();
  return last ? [...frames, last] : frames;
}

describe('AccessUnitGrouper', () => {
  it('keeps every slice of one picture together and starts a frame at first_mb_in_slice = 0', () => {
    const frames = groupAll([sps, pps, sei, idrFirst, idrMore, pFirst, pMore, pMore, pFirst]);
    expect(frames).toEqual([
      { nals: [sps, pps, sei, idrFirst, idrMore], keyframe: true },
      { nals: [pFirst, pMore, pMore], keyframe: false },
      { nals: [pFirst], keyframe: false },
    ]);
  });

  it('starts a new frame at parameter sets that follow a picture', () => {
    const frames = groupAll([pFirst, sps, pps, idrFirst]);
    expect(frames.map((frame) => frame.keyframe)).toEqual([false, true]);
    expect(frames[1]!.nals).toEqual([sps, pps, idrFirst]);
  });

  it('emits a frame only when the next one begins, and nothing without a slice', () => {
    const grouper = new AccessUnitGrouper();
    expect(grouper.push(sps)).toBeUndefined();
    expect(grouper.push(idrFirst)).toBeUndefined();
    expect(grouper.push(pFirst)).toEqual({ nals: [sps, idrFirst], keyframe: true });
    expect(new AccessUnitGrouper().flush()).toBeUndefined();
  });
});

describe('withParameterSets', () => {
  it('puts SPS and PPS in front of a keyframe that lacks them', () => {
    expect(withParameterSets({ nals: [idrFirst], keyframe: true }, sps, pps).nals).toEqual([sps, pps, idrFirst]);
  });

  it('leaves other frames alone', () => {
    const withSets = { nals: [sps, pps, idrFirst], keyframe: true };
    const delta = { nals: [pFirst], keyframe: false };
    expect(withParameterSets(withSets, sps, pps)).toBe(withSets);
    expect(withParameterSets(delta, sps, pps)).toBe(delta);
    expect(withParameterSets({ nals: [idrFirst], keyframe: true }, undefined, pps).nals).toEqual([idrFirst]);
  });
});
