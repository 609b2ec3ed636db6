import { getNalType, NAL_TYPE } from '../../lib/h264/annex-b.ts';

// The container the worker feeds ffmpeg: FLV, one video tag per access unit, carrying the
// camera's own timing as a DTS plus a composition-time offset (PTS − DTS).
// Why FLV and not MPEG-TS: a tag is the frame with an 11-byte header and a 5-byte video
// header, and the offset field is exactly PTS − DTS; MPEG-TS needs PAT/PMT, PES headers,
// 188-byte packetization, continuity counters and a PCR, all only to reach the same place.
// Its cost is millisecond resolution: a 90 kHz time is off by at most 0.5 ms, well inside
// the 1 ms that the frame interval must hold, and DTS stays strictly increasing at any
// frame rate below 1000 fps. SPS and PPS travel in the AVC sequence header (repeated when
// they change); ffmpeg's copy into MPEG-TS puts them back in front of every IDR.
export const FLV_HEADER = Buffer.from([0x46, 0x4c, 0x56, 0x01, 0x01, 0, 0, 0, 9, 0, 0, 0, 0]);

const VIDEO_TAG = 9;
const AVC = 7;

export type FlvFrame = { nals: Buffer[]; keyframe: boolean; dtsMs: number; ptsMs: number };

export function buildSequenceHeader(sps: Buffer, pps: Buffer, dtsMs: number): Buffer {
  const record = Buffer.concat([
    Buffer.from([1, sps[1]!, sps[2]!, sps[3]!, 0xff, 0xe1]),
    u16(sps.length),
    sps,
    Buffer.from([1]),
    u16(pps.length),
    pps,
  ]);
  return buildTag(Buffer.concat([Buffer.from([0x10 | AVC, 0, 0, 0, 0]), record]), dtsMs);
}

// Parameter sets and access-unit delimiters stay out of the frame: they are in the header.
export function buildVideoTag({ nals, keyframe, dtsMs, ptsMs }: FlvFrame): Buffer {
  const kept = nals.filter((nal) => ![NAL_TYPE.sps, NAL_TYPE.pps, NAL_TYPE.aud].includes(getNalType(nal) as 7 | 8 | 9));
  const cts = ptsMs - dtsMs;
  const head = Buffer.from([(keyframe ? 0x10 : 0x20) | AVC, 1, (cts >> 16) & 0xff, (cts >> 8) & 0xff, cts & 0xff]);
  return buildTag(Buffer.concat([head, ...kept.flatMap((nal) => [u32(nal.length), nal])]), dtsMs);
}

function buildTag(data: Buffer, dtsMs: number): Buffer {
  const header = Buffer.alloc(11);
  header[0] = VIDEO_TAG;
  header.writeUIntBE(data.length, 1, 3);
  header.writeUIntBE(dtsMs & 0xffffff, 4, 3);
  header[7] = (dtsMs >>> 24) & 0xff; // TimestampExtended
  return Buffer.concat([header, data, u32(11 + data.length)]);
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(value);
  return b;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
}
