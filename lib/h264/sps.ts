import { BitReader } from './bit-reader.ts';

export type Sps = {
  id: number;
  profileIdc: number;
  constraintFlags: number;
  levelIdc: number;
  chromaFormatIdc: number;
  separateColourPlane: boolean;
  log2MaxFrameNum: number;
  pocType: number;
  log2MaxPocLsb: number; // type 0
  deltaPicOrderAlwaysZero: boolean; // type 1
  offsetForNonRefPic: number;
  offsetForTopToBottomField: number;
  offsetsForRefFrame: number[];
  maxNumRefFrames: number;
  frameMbsOnly: boolean;
  widthInMbs: number;
  heightInMapUnits: number;
  width: number;
  height: number;
  frameRate: number | undefined; // VUI timing_info: time_scale / (2 × num_units_in_tick)
  maxNumReorderFrames: number | undefined; // VUI bitstream_restriction
};

const HIGH_PROFILES = new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);

// 7.3.2.1.1 seq_parameter_set_data, up to and including the VUI fields that Lookout uses.
export function parseSps(nal: Buffer): Sps {
  const r = new BitReader(nal);
  r.skip(8); // NAL header
  const profileIdc = r.bits(8);
  const constraintFlags = r.bits(8);
  const levelIdc = r.bits(8);
  const id = r.ue();
  let chromaFormatIdc = 1;
  let separateColourPlane = false;
  if (HIGH_PROFILES.has(profileIdc)) {
    chromaFormatIdc = r.ue();
    if (chromaFormatIdc === 3) separateColourPlane = r.flag();
    r.ue(); // bit_depth_luma_minus8
    r.ue(); // bit_depth_chroma_minus8
    r.skip(1); // qpprime_y_zero_transform_bypass_flag
    if (r.flag()) for (let i = 0; i < (chromaFormatIdc !== 3 ? 8 : 12); i++) if (r.flag()) skipScalingList(r, i < 6 ? 16 : 64);
  }
  const log2MaxFrameNum = r.ue() + 4;
  const pocType = r.ue();
  let log2MaxPocLsb = 0;
  let deltaPicOrderAlwaysZero = false;
  let offsetForNonRefPic = 0;
  let offsetForTopToBottomField = 0;
  const offsetsForRefFrame: number[] = [];
  if (pocType === 0) log2MaxPocLsb = r.ue() + 4;
  else if (pocType === 1) {
    deltaPicOrderAlwaysZero = r.flag();
    offsetForNonRefPic = r.se();
    offsetForTopToBottomField = r.se();
    const cycle = r.ue();
    for (let i = 0; i < cycle; i++) offsetsForRefFrame.push(r.se());
  }
  const maxNumRefFrames = r.ue();
  r.skip(1); // gaps_in_frame_num_value_allowed_flag
  const widthInMbs = r.ue() + 1;
  const heightInMapUnits = r.ue() + 1;
  const frameMbsOnly = r.flag();
  if (!frameMbsOnly) r.skip(1); // mb_adaptive_frame_field_flag
  r.skip(1); // direct_8x8_inference_flag
  const crop = r.flag() ? [r.ue(), r.ue(), r.ue(), r.ue()] : [0, 0, 0, 0];
  const frameHeightInMbs = (2 - Number(frameMbsOnly)) * heightInMapUnits;
  const cropUnitX = chromaFormatIdc === 0 || chromaFormatIdc === 3 ? 1 : 2;
  const cropUnitY = (chromaFormatIdc === 1 ? 2 : 1) * (2 - Number(frameMbsOnly));
  const vui = r.flag() ? parseVui(r) : { frameRate: undefined, maxNumReorderFrames: undefined };
  return {
    id, profileIdc, constraintFlags, levelIdc, chromaFormatIdc, separateColourPlane, log2MaxFrameNum, pocType, log2MaxPocLsb,
    deltaPicOrderAlwaysZero, offsetForNonRefPic, offsetForTopToBottomField, offsetsForRefFrame, maxNumRefFrames,
    frameMbsOnly, widthInMbs, heightInMapUnits,
    width: widthInMbs * 16 - cropUnitX * (crop[0]! + crop[1]!),
    height: frameHeightInMbs * 16 - cropUnitY * (crop[2]! + crop[3]!),
    ...vui,
  };
}

function skipScalingList(r: BitReader, size: number): void {
  let last = 8;
  let next = 8;
  for (let j = 0; j < size; j++) {
    if (next !== 0) next = (last + r.se() + 256) % 256;
    last = next === 0 ? last : next;
  }
}

// E.1.1 vui_parameters: timing_info and bitstream_restriction; HRD parameters are skipped.
function parseVui(r: BitReader): Pick<Sps, 'frameRate' | 'maxNumReorderFrames'> {
  if (r.flag() && r.bits(8) === 255) r.skip(32); // aspect_ratio_idc Extended_SAR
  if (r.flag()) r.skip(1); // overscan
  if (r.flag()) {
    r.skip(4); // video_format, video_full_range_flag
    if (r.flag()) r.skip(24); // colour description
  }
  if (r.flag()) {
    r.ue();
    r.ue(); // chroma sample locations
  }
  let frameRate: number | undefined;
  if (r.flag()) {
    const numUnitsInTick = r.bits(32);
    const timeScale = r.bits(32);
    r.skip(1); // fixed_frame_rate_flag
    if (numUnitsInTick > 0 && timeScale > 0) frameRate = timeScale / (2 * numUnitsInTick);
  }
  const nalHrd = r.flag();
  if (nalHrd) skipHrd(r);
  const vclHrd = r.flag();
  if (vclHrd) skipHrd(r);
  if (nalHrd || vclHrd) r.skip(1); // low_delay_hrd_flag
  r.skip(1); // pic_struct_present_flag
  let maxNumReorderFrames: number | undefined;
  if (r.flag()) {
    r.skip(1); // motion_vectors_over_pic_boundaries_flag
    r.ue(); // max_bytes_per_pic_denom
    r.ue(); // max_bits_per_mb_denom
    r.ue(); // log2_max_mv_length_horizontal
    r.ue(); // log2_max_mv_length_vertical
    maxNumReorderFrames = r.ue();
    r.ue(); // max_dec_frame_buffering
  }
  return { frameRate, maxNumReorderFrames };
}

function skipHrd(r: BitReader): void {
  const count = r.ue() + 1;
  r.skip(8); // bit_rate_scale, cpb_size_scale
  for (let i = 0; i < count; i++) {
    r.ue();
    r.ue();
    r.skip(1);
  }
  r.skip(20); // four 5-bit lengths
}

const PROFILE_NAMES: Record<number, string> = { 66: 'Baseline', 77: 'Main', 88: 'Extended', 100: 'High', 110: 'High 10', 122: 'High 4:2:2', 244: 'High 4:4:4' };

export function describeProfile(sps: Pick<Sps, 'profileIdc' | 'constraintFlags'>): string {
  const name = PROFILE_NAMES[sps.profileIdc] ?? `profile ${sps.profileIdc}`;
  return sps.profileIdc === 66 && sps.constraintFlags & 0x40 ? 'Constrained Baseline' : name;
}

export function describeLevel(levelIdc: number): string {
  return levelIdc === 9 ? '1b' : (levelIdc / 10).toFixed(1).replace(/\.0$/, '');
}
