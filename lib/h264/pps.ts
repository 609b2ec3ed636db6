import { BitReader } from './bit-reader.ts';

export type Pps = {
  id: number;
  spsId: number;
  entropyCodingModeFlag: boolean;
  bottomFieldPicOrderInFramePresent: boolean;
  numRefIdxDefault: [number, number]; // num_ref_idx_l0/l1_default_active_minus1 + 1
  weightedPred: boolean;
  weightedBipredIdc: number;
  redundantPicCntPresent: boolean;
};

// 7.3.2.2, the fields a slice header needs up to dec_ref_pic_marking.
export function parsePps(nal: Buffer): Pps {
  const r = new BitReader(nal);
  r.skip(8);
  const id = r.ue();
  const spsId = r.ue();
  const entropyCodingModeFlag = r.flag();
  const bottomFieldPicOrderInFramePresent = r.flag();
  skipSliceGroups(r);
  const numRefIdxDefault: [number, number] = [r.ue() + 1, r.ue() + 1];
  const weightedPred = r.flag();
  const weightedBipredIdc = r.bits(2);
  r.se(); // pic_init_qp_minus26
  r.se(); // pic_init_qs_minus26
  r.se(); // chroma_qp_index_offset
  r.skip(2); // deblocking_filter_control_present_flag, constrained_intra_pred_flag
  const redundantPicCntPresent = r.flag();
  return { id, spsId, entropyCodingModeFlag, bottomFieldPicOrderInFramePresent, numRefIdxDefault, weightedPred, weightedBipredIdc, redundantPicCntPresent };
}

// Flexible macroblock ordering (Baseline only, and rare): its map is skipped over.
function skipSliceGroups(r: BitReader): void {
  const groups = r.ue() + 1;
  if (groups === 1) return;
  const mapType = r.ue();
  if (mapType === 0) for (let i = 0; i < groups; i++) r.ue();
  else if (mapType === 2) for (let i = 0; i < 2 * (groups - 1); i++) r.ue();
  else if (mapType >= 3 && mapType <= 5) {
    r.skip(1);
    r.ue();
  } else if (mapType === 6) {
    const units = r.ue() + 1;
    r.skip(units * Math.ceil(Math.log2(groups)));
  }
}
