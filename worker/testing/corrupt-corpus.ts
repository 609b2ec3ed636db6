import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../../lib/analytics/demo/random.ts';
import { locateNalUnits, type NalLocation } from '../../lib/h264/annex-b.ts';

// Segments damaged the way the cheap-camera "lost bytes" bug damages them: a contiguous
// 200–8000-byte chunk missing from the raw H.264 byte stream (then remuxed into MPEG-TS, as
// the ingest does), or from the finished .ts itself. Used by the integrity-check tests and
// by `bench-ingest.ts detection`.

export type Cut = { at: number; length: number };
export type Gop = { data: Buffer; nals: NalLocation[] };

export function randomCut(size: number, random: () => number): Cut {
  const length = 200 + Math.floor(random() * 7801);
  return { at: Math.floor(random() * (size - length)), length };
}

export function cutBytes(data: Buffer, cut: Cut): Buffer {
  return Buffer.concat([data.subarray(0, cut.at), data.subarray(cut.at + cut.length)]);
}

// Splits a stream that repeats SPS/PPS before every IDR into runs of `gopsPerSegment` GOPs.
export function splitSegments(stream: Buffer, gopsPerSegment: number): Gop[] {
  const all = locateNalUnits(stream);
  const sps = all.filter((n) => n.type === 7).map((n) => n.start);
  const segments: Gop[] = [];
  for (let i = 0; i + gopsPerSegment < sps.length; i += gopsPerSegment) {
    const data = stream.subarray(sps[i], sps[i + gopsPerSegment]);
    segments.push({ data, nals: locateNalUnits(data) });
  }
  return segments;
}

// 25 fps, a keyframe every 25 frames, SPS/PPS before each, no B-frames (as IP cameras send).
// One encoder thread: x264's output is then the same on every run, and so is a corpus.
export function encodeCameraStream(size: string, seconds: number, kbps: number): Buffer {
  const gop = ['-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-bf', '0'];
  const rate = ['-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${2 * kbps}k`];
  return execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=25`, '-t', String(seconds), '-c:v', 'libx264', '-threads', '1', '-preset', 'veryfast', ...gop, ...rate, '-pix_fmt', 'yuv420p', '-f', 'h264', '-'], { maxBuffer: 1 << 30 });
}

// As the ingest does it: raw H.264 in, `-c copy` into MPEG-TS. Errors are the point: ignored.
export function remuxToTs(h264: Buffer, file: string): string {
  execFileSync('ffmpeg', ['-v', 'quiet', '-f', 'h264', '-framerate', '25', '-i', 'pipe:0', '-c', 'copy', '-f', 'mpegts', '-y', file], { input: h264, maxBuffer: 1 << 30 });
  return file;
}

export type Corpus = { clean: string[]; h264Cut: string[]; tsCut: string[] };

export function buildCorpus(dir: string, stream: Buffer, count: number, seed = 1): Corpus {
  const random = createRandom(seed); // seeded: a corpus is the same on every run
  const segments = splitSegments(stream, 2);
  const clean = segments.map((s, i) => remuxToTs(s.data, join(dir, `clean-${i}.ts`)));
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const h264Cut: string[] = [];
  const tsCut: string[] = [];
  for (let i = 0; i < count; i++) {
    const segment = pick(segments).data;
    h264Cut.push(remuxToTs(cutBytes(segment, randomCut(segment.length, random)), join(dir, `h264cut-${i}.ts`)));
    const ts = readFileSync(pick(clean));
    writeFileSync(join(dir, `tscut-${i}.ts`), cutBytes(ts, randomCut(ts.length, random)));
    tsCut.push(join(dir, `tscut-${i}.ts`));
  }
  return { clean, h264Cut, tsCut };
}
