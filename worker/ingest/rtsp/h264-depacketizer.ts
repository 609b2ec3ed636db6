import { getNalType, isSlice, joinAnnexB, NAL_TYPE, startsPicture } from '../../../lib/h264/annex-b.ts';
import type { RtpPacket } from './interleaved-reader.ts';

export type AccessUnit = { annexB: Buffer; nals: Buffer[]; keyframe: boolean; timestamp: number };

const NAL = NAL_TYPE;
const nalType = getNalType;

function startsWholePicture(nals: Buffer[]): boolean {
  const slice = nals.find((nal) => isSlice(nalType(nal)));
  return slice !== undefined && startsPicture(slice);
}

type Pending = { timestamp: number; nals: Buffer[]; fragment: Buffer[] | undefined };

// RFC 6184 (single NAL unit, STAP-A, FU-A) to whole Annex-B access units, for a stream
// that loses bytes. After any loss (a sequence gap, or a resync reported by the reader)
// everything up to the next IDR is discarded, so ffmpeg only ever gets whole GOPs, each
// starting with SPS and PPS. A finished access unit is held back until the next packet
// arrives in sequence: the packet just before a resync may have swallowed foreign bytes.
export class H264Depacketizer {
  private expectedSequence: number | undefined;
  private current: Pending | undefined;
  private held: AccessUnit | undefined;
  private waitingForIdr = true;
  private sps: Buffer | undefined;
  private pps: Buffer | undefined;
  discardedUnits = 0;
  sequenceGaps = 0;

  constructor(parameterSets: Buffer[] = []) {
    for (const nal of parameterSets) this.remember(nal);
  }

  // A resync in the byte stream: what is in progress or held back may be damaged.
  markLoss(): void {
    if (this.held || this.current) this.discardedUnits++;
    this.held = undefined;
    this.current = undefined;
    this.waitingForIdr = true;
    this.expectedSequence = undefined;
  }

  push(packet: RtpPacket): AccessUnit[] {
    if (this.expectedSequence !== undefined && packet.sequence !== this.expectedSequence) {
      this.sequenceGaps++;
      this.markLoss();
    }
    this.expectedSequence = (packet.sequence + 1) & 0xffff;
    const out: AccessUnit[] = [];
    if (this.held) out.push(this.held);
    this.held = undefined;
    if (this.current && this.current.timestamp !== packet.timestamp) this.finish(); // its marker bit was lost
    this.current ??= { timestamp: packet.timestamp, nals: [], fragment: undefined };
    if (!this.addPayload(this.current, packet.payload)) this.markLoss();
    else if (packet.marker) this.finish();
    return out;
  }

  private addPayload(unit: Pending, payload: Buffer): boolean {
    if (payload.length === 0) return true;
    const type = nalType(payload);
    if (type === NAL.stapA) return this.addStapA(unit, payload);
    if (type === NAL.fuA) return this.addFragment(unit, payload);
    if (type === 0 || type > 23) return false; // STAP-B, MTAP, FU-B: not sent in packetization-mode 1
    if (unit.fragment) return false;
    unit.nals.push(payload);
    return true;
  }

  private addStapA(unit: Pending, payload: Buffer): boolean {
    if (unit.fragment) return false;
    for (let offset = 1; offset < payload.length; ) {
      if (offset + 2 > payload.length) return false;
      const size = payload.readUInt16BE(offset);
      offset += 2;
      if (size === 0 || offset + size > payload.length) return false;
      unit.nals.push(payload.subarray(offset, offset + size));
      offset += size;
    }
    return true;
  }

  private addFragment(unit: Pending, payload: Buffer): boolean {
    if (payload.length < 2) return false;
    const header = payload[1]!;
    const start = (header & 0x80) !== 0;
    const end = (header & 0x40) !== 0;
    if (start === (unit.fragment !== undefined)) return false; // a start inside a unit, or a middle without one
    if (start) unit.fragment = [Buffer.from([(payload[0]! & 0xe0) | (header & 0x1f)])];
    unit.fragment!.push(payload.subarray(2));
    if (end) {
      unit.nals.push(Buffer.concat(unit.fragment!));
      unit.fragment = undefined;
    }
    return true;
  }

  private finish(): void {
    const unit = this.current;
    this.current = undefined;
    if (!unit || unit.nals.length === 0) return;
    if (unit.fragment) return this.markLoss(); // an FU-A without its end
    const keyframe = unit.nals.some((nal) => nalType(nal) === NAL.idr);
    // The first unit after a loss may have lost its first packets: an IDR is a fresh start
    // only if its picture starts at macroblock 0.
    if (this.waitingForIdr && !(keyframe && startsWholePicture(unit.nals))) {
      this.discardedUnits++;
      return;
    }
    for (const nal of unit.nals) this.remember(nal);
    let nals = unit.nals;
    if (this.waitingForIdr) {
      this.waitingForIdr = false;
      nals = [...this.parameterSetsMissingFrom(nals), ...nals];
    }
    this.held = { annexB: joinAnnexB(nals), nals, keyframe, timestamp: unit.timestamp };
  }

  private parameterSetsMissingFrom(nals: Buffer[]): Buffer[] {
    const has = (type: number) => nals.some((nal) => nalType(nal) === type);
    return [has(NAL.sps) ? undefined : this.sps, has(NAL.pps) ? undefined : this.pps].filter((nal): nal is Buffer => nal !== undefined);
  }

  private remember(nal: Buffer): void {
    if (nalType(nal) === NAL.sps) this.sps = Buffer.from(nal);
    if (nalType(nal) === NAL.pps) this.pps = Buffer.from(nal);
  }
}
