import { describe, expect, it } from 'vitest';
import { asStandalone, hasKeyframeNal, readKeyframe } from './read-keyframe.ts';

const PMT_PID = 0x1000;
const VIDEO_PID = 0x100;

// One 188-byte packet; short payloads are padded with adaptation-field stuffing.
function packet(pid: number, payload: Buffer, start: boolean): Buffer {
  const header = Buffer.from([0x47, (start ? 0x40 : 0) | (pid >> 8), pid & 0xff, 0x10]);
  if (payload.length >= 184) return Buffer.concat([header, payload.subarray(0, 184)]);
  header[3] = 0x30;
  const stuffing = 183 - payload.length;
  const adaptation = stuffing > 0 ? Buffer.concat([Buffer.from([stuffing, 0]), Buffer.alloc(stuffing - 1, 0xff)]) : Buffer.from([0]);
  return Buffer.concat([header, adaptation, payload]);
}

function pes(pid: number, es: Buffer): Buffer[] {
  const data = Buffer.concat([Buffer.from([0, 0, 1, 0xe0, 0, 0, 0x80, 0x80, 5, 0x21, 0, 1, 0, 1]), es]);
  const packets: Buffer[] = [];
  for (let at = 0; at < data.length; at += 184) packets.push(packet(pid, data.subarray(at, at + 184), at === 0));
  return packets;
}

function tables(streamType: number): Buffer[] {
  const pat = Buffer.from([0, 0x00, 0xb0, 13, 0, 1, 0xc1, 0, 0, 0, 1, 0xe0 | (PMT_PID >> 8), PMT_PID & 0xff, 0, 0, 0, 0]);
  const pmt = Buffer.from([0, 0x02, 0xb0, 18, 0, 1, 0xc1, 0, 0, 0xe1, 0x00, 0xf0, 0, streamType, 0xe0 | (VIDEO_PID >> 8), VIDEO_PID & 0xff, 0xf0, 0, 0, 0, 0, 0]);
  return [packet(0, pat, true), packet(PMT_PID, pmt, true)];
}

const nal = (header: number[], size = 50) => Buffer.concat([Buffer.from([0, 0, 0, 1, ...header]), Buffer.alloc(size, 0x55)]);
const h264Key = Buffer.concat([nal([0x09, 0xf0], 0), nal([0x67], 8), nal([0x68], 4), nal([0x65], 400)]);
const h264Delta = Buffer.concat([nal([0x09, 0xf0], 0), nal([0x41], 120)]);
const segment = (streamType: number, ...units: Buffer[]) => Buffer.concat([...tables(streamType), ...units.flatMap((u) => pes(VIDEO_PID, u))]);

describe('readKeyframe', () => {
  it('returns the first keyframe access unit whole, across packets, skipping what comes before', () => {
    const keyframe = readKeyframe(segment(0x1b, h264Delta, h264Key, h264Delta));
    expect(keyframe.codec).toBe('h264');
    expect(keyframe.data.equals(h264Key)).toBe(true);
  });

  it('finds a keyframe in the last unit of the segment', () => {
    expect(readKeyframe(segment(0x1b, h264Delta, h264Key)).data.equals(h264Key)).toBe(true);
  });

  it('reads HEVC by its stream type and IRAP units', () => {
    const hevcKey = Buffer.concat([nal([0x40, 0x01], 10), nal([0x26, 0x01], 300)]);
    const keyframe = readKeyframe(segment(0x24, Buffer.concat([nal([0x02, 0x01], 90)]), hevcKey));
    expect(keyframe.codec).toBe('hevc');
    expect(keyframe.data.equals(hevcKey)).toBe(true);
  });

  it('says what is wrong instead of returning a picture', () => {
    expect(() => readKeyframe(segment(0x1b, h264Delta, h264Delta))).toThrow('no keyframe in the segment');
    expect(() => readKeyframe(segment(0x0f, h264Key))).toThrow('no H.264 or HEVC video');
    const damaged = segment(0x1b, h264Key);
    damaged[188 * 2] = 0x00;
    expect(() => readKeyframe(damaged)).toThrow('lost sync');
    expect(() => readKeyframe(Buffer.alloc(0))).toThrow('no H.264 or HEVC video');
  });
});

describe('hasKeyframeNal', () => {
  it('knows IDR slices from other H.264 units and IRAP pictures from other HEVC ones', () => {
    expect(hasKeyframeNal(nal([0x65]), 'h264')).toBe(true);
    expect(hasKeyframeNal(Buffer.concat([nal([0x67]), nal([0x41])]), 'h264')).toBe(false);
    expect(hasKeyframeNal(nal([0x2a, 0x01]), 'hevc')).toBe(true); // CRA
    expect(hasKeyframeNal(nal([0x02, 0x01]), 'hevc')).toBe(false); // TRAIL_R
  });
});

describe('asStandalone', () => {
  it('relabels HEVC CRA pictures as BLA and leaves everything else alone', () => {
    const hevc = Buffer.concat([nal([0x40, 0x01], 4), nal([0x2a, 0x01], 20), nal([0x02, 0x01], 20)]);
    const out = asStandalone({ codec: 'hevc', data: hevc });
    expect([out[4], out[14], out[40]]).toEqual([0x40, 0x20, 0x02]);
    expect(out.subarray(15).equals(hevc.subarray(15))).toBe(true);
    expect(hevc[14]).toBe(0x2a);
    expect(asStandalone({ codec: 'h264', data: h264Key })).toBe(h264Key);
  });
});
