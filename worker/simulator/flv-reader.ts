import { NAL_TYPE } from '../../lib/h264/annex-b.ts';

export type FlvVideoFrame = { nals: Buffer[]; keyframe: boolean; dtsMs: number; ptsMs: number };
export type FlvParameterSets = { sps: Buffer; pps: Buffer };

const FILE_HEADER = 13; // 'FLV', version, flags, header size, PreviousTagSize0
const TAG_HEADER = 11;

// Incremental reader of the encoder's FLV output (H.264 only): the encoder's own DTS and
// composition time give each frame its presentation time, which the RTP server then sends.
// Configuration records are read for SPS/PPS; frames come out in decode order.
export class FlvReader {
  private pending = Buffer.alloc(0);
  private headerRead = false;
  parameterSets: FlvParameterSets | undefined;

  push(chunk: Buffer): FlvVideoFrame[] {
    let buffer = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: FlvVideoFrame[] = [];
    if (!this.headerRead) {
      if (buffer.length < FILE_HEADER) return this.keep(buffer, frames);
      buffer = buffer.subarray(FILE_HEADER);
      this.headerRead = true;
    }
    let pos = 0;
    while (buffer.length - pos >= TAG_HEADER) {
      const size = buffer.readUIntBE(pos + 1, 3);
      const end = pos + TAG_HEADER + size + 4;
      if (buffer.length < end) break;
      if (buffer[pos] === 9) {
        const dtsMs = buffer.readUIntBE(pos + 4, 3) + buffer[pos + 7]! * 2 ** 24;
        const frame = this.readVideo(buffer.subarray(pos + TAG_HEADER, pos + TAG_HEADER + size), dtsMs);
        if (frame) frames.push(frame);
      }
      pos = end;
    }
    return this.keep(buffer.subarray(pos), frames);
  }

  private keep(rest: Buffer, frames: FlvVideoFrame[]): FlvVideoFrame[] {
    this.pending = Buffer.from(rest);
    return frames;
  }

  private readVideo(data: Buffer, dtsMs: number): FlvVideoFrame | undefined {
    if (data.length < 5 || (data[0]! & 0x0f) !== 7) return undefined;
    const cts = data.readIntBE(2, 3);
    if (data[1] === 0) {
      this.parameterSets = readConfigurationRecord(data.subarray(5));
      return undefined;
    }
    if (data[1] !== 1) return undefined;
    const nals: Buffer[] = [];
    for (let pos = 5; pos + 4 <= data.length; ) {
      const length = data.readUInt32BE(pos);
      nals.push(Buffer.from(data.subarray(pos + 4, pos + 4 + length)));
      pos += 4 + length;
    }
    return { nals, keyframe: nals.some((nal) => (nal[0]! & 0x1f) === NAL_TYPE.idr), dtsMs, ptsMs: dtsMs + cts };
  }
}

// AVCDecoderConfigurationRecord (ISO 14496-15 5.2.4.1): the first SPS and PPS.
function readConfigurationRecord(record: Buffer): FlvParameterSets | undefined {
  if (record.length < 8) return undefined;
  let pos = 6;
  const spsLength = record.readUInt16BE(pos);
  const sps = Buffer.from(record.subarray(pos + 2, pos + 2 + spsLength));
  pos += 2 + spsLength + 1;
  const ppsLength = record.readUInt16BE(pos);
  const pps = Buffer.from(record.subarray(pos + 2, pos + 2 + ppsLength));
  return { sps, pps };
}
