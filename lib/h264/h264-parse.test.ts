import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccessUnitGrouper, type AccessUnit } from './access-units.ts';
import { getNalType, NAL_TYPE, NalSplitter } from './annex-b.ts';
import { BitReader, removeEmulationPrevention } from './bit-reader.ts';
import { ParameterSets } from './parameter-sets.ts';
import { PictureOrderCounter } from './picture-order.ts';
import type { SliceHeader } from './slice-header.ts';
import { describeProfile, type Sps } from './sps.ts';

// Fixtures made with x264 (ffmpeg), x264enc and openh264enc (GStreamer); the expected
// display orders are ffprobe's (coded_picture_number of each frame, in display order).
function readUnits(name: string): AccessUnit[] {
  const splitter = new NalSplitter();
  const grouper = new AccessUnitGrouper();
  const units = [...splitter.push(readFileSync(join(import.meta.dirname, 'fixtures', name))), ...splitter.flush()].map((nal) => grouper.push(nal)).filter((u) => u !== undefined);
  return [...units, grouper.flush()!];
}

function parseStream(name: string): { sps: Sps; slices: SliceHeader[]; pocs: number[] } {
  const sets = new ParameterSets();
  const counter = new PictureOrderCounter();
  const slices: SliceHeader[] = [];
  const pocs: number[] = [];
  for (const unit of readUnits(name)) {
    for (const nal of unit.nals) sets.remember(nal);
    const first = unit.nals.find((nal) => getNalType(nal) === NAL_TYPE.slice || getNalType(nal) === NAL_TYPE.idr)!;
    const slice = sets.parseSlice(first);
    slices.push(slice);
    pocs.push(counter.next(slice, sets.spsFor(slice)));
  }
  return { sps: sets.latestSps!, slices, pocs };
}

// Decode indices in display order: sort each IDR period by POC.
function displayOrder(slices: SliceHeader[], pocs: number[]): number[] {
  const order: number[] = [];
  let period: number[] = [];
  const flush = () => order.push(...period.sort((a, b) => pocs[a]! - pocs[b]!));
  slices.forEach((slice, i) => {
    if (slice.idr) {
      flush();
      period = [];
    }
    period.push(i);
  });
  flush();
  return order;
}

describe('H.264 parsing against real encoder output', () => {
  it('reads x264 High with B-frames: SPS, VUI timing, reorder depth, POC type 0 display order', () => {
    const { sps, slices, pocs } = parseStream('x264-high-bframes.h264');
    expect({ profile: describeProfile(sps), level: sps.levelIdc, width: sps.width, height: sps.height, pocType: sps.pocType }).toEqual({ profile: 'High', level: 13, width: 320, height: 180, pocType: 0 });
    expect(sps.frameRate).toBe(30);
    expect(sps.maxNumReorderFrames).toBe(2);
    expect(displayOrder(slices, pocs)).toEqual([0, 2, 3, 1, 5, 6, 4, 7, 8, 10, 11, 9, 13, 12, 15, 14]);
    expect(slices.filter((s) => s.idr).map((s) => s.idrPicId)).toEqual([0, 1]);
  });

  it('reads GStreamer x264enc Main with a B-pyramid', () => {
    const { sps, slices, pocs } = parseStream('gst-x264-bpyramid.h264');
    expect({ profile: describeProfile(sps), width: sps.width, height: sps.height, frameRate: sps.frameRate }).toEqual({ profile: 'Main', width: 192, height: 108, frameRate: 25 });
    expect(displayOrder(slices, pocs)).toEqual([0, 3, 2, 4, 1, 7, 6, 8, 5, 10, 11, 9]);
  });

  it('reads x264 Constrained Baseline (POC type 2) and cropping to 176x144', () => {
    const { sps, slices, pocs } = parseStream('x264-baseline-nob.h264');
    expect({ profile: describeProfile(sps), pocType: sps.pocType, width: sps.width, height: sps.height, reorder: sps.maxNumReorderFrames }).toEqual({ profile: 'Constrained Baseline', pocType: 2, width: 176, height: 144, reorder: 0 });
    expect(pocs).toEqual([0, 2, 4, 6, 8, 10, 0, 2, 4, 6, 8, 10]);
    expect(slices.map((s) => s.frameNum)).toEqual([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5]);
  });

  it('reads openh264 (no VUI timing)', () => {
    const { sps, pocs, slices } = parseStream('openh264.h264');
    expect({ width: sps.width, height: sps.height, frameRate: sps.frameRate }).toEqual({ width: 160, height: 120, frameRate: undefined });
    expect(displayOrder(slices, pocs)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('slice headers through dec_ref_pic_marking', () => {
  it.each(['x264-high-bframes.h264', 'gst-x264-bpyramid.h264', 'x264-baseline-nob.h264', 'openh264.h264'])('%s: past reference lists and weighted prediction in every slice, no mmco 5', (name) => {
    const { slices } = parseStream(name);
    expect(slices.every((s) => s.markingBitOffset > 0 && !s.mmco5)).toBe(true);
  });
});

describe('bit reader', () => {
  it('removes emulation prevention bytes and reads exp-Golomb codes', () => {
    expect(removeEmulationPrevention(Buffer.from([0, 0, 3, 1, 0, 0, 3, 0, 0, 3]))).toEqual(Buffer.from([0, 0, 1, 0, 0, 0, 0]));
    // 1 | 010 | 011 | 00100 | 00101 → ue 0, 1, 2, 3; se of 4 → -2
    const r = new BitReader(Buffer.from([0b10100110, 0b01000010, 0b10010000]));
    expect([r.ue(), r.ue(), r.ue(), r.ue(), r.se()]).toEqual([0, 1, 2, 3, -2]);
  });

  it('throws instead of reading past the end', () => {
    expect(() => new BitReader(Buffer.from([0])).ue()).toThrow(/past the end/);
  });
});
