import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSegment, type IntegrityMode } from './check-segment.ts';
import { buildCorpus, cutBytes, encodeCameraStream, remuxToTs, splitSegments, type Corpus, type Gop } from './corrupt-corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'lookout-check-'));
let corpus: Corpus;
let idrCut: string;
let pCut: string;

// Cuts `length` bytes out of the middle of the `index`-th NAL unit of that type.
function cutInside(gop: Gop, type: number, index: number, length: number): Buffer {
  const nal = gop.nals.filter((n) => n.type === type)[index]!;
  const size = Math.min(length, Math.floor((nal.end - nal.start) / 2));
  return cutBytes(gop.data, { at: Math.floor((nal.start + nal.end - size) / 2), length: size });
}

beforeAll(() => {
  const stream = encodeCameraStream('640x360', 7, 1500); // three 2 s segments
  corpus = buildCorpus(dir, stream, 4, 7);
  const first = splitSegments(stream, 2)[0]!;
  idrCut = remuxToTs(cutInside(first, 5, 0, 1000), join(dir, 'idr-cut.ts'));
  pCut = remuxToTs(cutInside(first, 1, 10, 1000), join(dir, 'p-cut.ts'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const verdicts = (mode: IntegrityMode, files: string[]) => Promise.all(files.map(async (file) => (await checkSegment('ffmpeg', file, mode)).ok));

describe('checkSegment on segments that lost bytes', () => {
  it('passes every clean segment in every mode', async () => {
    expect(corpus.clean).toHaveLength(3);
    for (const mode of ['full', 'keyframes', 'off'] as const) expect(await verdicts(mode, corpus.clean)).toEqual([true, true, true]);
  });

  it('full: fails every segment with a chunk cut from the H.264 stream or from the .ts', async () => {
    expect(await verdicts('full', [idrCut, pCut])).toEqual([false, false]);
    expect(await verdicts('full', corpus.h264Cut)).toEqual(corpus.h264Cut.map(() => false));
    expect(await verdicts('full', corpus.tsCut)).toEqual(corpus.tsCut.map(() => false));
  });

  it('keyframes: fails damage in the keyframe; off: passes everything', async () => {
    expect(await verdicts('keyframes', [idrCut])).toEqual([false]);
    expect(await verdicts('off', [idrCut, pCut, ...corpus.h264Cut])).toEqual([idrCut, pCut, ...corpus.h264Cut].map(() => true));
  });

  it('reports what ffmpeg said', async () => {
    const check = await checkSegment('ffmpeg', pCut, 'full');
    expect(check.errors.join('\n')).toMatch(/corrupt decoded frame|error while decoding|decode/i);
    expect(check.errors.at(-1)).toBe('ffmpeg exited with 1');
  });
});
