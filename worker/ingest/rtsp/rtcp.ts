// RTCP sender reports (RFC 3550 6.4.1): the camera's own mapping of an RTP timestamp to
// its wall clock, as an NTP timestamp (seconds since 1900, and a 32-bit binary fraction).
export type SenderReport = { ssrc: number; ntpMs: number; rtpTimestamp: number };

const SENDER_REPORT = 200;
const NTP_UNIX_OFFSET_S = 2_208_988_800; // 1900-01-01 → 1970-01-01
const FRACTION = 2 ** 32;

// Pure: every SR in one compound RTCP packet (receiver reports, SDES, BYE are skipped).
// A length that runs past the end stops the walk: the rest is not trusted.
export function parseSenderReports(packet: Buffer): SenderReport[] {
  const reports: SenderReport[] = [];
  let pos = 0;
  while (pos + 4 <= packet.length) {
    if (packet[pos]! >> 6 !== 2) break;
    const end = pos + 4 * (packet.readUInt16BE(pos + 2) + 1);
    if (end > packet.length) break;
    if (packet[pos + 1] === SENDER_REPORT && end - pos >= 28) {
      reports.push({
        ssrc: packet.readUInt32BE(pos + 4),
        ntpMs: ntpToUnixMs(packet.readUInt32BE(pos + 8), packet.readUInt32BE(pos + 12)),
        rtpTimestamp: packet.readUInt32BE(pos + 16),
      });
    }
    pos = end;
  }
  return reports;
}

// NTP era 0 ends in 2036; from then on the seconds field wraps, and a small value means
// era 1 (RFC 4330 3: values with the top bit clear are taken as after 2036).
export function ntpToUnixMs(seconds: number, fraction: number): number {
  const era = seconds < 2 ** 31 ? FRACTION : 0;
  return (seconds + era - NTP_UNIX_OFFSET_S) * 1000 + (fraction / FRACTION) * 1000;
}

export function unixMsToNtp(ms: number): { seconds: number; fraction: number } {
  const total = ms / 1000 + NTP_UNIX_OFFSET_S;
  const seconds = Math.floor(total);
  return { seconds: seconds >>> 0, fraction: Math.min(FRACTION - 1, Math.round((total - seconds) * FRACTION)) };
}

// A sender report as a camera sends it (no report blocks): for the simulator and tests.
export function buildSenderReport({ ssrc, ntpMs, rtpTimestamp, packets = 0, octets = 0 }: SenderReport & { packets?: number; octets?: number }): Buffer {
  const sr = Buffer.alloc(28);
  sr.writeUInt8(0x80, 0);
  sr.writeUInt8(SENDER_REPORT, 1);
  sr.writeUInt16BE(6, 2);
  sr.writeUInt32BE(ssrc >>> 0, 4);
  const ntp = unixMsToNtp(ntpMs);
  sr.writeUInt32BE(ntp.seconds, 8);
  sr.writeUInt32BE(ntp.fraction, 12);
  sr.writeUInt32BE(rtpTimestamp >>> 0, 16);
  sr.writeUInt32BE(packets >>> 0, 20);
  sr.writeUInt32BE(octets >>> 0, 24);
  return sr;
}
