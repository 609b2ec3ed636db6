import { BitReader, removeEmulationPrevention } from '../h264/bit-reader.ts';
import type { ParameterSets } from '../h264/parameter-sets.ts';

// For tests: a real encoder's slice NAL with its frame_num replaced and, optionally, a
// memory_management_control_operation 5 put into its dec_ref_pic_marking (which must be the
// sliding-window form, one 0 bit). The slice data after it is shifted along bit for bit, so
// the picture still decodes. No encoder here writes mmco 5; this makes a stream that has it.
export function rewriteSlice(nal: Buffer, sets: ParameterSets, edit: { frameNum: number; mmco5?: boolean }): Buffer {
  const slice = sets.parseSlice(nal);
  const sps = sets.spsFor(slice);
  const r = new BitReader(nal);
  r.skip(8);
  r.ue(); // first_mb_in_slice
  r.ue(); // slice_type
  r.ue(); // pic_parameter_set_id
  if (sps.separateColourPlane) r.skip(2);
  const frameNumAt = r.position;
  const rbsp = removeEmulationPrevention(nal);
  let bits = [...rbsp].map((byte) => byte.toString(2).padStart(8, '0')).join('');
  bits = bits.slice(0, bits.lastIndexOf('1')); // without rbsp_stop_one_bit and its padding
  bits = bits.slice(0, frameNumAt) + edit.frameNum.toString(2).padStart(sps.log2MaxFrameNum, '0') + bits.slice(frameNumAt + sps.log2MaxFrameNum);
  if (edit.mmco5) {
    const at = slice.markingBitOffset;
    if (slice.nalRefIdc === 0 || slice.idr || bits[at] !== '0') throw new Error('only a reference slice with sliding-window marking can take mmco 5');
    bits = bits.slice(0, at) + '1' + '00110' + '1' + bits.slice(at + 1); // adaptive, ue(5), ue(0)
  }
  bits += '1';
  bits = bits.padEnd(Math.ceil(bits.length / 8) * 8, '0');
  const bytes = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  return addEmulationPrevention(bytes);
}

function addEmulationPrevention(rbsp: Buffer): Buffer {
  const out: number[] = [];
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Buffer.from(out);
}
