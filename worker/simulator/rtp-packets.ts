import type { AccessUnit } from '../../lib/h264/access-units.ts';

export const MAX_RTP_PAYLOAD = 1400;
export const RTP_CLOCK_RATE = 90_000;
export const H264_PAYLOAD_TYPE = 96;
const FU_A = 28;

// Pure, RFC 6184: a NAL unit that fits goes as it is (single NAL unit packet); a larger one
// is cut into FU-A fragments, each carrying the FU indicator and FU header.
export function packetizeNal(nal: Buffer, maxPayload = MAX_RTP_PAYLOAD): Buffer[] {
  if (nal.length <= maxPayload) return [nal];
  const header = nal.readUInt8(0);
  const indicator = (header & 0xe0) | FU_A;
  const type = header & 0x1f;
  const body = nal.subarray(1);
  const step = maxPayload - 2;
  const payloads: Buffer[] = [];
  for (let offset = 0; offset < body.length; offset += step) {
    const start = offset === 0 ? 0x80 : 0;
    const end = offset + step >= body.length ? 0x40 : 0;
    payloads.push(Buffer.concat([Buffer.from([indicator, start | end | type]), body.subarray(offset, offset + step)]));
  }
  return payloads;
}

export type RtpHeaderFields = { marker: boolean; sequence: number; timestamp: number; ssrc: number; payloadType?: number };

export function buildRtpHeader({ marker, sequence, timestamp, ssrc, payloadType = H264_PAYLOAD_TYPE }: RtpHeaderFields): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt8(0x80, 0); // version 2, no padding, no extension, no CSRC
  header.writeUInt8((marker ? 0x80 : 0) | payloadType, 1);
  header.writeUInt16BE(sequence & 0xffff, 2);
  header.writeUInt32BE(timestamp >>> 0, 4);
  header.writeUInt32BE(ssrc >>> 0, 8);
  return header;
}

// RFC 2326 section 10.12: '$', channel, 16-bit length, then the packet.
export function frameInterleaved(channel: number, packet: Buffer): Buffer {
  const prefix = Buffer.from([0x24, channel, 0, 0]);
  prefix.writeUInt16BE(packet.length, 2);
  return Buffer.concat([prefix, packet]);
}

// One RTP stream (one client): its own SSRC, sequence numbers and timestamp origin.
export class RtpStream {
  private sequence: number;

  constructor(
    readonly ssrc: number,
    firstSequence: number,
    private readonly timestampBase: number,
  ) {
    this.sequence = firstSequence & 0xffff;
  }

  get nextSequence(): number {
    return this.sequence;
  }

  // pts: the frame's presentation time in 90 kHz units, from the encoder.
  rtpTime(pts: number): number {
    return (this.timestampBase + pts) >>> 0;
  }

  // All packets of one frame share its timestamp; the marker bit is set on the last one.
  packetizeFrame(frame: AccessUnit, timestamp: number, maxPayload = MAX_RTP_PAYLOAD): Buffer[] {
    const payloads = frame.nals.flatMap((nal) => packetizeNal(nal, maxPayload));
    return payloads.map((payload, i) => {
      const header = buildRtpHeader({ marker: i === payloads.length - 1, sequence: this.sequence, timestamp, ssrc: this.ssrc });
      this.sequence = (this.sequence + 1) & 0xffff;
      return Buffer.concat([header, payload]);
    });
  }
}
