import { BitReader } from './bit-reader.ts';

export type Pps = { id: number; spsId: number; entropyCodingModeFlag: boolean; bottomFieldPicOrderInFramePresent: boolean };

// 7.3.2.2, the fields a slice header needs before its POC.
export function parsePps(nal: Buffer): Pps {
  const r = new BitReader(nal);
  r.skip(8);
  const id = r.ue();
  const spsId = r.ue();
  const entropyCodingModeFlag = r.flag();
  const bottomFieldPicOrderInFramePresent = r.flag();
  return { id, spsId, entropyCodingModeFlag, bottomFieldPicOrderInFramePresent };
}
