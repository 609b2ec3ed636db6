import { describe, expect, it } from 'vitest';
import { buildSenderReport, ntpToUnixMs, parseSenderReports, unixMsToNtp } from './rtcp.ts';

// A receiver report with one report block (8 words) and an SDES CNAME chunk, as GStreamer
// sends them around its SR in one compound packet.
const RECEIVER_REPORT = Buffer.from('81c900073c1d5a6e' + '00'.repeat(24), 'hex');
const SDES = Buffer.from('81ca0003' + '3c1d5a6e' + '0104' + '6162' + '6364' + '0000', 'hex');

describe('RTCP sender reports', () => {
  it('reads NTP seconds and the 32-bit fraction as wall-clock milliseconds', () => {
    // 2026-12-01T00:00:00Z is 4005072000 s after 1900; 0x80000000 / 2^32 = 0.5 s.
    const sr = Buffer.from('80c80006' + 'deadbeef' + 'eeb88c80' + '80000000' + 'fffffff0' + '00000010' + '00001000', 'hex');
    expect(parseSenderReports(sr)).toEqual([{ ssrc: 0xdeadbeef, ntpMs: Date.parse('2026-12-01T00:00:00.500Z'), rtpTimestamp: 0xfffffff0 }]);
    expect(ntpToUnixMs(0xeeb88c80, 0x40000000)).toBe(Date.parse('2026-12-01T00:00:00.250Z'));
    expect(ntpToUnixMs(0xeeb88c80, 1)).toBeCloseTo(Date.parse('2026-12-01T00:00:00Z') + 1000 / 2 ** 32, 9);
  });

  it('round-trips the builder, to the fraction', () => {
    const ntpMs = Date.parse('2026-12-01T01:02:03.456Z');
    const [sr] = parseSenderReports(buildSenderReport({ ssrc: 7, ntpMs, rtpTimestamp: 123456 }));
    expect(sr!.ssrc).toBe(7);
    expect(sr!.rtpTimestamp).toBe(123456);
    expect(Math.abs(sr!.ntpMs - ntpMs)).toBeLessThan(0.001);
  });

  it('takes NTP seconds with the top bit clear as era 1 (after 7 Feb 2036)', () => {
    const after2036 = Date.parse('2037-01-01T00:00:00Z');
    const { seconds, fraction } = unixMsToNtp(after2036);
    expect(seconds).toBeLessThan(2 ** 31);
    expect(ntpToUnixMs(seconds, fraction)).toBe(after2036);
  });

  it('finds the SR inside a compound packet and skips the other reports', () => {
    const sr = buildSenderReport({ ssrc: 0x3c1d5a6e, ntpMs: 1_700_000_000_000, rtpTimestamp: 42 });
    expect(parseSenderReports(Buffer.concat([RECEIVER_REPORT, sr, SDES]))).toEqual([{ ssrc: 0x3c1d5a6e, ntpMs: 1_700_000_000_000, rtpTimestamp: 42 }]);
    expect(parseSenderReports(Buffer.concat([RECEIVER_REPORT, SDES]))).toEqual([]);
  });

  it('trusts nothing past a length that runs off the end or a wrong version', () => {
    const sr = buildSenderReport({ ssrc: 1, ntpMs: 1_700_000_000_000, rtpTimestamp: 1 });
    expect(parseSenderReports(sr.subarray(0, 24))).toEqual([]);
    const badVersion = Buffer.from(sr);
    badVersion[0] = 0x40;
    expect(parseSenderReports(Buffer.concat([badVersion, sr]))).toEqual([]);
    const shortSr = Buffer.from('80c80001' + '00000001', 'hex'); // an SR too short to hold its fields
    expect(parseSenderReports(Buffer.concat([shortSr, sr]))).toHaveLength(1);
  });
});
