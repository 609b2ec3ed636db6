import { BitReader, H264ParseError } from './bit-reader.ts';
import type { Pps } from './pps.ts';
import { readRefPicMarking } from './ref-pic-marking.ts';
import type { Sps } from './sps.ts';

export type SliceKind = 'P' | 'B' | 'I' | 'SP' | 'SI';

export type SliceHeader = {
  nalType: number;
  nalRefIdc: number;
  idr: boolean;
  firstMbInSlice: number;
  sliceType: SliceKind;
  ppsId: number;
  frameNum: number;
  fieldPic: boolean;
  bottomField: boolean;
  idrPicId: number | undefined;
  pocLsb: number;
  deltaPocBottom: number;
  deltaPoc: [number, number];
  mmco5: boolean; // memory_management_control_operation 5: frame_num and POC restart after it
  markingBitOffset: number; // where dec_ref_pic_marking starts in the RBSP
};

const SLICE_KINDS: SliceKind[] = ['P', 'B', 'I', 'SP', 'SI'];

export type ParameterSetLookup = { sps: (id: number) => Sps | undefined; pps: (id: number) => Pps | undefined };

// 7.3.3 slice_header up to dec_ref_pic_marking.
export function parseSliceHeader(nal: Buffer, lookup: ParameterSetLookup): SliceHeader {
  const r = new BitReader(nal);
  if (r.bit() !== 0) throw new H264ParseError('forbidden_zero_bit is set');
  const nalRefIdc = r.bits(2);
  const nalType = r.bits(5);
  if (nalType !== 1 && nalType !== 5) throw new H264ParseError(`NAL type ${nalType} is not a slice`);
  const idr = nalType === 5;
  const firstMbInSlice = r.ue();
  const typeCode = r.ue();
  if (typeCode > 9) throw new H264ParseError(`slice_type ${typeCode} is out of range`);
  const sliceType = SLICE_KINDS[typeCode % 5]!;
  const ppsId = r.ue();
  const pps = lookup.pps(ppsId);
  if (!pps) throw new H264ParseError(`slice refers to unknown PPS ${ppsId}`);
  const sps = lookup.sps(pps.spsId);
  if (!sps) throw new H264ParseError(`PPS ${ppsId} refers to unknown SPS ${pps.spsId}`);
  if (sps.separateColourPlane) r.skip(2); // colour_plane_id
  const frameNum = r.bits(sps.log2MaxFrameNum);
  let fieldPic = false;
  let bottomField = false;
  if (!sps.frameMbsOnly) {
    fieldPic = r.flag();
    if (fieldPic) bottomField = r.flag();
  }
  const idrPicId = idr ? r.ue() : undefined;
  let pocLsb = 0;
  let deltaPocBottom = 0;
  const deltaPoc: [number, number] = [0, 0];
  if (sps.pocType === 0) {
    pocLsb = r.bits(sps.log2MaxPocLsb);
    if (pps.bottomFieldPicOrderInFramePresent && !fieldPic) deltaPocBottom = r.se();
  } else if (sps.pocType === 1 && !sps.deltaPicOrderAlwaysZero) {
    deltaPoc[0] = r.se();
    if (pps.bottomFieldPicOrderInFramePresent && !fieldPic) deltaPoc[1] = r.se();
  }
  if (firstMbInSlice >= sps.widthInMbs * sps.heightInMapUnits * (sps.frameMbsOnly ? 1 : 2)) throw new H264ParseError(`first_mb_in_slice ${firstMbInSlice} is outside the picture`);
  const marking = readRefPicMarking(r, { sliceType, nalRefIdc, idr }, sps, pps);
  return { nalType, nalRefIdc, idr, firstMbInSlice, sliceType, ppsId, frameNum, fieldPic, bottomField, idrPicId, pocLsb, deltaPocBottom, deltaPoc, mmco5: marking.mmco5, markingBitOffset: marking.bitOffset };
}
