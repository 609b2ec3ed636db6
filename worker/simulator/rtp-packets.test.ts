import { describe, expect, it } from 'vitest';
import { NAL_TYPE } from '../../lib/h264/annex-b.ts';
import { buildRtpHeader, frameInterleaved, packetizeNal, RtpStream } from './rtp-packets.ts';
import { createSeededRandom, makeNal, randomBytesFrom } from '../../lib/testing/test-bytes.ts';

// RFC 6184 section 5.8, the receiving side: rebuild the NAL unit from its FU-A fragments.
function reassembleFuA(payloads: Buffer[]): Buffer {
  const indicator = payloads[0]![0]!;
  const type = payloads[0]![1]! & 0x1f;
  return Buffer.concat([Buffer.from([(indicator & 0xe0) | type]), ...payloads.map((payload) => payload.subarray(2))]);
}

describe('packetizeNal', () => {
  it('sends a unit that fits as a single NAL unit packet', () => {
    const nal = makeNal(NAL_TYPE.sps, 1400);
    expect(packetizeNal(nal)).toEqual([nal]);
  });

  it('cuts a larger unit into FU-A fragments with start and end bits on the first and last', () => {
    const nal = Buffer.concat([Buffer.from([0x65]), randomBytesFrom(createSeededRandom(1), 4000)]);
    const payloads = packetizeNal(nal, 1400);
    expect(payloads).toHaveLength(3);
    expect(payloads.map((payload) => payload[0])).toEqual([0x7c, 0x7c, 0x7c]); // NRI 3, type 28
    expect(payloads.map((payload) => payload[1]! & 0xc0)).toEqual([0x80, 0x00, 0x40]);
    expect(payloads.map((payload) => payload[1]! & 0x1f)).toEqual([5, 5, 5]);
    expect(payloads.every((payload) => payload.length <= 1400)).toBe(true);
    expect(reassembleFuA(payloads).equals(nal)).toBe(true);
  });

  it('reassembles exactly for every size around the fragment boundaries', () => {
    const random = createSeededRandom(2);
    for (const size of [101, 102, 103, 199, 200, 201, 297, 298, 299, 1000]) {
      const nal = Buffer.concat([Buffer.from([0x41]), randomBytesFrom(random, size - 1)]);
      const payloads = packetizeNal(nal, 100);
      expect(payloads.every((payload) => payload.length <= 100)).toBe(true);
      expect(payloads.filter((payload) => payload[1]! & 0x80)).toHaveLength(1);
      expect(payloads.filter((payload) => payload[1]! & 0x40)).toHaveLength(1);
      expect(payloads.at(-1)![1]! & 0x40).toBe(0x40);
      expect(reassembleFuA(payloads).equals(nal)).toBe(true);
    }
  });
});

describe('buildRtpHeader', () => {
  it('writes version 2, marker, payload type, sequence, timestamp and SSRC', () => {
    const header = buildRtpHeader({ marker: true, sequence: 0x1_2345, timestamp: 2 ** 32 + 7, ssrc: 0xdeadbeef });
    expect(header.toString('hex')).toBe('80e0' + '2345' + '00000007' + 'deadbeef');
    expect(buildRtpHeader({ marker: false, sequence: 1, timestamp: 0, ssrc: 1, payloadType: 97 })[1]).toBe(97);
  });
});

describe('frameInterleaved', () => {
  it('prefixes $, the channel and a 16-bit length', () => {
    const framed = frameInterleaved(1, Buffer.alloc(300, 9));
    expect(framed.subarray(0, 4).toString('hex')).toBe('2401012c');
    expect(framed.length).toBe(304);
  });
});

describe('RtpStream', () => {
  it('numbers packets on, wraps at 16 bits and marks only the last packet of a frame', () => {
    const stream = new RtpStream(42, 0xfffe, 1000);
    const frame = { nals: [makeNal(NAL_TYPE.sps, 10), makeNal(NAL_TYPE.idr, 3000)], keyframe: true };
    const packets = stream.packetizeFrame(frame, 5000);
    expect(packets.map((packet) => packet.readUInt16BE(2))).toEqual([0xfffe, 0xffff, 0, 1]);
    expect(packets.map((packet) => packet[1]! >> 7)).toEqual([0, 0, 0, 1]);
    expect(packets.every((packet) => packet.readUInt32BE(4) === 5000 && packet.readUInt32BE(8) === 42)).toBe(true);
    expect(stream.nextSequence).toBe(2);
  });

  it('offsets the encoder presentation time (90 kHz) by the stream origin and wraps at 32 bits', () => {
    const stream = new RtpStream(1, 0, 2 ** 32 - 3600);
    expect(stream.rtpTime(0)).toBe(2 ** 32 - 3600);
    expect(stream.rtpTime(3600)).toBe(0);
    expect(stream.rtpTime(93_600)).toBe(90_000);
  });
});
