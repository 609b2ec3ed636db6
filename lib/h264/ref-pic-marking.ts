import type { BitReader } from './bit-reader.ts';
import { H264ParseError } from './bit-reader.ts';
import type { Pps } from './pps.ts';
import type { SliceKind } from './slice-header.ts';
import type { Sps } from './sps.ts';

export type RefPicMarking = { operations: number[]; mmco5: boolean; bitOffset: number };
type SliceFields = { sliceType: SliceKind; nalRefIdc: number; idr: boolean };

// 7.3.3 from redundant_pic_cnt on, to dec_ref_pic_marking (7.3.3.3): its
// memory_management_control_operations. 5 resets frame_num and POC as an IDR does.
// Everything in between (reference list changes, weights) is read only to get past it.
export function readRefPicMarking(r: BitReader, slice: SliceFields, sps: Sps, pps: Pps): RefPicMarking {
  const { sliceType, nalRefIdc, idr } = slice;
  if (pps.redundantPicCntPresent) r.ue();
  if (sliceType === 'B') r.skip(1); // direct_spatial_mv_pred_flag
  const refIdx = [...pps.numRefIdxDefault];
  if (sliceType === 'P' || sliceType === 'SP' || sliceType === 'B') {
    if (r.flag()) {
      refIdx[0] = r.ue() + 1;
      if (sliceType === 'B') refIdx[1] = r.ue() + 1;
    }
  }
  if (sliceType !== 'I' && sliceType !== 'SI') skipListModification(r);
  if (sliceType === 'B') skipListModification(r);
  if ((pps.weightedPred && (sliceType === 'P' || sliceType === 'SP')) || (pps.weightedBipredIdc === 1 && sliceType === 'B')) {
    skipWeights(r, sps, refIdx[0]!, sliceType === 'B' ? refIdx[1]! : 0);
  }
  const bitOffset = r.position;
  const operations: number[] = [];
  if (nalRefIdc === 0) return { operations, mmco5: false, bitOffset };
  if (idr) {
    r.skip(2); // no_output_of_prior_pics_flag, long_term_reference_flag
    return { operations, mmco5: false, bitOffset };
  }
  if (!r.flag()) return { operations, mmco5: false, bitOffset };
  for (let op = r.ue(); op !== 0; op = r.ue()) {
    if (op > 6 || operations.length > 66) throw new H264ParseError(`memory_management_control_operation ${op} is invalid`);
    operations.push(op);
    if (op === 1 || op === 3) r.ue(); // difference_of_pic_nums_minus1
    if (op === 2) r.ue(); // long_term_pic_num
    if (op === 3 || op === 6) r.ue(); // long_term_frame_idx
    if (op === 4) r.ue(); // max_long_term_frame_idx_plus1
  }
  return { operations, mmco5: operations.includes(5), bitOffset };
}

function skipListModification(r: BitReader): void {
  if (!r.flag()) return;
  for (let idc = r.ue(), n = 0; idc !== 3; idc = r.ue(), n++) {
    if (idc > 5 || n > 32) throw new H264ParseError(`modification_of_pic_nums_idc ${idc} is invalid`);
    r.ue(); // abs_diff_pic_num_minus1, long_term_pic_num (or abs_diff_view_idx_minus1)
  }
}

// 7.3.3.2 pred_weight_table.
function skipWeights(r: BitReader, sps: Sps, l0: number, l1: number): void {
  const chroma = !sps.separateColourPlane && sps.chromaFormatIdc !== 0;
  r.ue(); // luma_log2_weight_denom
  if (chroma) r.ue();
  for (const count of [l0, l1]) {
    for (let i = 0; i < count; i++) {
      if (r.flag()) skipSigned(r, 2); // luma weight and offset
      if (chroma && r.flag()) skipSigned(r, 4); // Cb and Cr weight and offset
    }
  }
}

function skipSigned(r: BitReader, count: number): void {
  for (let i = 0; i < count; i++) r.se();
}
