import { getNalType, isSlice, NAL_TYPE, startsPicture } from './annex-b.ts';

export type AccessUnit = { nals: Buffer[]; keyframe: boolean };

// x264 with -tune zerolatency cuts every picture into several slices, so a frame is all NAL
// units from the first slice of one picture up to the SEI/SPS/PPS/AUD or first slice of the next.
export class AccessUnitGrouper {
  private current: Buffer[] = [];
  private hasSlice = false;

  push(nal: Buffer): AccessUnit | undefined {
    const type = getNalType(nal);
    const beginsNext = this.hasSlice && (isSlice(type) ? startsPicture(nal) : type === NAL_TYPE.sei || (type >= NAL_TYPE.sps && type <= NAL_TYPE.aud));
    const done = beginsNext ? this.flush() : undefined;
    this.current.push(nal);
    if (isSlice(type)) this.hasSlice = true;
    return done;
  }

  flush(): AccessUnit | undefined {
    const nals = this.current;
    const complete = this.hasSlice;
    this.current = [];
    this.hasSlice = false;
    if (!complete) return undefined;
    return { nals, keyframe: nals.some((nal) => getNalType(nal) === NAL_TYPE.idr) };
  }
}

// A client that joins mid-stream needs SPS and PPS before its first IDR. x264 repeats them
// before every IDR already; this only guards against an encoder that does not.
export function withParameterSets(frame: AccessUnit, sps: Buffer | undefined, pps: Buffer | undefined): AccessUnit {
  if (!frame.keyframe || !sps || !pps || frame.nals.some((nal) => getNalType(nal) === NAL_TYPE.sps)) return frame;
  return { ...frame, nals: [sps, pps, ...frame.nals] };
}
