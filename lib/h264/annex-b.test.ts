import { describe, expect, it } from 'vitest';
import { findNalHeaders, getNalType, joinAnnexB, NAL_TYPE, NalSplitter, splitAnnexB } from './annex-b.ts';
import { createSeededRandom, makeNal, splitAt } from '../testing/test-bytes.ts';

const sps = makeNal(NAL_TYPE.sps, 12);
const pps = makeNal(NAL_TYPE.pps, 4);
const idr = makeNal(NAL_TYPE.idr, 3000);
const slice = makeNal(NAL_TYPE.slice, 700);
const hex = (nals: Buffer[]) => nals.map((nal) => nal.toString('hex'));

describe('splitAnnexB', () => {
  it('returns every unit followed by a start code and keeps the last one as rest', () => {
    const stream = joinAnnexB([sps, pps, idr]);
    const { nals, rest } = splitAnnexB(stream);
    expect(nals).toEqual([sps, pps]);
    expect(rest).toEqual(joinAnnexB([idr]));
  });

  it('accepts 3- and 4-byte start codes and drops junk before the first one', () => {
    const stream = Buffer.concat([Buffer.from([0xff, 0xee]), Buffer.from([0, 0, 1]), sps, Buffer.from([0, 0, 0, 1]), pps, Buffer.from([0, 0, 1])]);
    expect(splitAnnexB(stream).nals).toEqual([sps, pps]);
  });

  it('finds nothing in a buffer without a start code', () => {
    const junk = Buffer.from([1, 2, 3, 0, 0, 2]);
    expect(splitAnnexB(junk)).toEqual({ nals: [], rest: junk });
  });

  it('skips empty units between back-to-back start codes', () => {
    const stream = Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 0, 0, 1]), sps, Buffer.from([0, 0, 1])]);
    expect(splitAnnexB(stream).nals).toEqual([sps]);
  });
});

describe('NalSplitter', () => {
  const units = [sps, pps, idr, slice, slice, makeNal(NAL_TYPE.slice, 1)];
  const stream = joinAnnexB(units);

  it('gives back the same units however the stream is cut into chunks', () => {
    const random = createSeededRandom(7);
    for (let round = 0; round < 200; round++) {
      const cuts = Array.from({ length: 1 + Math.floor(random() * 20) }, () => Math.floor(random() * stream.length));
      const splitter = new NalSplitter();
      const found = splitAt(stream, cuts).flatMap((chunk) => splitter.push(chunk));
      expect(hex([...found, ...splitter.flush()])).toEqual(hex(units));
    }
  });

  it('copes with a stream fed one byte at a time, start codes split across chunks', () => {
    const splitter = new NalSplitter();
    const found = [...stream].flatMap((byte) => splitter.push(Buffer.from([byte])));
    expect(hex([...found, ...splitter.flush()])).toEqual(hex(units));
  });

  it('holds a unit back until the next start code shows it is complete', () => {
    const splitter = new NalSplitter();
    expect(splitter.push(joinAnnexB([sps]))).toEqual([]);
    expect(splitter.push(joinAnnexB([pps]))).toEqual([sps]);
    expect(splitter.flush()).toEqual([pps]);
    expect(splitter.flush()).toEqual([]);
  });
});

describe('getNalType', () => {
  it('reads the low five bits of the header', () => {
    expect([sps, pps, idr, slice].map(getNalType)).toEqual([7, 8, 5, 1]);
  });
});

describe('findNalHeaders', () => {
  it('finds the header byte after 3- and 4-byte start codes, and not a start code with no header after it', () => {
    const data = Buffer.concat([Buffer.from([0, 0, 0, 1]), sps, Buffer.from([0, 0, 1]), pps, Buffer.from([0, 0, 1])]);
    const headers = findNalHeaders(data);
    expect(headers).toEqual([4, 4 + sps.length + 3]);
    expect(headers.map((at) => data[at]! & 0x1f)).toEqual([7, 8]);
    expect(findNalHeaders(Buffer.from([1, 2, 3, 0, 0]))).toEqual([]);
  });
});
