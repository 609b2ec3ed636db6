import { findNalHeaders } from '../../lib/h264/annex-b.ts';

export type VideoCodec = 'h264' | 'hevc';
export type Keyframe = { codec: VideoCodec; data: Buffer };

const PACKET = 188;
const STREAM_TYPES: Record<number, VideoCodec> = { 0x1b: 'h264', 0x24: 'hevc' };

// The first keyframe access unit (Annex-B) of an MPEG-TS segment, found in JavaScript so
// that a long-lived decoder can take it: spawning ffmpeg per grab costs ~0.2 s of CPU in
// library loading alone, more than the whole snapshot budget.
export function readKeyframe(ts: Buffer): Keyframe {
  let pmtPid: number | undefined;
  let video: { pid: number; codec: VideoCodec } | undefined;
  let pes: Buffer[] = [];
  for (let at = 0; at + PACKET <= ts.length; at += PACKET) {
    if (ts[at] !== 0x47) throw new Error('the segment is not MPEG-TS (lost sync)');
    const pid = ((ts[at + 1]! & 0x1f) << 8) | ts[at + 2]!;
    const start = (ts[at + 1]! & 0x40) !== 0;
    const control = (ts[at + 3]! >> 4) & 3;
    if (!(control & 1)) continue;
    const offset = at + 4 + (control & 2 ? 1 + ts[at + 4]! : 0);
    if (offset >= at + PACKET) continue;
    const payload = ts.subarray(offset, at + PACKET);
    if (pid === 0 && start) pmtPid = readPat(payload);
    else if (pid === pmtPid && start && !video) video = readPmt(payload);
    else if (video && pid === video.pid) {
      if (start && pes.length) {
        const frame = keyframeIn(pes, video.codec);
        if (frame) return frame;
        pes = [];
      }
      if (start || pes.length) pes.push(payload);
    }
  }
  const last = video && pes.length ? keyframeIn(pes, video.codec) : undefined;
  if (last) return last;
  throw new Error(video ? 'no keyframe in the segment' : 'no H.264 or HEVC video in the segment');
}

function section(payload: Buffer): Buffer {
  return payload.subarray(1 + payload[0]!);
}

function readPat(payload: Buffer): number | undefined {
  const table = section(payload);
  const end = Math.min(table.length, 3 + (((table[1]! & 0x0f) << 8) | table[2]!)) - 4;
  for (let i = 8; i + 4 <= end; i += 4) {
    if (((table[i]! << 8) | table[i + 1]!) !== 0) return ((table[i + 2]! & 0x1f) << 8) | table[i + 3]!;
  }
  return undefined;
}

function readPmt(payload: Buffer): { pid: number; codec: VideoCodec } | undefined {
  const table = section(payload);
  const end = Math.min(table.length, 3 + (((table[1]! & 0x0f) << 8) | table[2]!)) - 4;
  for (let i = 12 + (((table[10]! & 0x0f) << 8) | table[11]!); i + 5 <= end; i += 5 + (((table[i + 3]! & 0x0f) << 8) | table[i + 4]!)) {
    const codec = STREAM_TYPES[table[i]!];
    if (codec) return { pid: ((table[i + 1]! & 0x1f) << 8) | table[i + 2]!, codec };
  }
  return undefined;
}

function keyframeIn(chunks: Buffer[], codec: VideoCodec): Keyframe | undefined {
  const pes = Buffer.concat(chunks);
  if (pes.length < 9 || pes[0] !== 0 || pes[1] !== 0 || pes[2] !== 1) return undefined;
  const data = pes.subarray(9 + pes[8]!);
  return hasKeyframeNal(data, codec) ? { codec, data } : undefined;
}

export function hasKeyframeNal(data: Buffer, codec: VideoCodec): boolean {
  return findNalHeaders(data).some((at) => isKeyframeNal(data[at]!, codec));
}

// HEVC keyframes after the first are usually CRA pictures, which belong to the stream
// before them: fed alone, or twice, the decoder drops them as duplicates. A CRA relabelled
// as BLA (a splice point, allowed by the standard) starts afresh like an IDR.
export function asStandalone(keyframe: Keyframe): Buffer {
  if (keyframe.codec !== 'hevc') return keyframe.data;
  const data = Buffer.from(keyframe.data);
  for (const at of findNalHeaders(data)) if (((data[at]! >> 1) & 0x3f) === HEVC_CRA) data[at] = (data[at]! & 0x81) | (HEVC_BLA_W_LP << 1);
  return data;
}

const HEVC_CRA = 21;
const HEVC_BLA_W_LP = 16;

function isKeyframeNal(header: number, codec: VideoCodec): boolean {
  if (codec === 'h264') return (header & 0x1f) === 5;
  const type = (header >> 1) & 0x3f;
  return type >= 16 && type <= 21;
}

