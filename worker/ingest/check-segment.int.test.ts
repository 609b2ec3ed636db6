import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSegment, type IntegrityMode } from './check-segment.ts';
import { buildCorpus, cutBytes, encodeCameraStream, remuxToTs, splitSegments, type Corpus } from '../testing/corrupt-corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'lookout-check-'));
let corpus: Corpus;
let cuts: Record<'idr' | 'p' | 'acrossFrames' | 'ts', string>;

beforeAll(() => {
  const stream = encodeCameraStream('640x360', 5, 1500); // two 2 s segments
  corpus = buildCorpus(dir, stream, 3, 7);
  const gop = splitSegments(stream, 2)[0]!;
  const slice = (type: number, index: number) => gop.nals.filter((n) => n.type === type)[index]!;
  const middle = (nal: { start: number; end: number }) => Math.floor((nal.start + nal.end) / 2);
  const cut = (name: string, at: number, end: number) => remuxToTs(cutBytes(gop.data, { at, length: end - at }), join(dir, `${name}.ts`));
  const ts = readFileSync(corpus.clean[0]!);
  writeFileSync(join(dir, 'ts.ts'), cutBytes(ts, { at: Math.floor(ts.length / 2), length: 3000 }));
  cuts = {
    idr: cut('idr', middle(slice(5, 0)) - 500, middle(slice(5, 0)) + 500),
    p: cut('p', middle(slice(1, 10)) - 500, middle(slice(1, 10)) + 500),
    acrossFrames: cut('across', middle(slice(1, 20)), middle(slice(1, 21))), // the next frame's start code goes too
    ts: join(dir, 'ts.ts'),
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const verdicts = (mode: IntegrityMode, files: string[]) => Promise.all(files.map(async (file) => (await checkSegment('ffmpeg', file, mode)).ok));

describe('checkSegment on segments that lost bytes', () => {
  it('passes every clean segment in every mode', async () => {
    expect(corpus.clean).toHaveLength(2);
    for (const mode of ['full', 'keyframes', 'off'] as const) expect(await verdicts(mode, corpus.clean)).toEqual([true, true]);
  });

  it('full: fails a chunk lost in a keyframe, in a P-frame, across two frames, or from the .ts', async () => {
    expect(await verdicts('full', Object.values(cuts))).toEqual([false, false, false, false]);
  });

  it('full: fails random cuts, but for one the decoder cannot see', async () => {
    // A cut near the end of a frame can leave a few macroblocks of garbage that still parse,
    // and then the next frame is simply missing: no decoder reports it. `npm run
    // bench:ingest -- detection` measures how often (none of 100 at 720p, 4 Mbps).
    const random = [...corpus.h264Cut, ...corpus.tsCut];
    const passed = (await verdicts('full', random)).filter(Boolean).length;
    expect(passed).toBeLessThanOrEqual(1);
  });

  it('keyframes: fails damage in the keyframe; off: passes everything', async () => {
    expect(await verdicts('keyframes', [cuts.idr])).toEqual([false]);
    const all = [...Object.values(cuts), ...corpus.h264Cut];
    expect(await verdicts('off', all)).toEqual(all.map(() => true));
  });

  it('reports what ffmpeg said', async () => {
    const check = await checkSegment('ffmpeg', cuts.p, 'full');
    expect(check.errors.join('\n')).toMatch(/corrupt decoded frame|error while decoding|decode/i);
    expect(check.errors.at(-1)).toBe('ffmpeg exited with 1');
  });
});
