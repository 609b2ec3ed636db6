import type { SliceHeader } from './slice-header.ts';
import type { Sps } from './sps.ts';

// 8.2.1: the picture order count of each frame, in decode order, for POC types 0, 1 and 2.
// Frames only (the top/bottom minimum for a frame). A picture with
// memory_management_control_operation 5 gets POC 0 and restarts the count, as an IDR does
// (8.2.1: its POC minus itself; frame_num counts from 0 after it, 7.4.3).
export class PictureOrderCounter {
  private prevPocMsb = 0;
  private prevPocLsb = 0;
  private prevFrameNumOffset = 0;
  private prevFrameNum = 0;

  next(slice: SliceHeader, sps: Sps): number {
    if (sps.pocType === 0) return this.type0(slice, sps);
    const frameNumOffset = slice.idr ? 0 : this.prevFrameNum > slice.frameNum ? this.prevFrameNumOffset + 2 ** sps.log2MaxFrameNum : this.prevFrameNumOffset;
    this.prevFrameNumOffset = slice.mmco5 ? 0 : frameNumOffset;
    this.prevFrameNum = slice.mmco5 ? 0 : slice.frameNum;
    return slice.mmco5 ? 0 : sps.pocType === 1 ? type1(slice, sps, frameNumOffset) : type2(slice, frameNumOffset);
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
    const top = msb + lsb;
    const poc = Math.min(top, top + slice.deltaPocBottom);
    if (slice.mmco5) {
      this.prevPocMsb = 0;
      this.prevPocLsb = top - poc;
      return 0;
    }
    if (slice.nalRefIdc !== 0) {
      this.prevPocMsb = msb;
      this.prevPocLsb = lsb;
    }
    return poc;
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
