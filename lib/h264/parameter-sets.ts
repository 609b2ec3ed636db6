import { getNalType, NAL_TYPE } from './annex-b.ts';
import { parsePps, type Pps } from './pps.ts';
import { parseSliceHeader, type SliceHeader } from './slice-header.ts';
import { parseSps, type Sps } from './sps.ts';

// The SPS and PPS a stream has sent so far, by id, with the raw units for a decoder's
// configuration record; slices are parsed against them.
export class ParameterSets {
  private readonly spsById = new Map<number, { nal: Buffer; sps: Sps }>();
  private readonly ppsById = new Map<number, { nal: Buffer; pps: Pps }>();
  private readonly lookup = { sps: (id: number) => this.spsById.get(id)?.sps, pps: (id: number) => this.ppsById.get(id)?.pps };
  latestSpsNal: Buffer | undefined;
  latestPpsNal: Buffer | undefined;
  latestSps: Sps | undefined;

  // Returns true when the unit was a parameter set that differs from the one held.
  remember(nal: Buffer): boolean {
    const type = getNalType(nal);
    if (type === NAL_TYPE.sps) {
      const sps = parseSps(nal);
      const changed = !this.spsById.get(sps.id)?.nal.equals(nal);
      this.spsById.set(sps.id, { nal: Buffer.from(nal), sps });
      this.latestSpsNal = this.spsById.get(sps.id)!.nal;
      this.latestSps = sps;
      return changed;
    }
    if (type === NAL_TYPE.pps) {
      const pps = parsePps(nal);
      const changed = !this.ppsById.get(pps.id)?.nal.equals(nal);
      this.ppsById.set(pps.id, { nal: Buffer.from(nal), pps });
      this.latestPpsNal = this.ppsById.get(pps.id)!.nal;
      return changed;
    }
    return false;
  }

  get ready(): boolean {
    return this.latestSpsNal !== undefined && this.latestPpsNal !== undefined;
  }

  parseSlice(nal: Buffer): SliceHeader {
    return parseSliceHeader(nal, this.lookup);
  }

  spsFor(slice: SliceHeader): Sps {
    return this.lookup.sps(this.lookup.pps(slice.ppsId)!.spsId)!;
  }
}
