import type { SliceHeader } from './slice-header.ts';
import type { Sps } from './sps.ts';

// 8.2.1: the picture order count of each frame, in decode order, for POC types 0, 1 and 2.
// Frames only (the top/bottom minimum for a frame). memory_management_control_operation 5
// is not looked at: the previous picture's state carries on, which IP cameras never notice.
export class PictureOrderCounter {
  private prevPocMsb = 0;
  private prevPocLsb = 0;
  private prevFrameNumOffset = 0;
  private prevFrameNum = 0;

  next(slice: SliceHeader, sps: Sps): number {
    if (sps.pocType === 0) return this.type0(slice, sps);
    const frameNumOffset = slice.idr ? 0 : this.prevFrameNum > slice.frameNum ? this.prevFrameNumOffset + 2 ** sps.log2MaxFrameNum : this.prevFrameNumOffset;
    this.prevFrameNumOffset = frameNumOffset;
    this.prevFrameNum = slice.frameNum;
    return sps.pocType === 1 ? type1(slice, sps, frameNumOffset) : type2(slice, frameNumOffset);
  }

  private type0(slice: SliceHeader, sps: Sps): number {
    const maxLsb = 2 ** sps.log2MaxPocLsb;
    if (slice.idr) {
      this.prevPocMsb = 0;
      this.prevPocLsb = 0;
    }
    const lsb = slice.pocLsb;
    let msb = this.prevPocMsb;
    if (lsb < this.prevPocLsb && this.prevPocLsb - lsb >= maxLsb / 2) msb += maxLsb;
    else if (lsb > this.prevPocLsb && lsb - this.prevPocLsb > maxLsb / 2) msb -= maxLsb;
    if (slice.nalRefIdc !== 0) {
      this.prevPocMsb = msb;
      this.prevPocLsb = lsb;
    }
    const top = msb + lsb;
    return Math.min(top, top + slice.deltaPocBottom);
  }
}

function type1(slice: SliceHeader, sps: Sps, frameNumOffset: number): number {
  const cycle = sps.offsetsForRefFrame.length;
  let absFrameNum = cycle !== 0 ? frameNumOffset + slice.frameNum : 0;
  if (slice.nalRefIdc === 0 && absFrameNum > 0) absFrameNum--;
  let expected = 0;
  if (absFrameNum > 0) {
    const deltaPerCycle = sps.offsetsForRefFrame.reduce((sum, o) => sum + o, 0);
    const cycleCount = Math.floor((absFrameNum - 1) / cycle);
    const inCycle = (absFrameNum - 1) % cycle;
    expected = cycleCount * deltaPerCycle;
    for (let i = 0; i <= inCycle; i++) expected += sps.offsetsForRefFrame[i]!;
  }
  if (slice.nalRefIdc === 0) expected += sps.offsetForNonRefPic;
  const top = expected + slice.deltaPoc[0];
  const bottom = top + sps.offsetForTopToBottomField + slice.deltaPoc[1];
  return Math.min(top, bottom);
}

function type2(slice: SliceHeader, frameNumOffset: number): number {
  if (slice.idr) return 0;
  const temp = 2 * (frameNumOffset + slice.frameNum);
  return slice.nalRefIdc === 0 ? temp - 1 : temp;
}
