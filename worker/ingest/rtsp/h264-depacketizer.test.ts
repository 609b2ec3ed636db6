import { describe, expect, it } from 'vitest';
import { RtpStream } from '../../simulator/rtp-packets.ts';
import { makeNal } from '../../../lib/testing/test-bytes.ts';
import { H264Depacketizer, type AccessUnit } from './h264-depacketizer.ts';
import type { RtpPacket } from './interleaved-reader.ts';

const SPS = Buffer.from([0x67, 0x42, 0xc0, 0x1e, 0xd9]);
const PPS = Buffer.from([0x68, 0xce, 0x3c, 0x80]);
const annexB = (...nals: Buffer[]) => Buffer.concat(nals.flatMap((nal) => [Buffer.from([0, 0, 0, 1]), nal]));

function parse(data: Buffer): RtpPacket {
  return { sequence: data.readUInt16BE(2), timestamp: data.readUInt32BE(4), marker: (data[1]! & 0x80) !== 0, ssrc: data.readUInt32BE(8), payload: data.subarray(12) };
}

// Frames as a camera packetizes them (FU-A above 1400 bytes), one RTP timestamp each.
function packetize(frames: Buffer[][]): RtpPacket[][] {
  const stream = new RtpStream(1, 100, 0);
  return frames.map((nals, i) => stream.packetizeFrame({ nals, keyframe: false }, i * 3600).map(parse));
}

function run(depacketizer: H264Depacketizer, packets: RtpPacket[]): AccessUnit[] {
  return packets.flatMap((packet) => depacketizer.push(packet));
}

describe('H264Depacketizer', () => {
  it('reassembles FU-A fragments and holds each access unit back until the next packet', () => {
    const idr = makeNal(5, 5000);
    const slice = makeNal(1, 900);
    const [first, second] = packetize([[SPS, PPS, idr], [slice]]);
    expect(first!.length).toBeGreaterThan(3); // SPS, PPS and four FU-A fragments
    const depacketizer = new H264Depacketizer();
    expect(run(depacketizer, first!)).toEqual([]);
    expect(run(depacketizer, second!)).toEqual([{ annexB: annexB(SPS, PPS, idr), nals: [SPS, PPS, idr], keyframe: true, timestamp: 0 }]);
  });

  it('unpacks STAP-A aggregates', () => {
    const idr = makeNal(5, 300);
    const stapA = Buffer.concat([Buffer.from([0x78]), ...[SPS, PPS].flatMap((nal) => [Buffer.from([0, nal.length]), nal])]);
    const depacketizer = new H264Depacketizer();
    const units = run(depacketizer, [
      { sequence: 1, timestamp: 9, marker: false, ssrc: 1, payload: stapA },
      { sequence: 2, timestamp: 9, marker: true, ssrc: 1, payload: idr },
      { sequence: 3, timestamp: 10, marker: true, ssrc: 1, payload: makeNal(1, 50) },
    ]);
    expect(units).toEqual([{ annexB: annexB(SPS, PPS, idr), nals: [SPS, PPS, idr], keyframe: true, timestamp: 9 }]);
  });

  it('starts at an IDR and, after a sequence gap, discards everything up to the next IDR, which gets the SDP SPS and PPS', () => {
    const frames = [[makeNal(1, 2000)], [makeNal(5, 3000)], [makeNal(1, 2000)], [makeNal(1, 2500)], [makeNal(1, 600)], [makeNal(5, 3000)], [makeNal(1, 700)], [makeNal(1, 100)]];
    const packets = packetize(frames);
    packets[3]!.splice(1, 1); // one fragment of frame 3 lost
    const depacketizer = new H264Depacketizer([SPS, PPS]);
    const units = run(depacketizer, packets.flat());
    // Frame 0 precedes the first IDR; 3 lost a fragment, so 3 and 4 wait for the IDR in 5.
    expect(units.map((u) => u.timestamp / 3600)).toEqual([1, 2, 5, 6]);
    expect(units[0]!.annexB).toEqual(annexB(SPS, PPS, frames[1]![0]!));
    expect(units[2]!.annexB).toEqual(annexB(SPS, PPS, frames[5]![0]!));
    expect(units[3]!.annexB).toEqual(annexB(frames[6]![0]!));
  });

  it('drops the finished access unit it holds when the reader reports a loss right after it', () => {
    const packets = packetize([[SPS, PPS, makeNal(5, 200)], [makeNal(1, 300)], [makeNal(1, 300)], [SPS, PPS, makeNal(5, 200)], [makeNal(1, 10)]]).flat();
    const depacketizer = new H264Depacketizer();
    const units = run(depacketizer, packets.slice(0, 5)); // IDR (3 packets), slice, slice
    expect(units.map((u) => u.timestamp / 3600)).toEqual([0, 1]); // frame 1 released by frame 2's packet; frame 2 held
    depacketizer.markLoss(); // the bytes after frame 2's last packet were cut: it may hold foreign bytes
    expect(run(depacketizer, packets.slice(4)).map((u) => u.timestamp / 3600)).toEqual([3]);
  });

  it('after a loss, discards an IDR whose first slices were lost (it does not start at macroblock 0)', () => {
    const frames = [[makeNal(5, 300)], [makeNal(1, 300)], [makeNal(5, 300), makeNal(5, 300, false)], [makeNal(1, 300)], [makeNal(5, 200)], [makeNal(1, 10)]];
    const packets = packetize(frames);
    packets[2]!.shift(); // the IDR's first slice is lost with the sequence gap
    expect(run(new H264Depacketizer(), packets.flat()).map((u) => u.timestamp / 3600)).toEqual([0, 4]);
  });

  it('discards a unit whose FU-A lost its start or end', () => {
    const packets = packetize([[makeNal(5, 3000)], [makeNal(1, 3000)], [makeNal(5, 100)], [makeNal(1, 10)]]);
    packets[1] = packets[1]!.slice(1); // no start fragment, and the sequence gap is hidden by renumbering
    const flat = packets.flat().map((p, i) => ({ ...p, sequence: i }));
    expect(run(new H264Depacketizer(), flat).map((u) => u.timestamp / 3600)).toEqual([0, 2]);
  });
});
