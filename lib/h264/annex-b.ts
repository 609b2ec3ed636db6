export const NAL_TYPE = { slice: 1, idr: 5, sei: 6, sps: 7, pps: 8, aud: 9, stapA: 24, fuA: 28 } as const;

const START_CODE = Buffer.from([0, 0, 0, 1]);
const START_MARKER = Buffer.from([0, 0, 1]);

export function getNalType(nal: Buffer): number {
  return nal.readUInt8(0) & 0x1f;
}

// Pure: cuts an Annex-B buffer at its start codes. Every NAL unit followed by another start
// code is complete; the bytes after the last start code are returned as `rest` (start code
// included) because more of that unit may still arrive. Bytes before the first start code are junk.
export function splitAnnexB(buffer: Buffer): { nals: Buffer[]; rest: Buffer } {
  const starts: { at: number; payload: number }[] = [];
  let index = buffer.indexOf(0x01, 2);
  while (index !== -1) {
    if (buffer[index - 1] === 0 && buffer[index - 2] === 0) {
      const at = index >= 3 && buffer[index - 3] === 0 ? index - 3 : index - 2;
      starts.push({ at, payload: index + 1 });
    }
    index = buffer.indexOf(0x01, index + 3);
  }
  const last = starts.at(-1);
  if (!last) return { nals: [], rest: buffer };
  const nals: Buffer[] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const nal = trimTrailingZeros(buffer.subarray(starts[i]!.payload, starts[i + 1]!.at));
    if (nal.length > 0) nals.push(nal);
  }
  return { nals, rest: buffer.subarray(last.at) };
}

// Trailing zero bytes belong to the next start code (or are padding), never to the unit.
function trimTrailingZeros(nal: Buffer): Buffer {
  let end = nal.length;
  while (end > 0 && nal[end - 1] === 0) end--;
  return nal.subarray(0, end);
}

// Feeds a byte stream in arbitrary chunks and hands back whole NAL units.
export class NalSplitter {
  private pending: Buffer = Buffer.alloc(0);

  get pendingBytes(): number {
    return this.pending.length;
  }

  push(chunk: Buffer): Buffer[] {
    const { nals, rest } = splitAnnexB(this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk);
    this.pending = Buffer.from(rest); // copy: do not pin the whole chunk
    return nals;
  }

  flush(): Buffer[] {
    const { nals } = splitAnnexB(Buffer.concat([this.pending, START_CODE]));
    this.pending = Buffer.alloc(0);
    return nals;
  }
}

export function joinAnnexB(nals: Buffer[]): Buffer {
  return Buffer.concat(nals.flatMap((nal) => [START_CODE, nal]));
}

export type NalLocation = { type: number; start: number; end: number };

// Annex-B NAL units located in place: [start of the start code, end) with the NAL type.
export function locateNalUnits(data: Buffer): NalLocation[] {
  const nals: NalLocation[] = [];
  for (let i = data.indexOf(START_MARKER); i >= 0; ) {
    const next = data.indexOf(START_MARKER, i + 3);
    const start = i > 0 && data[i - 1] === 0 ? i - 1 : i;
    nals.push({ type: data[i + 3]! & 0x1f, start, end: next < 0 ? data.length : next > 0 && data[next - 1] === 0 ? next - 1 : next });
    i = next;
  }
  return nals;
}

// Offsets of each NAL unit's first header byte. Annex-B framing is the same for H.264 and HEVC,
// so this serves both; only the header's meaning differs.
export function findNalHeaders(data: Buffer): number[] {
  const found: number[] = [];
  for (let i = data.indexOf(START_MARKER); i >= 0 && i + 3 < data.length; i = data.indexOf(START_MARKER, i + 3)) found.push(i + 3);
  return found;
}

export function isSlice(type: number): boolean {
  return type >= NAL_TYPE.slice && type <= NAL_TYPE.idr;
}

// first_mb_in_slice is the first ue(v) of a slice header: its leading bit is 1 only for 0.
export function startsPicture(nal: Buffer): boolean {
  return nal.length > 1 && (nal[1]! & 0x80) !== 0;
}
