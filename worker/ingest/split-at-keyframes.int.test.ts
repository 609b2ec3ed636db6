import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeErrors } from '../../lib/testing/ffmpeg.ts';
import { splitAtKeyframes } from './split-at-keyframes.ts';

const dir = mkdtempSync(join(tmpdir(), 'lookout-salvage-'));

// Two 1 s GOPs in one 2 s segment, as the ingest writes it from a camera's raw H.264.
function makeSegment(name: string, damage: (h264: Buffer) => Buffer): string {
  const h264 = join(dir, `${name}.h264`);
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-bsf:v', 'dump_extra', '-f', 'h264', '-y', h264]);
  writeFileSync(h264, damage(readFileSync(h264)));
  const ts = join(dir, `${name}.ts`);
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'h264', '-framerate', '25', '-i', h264, '-c', 'copy', '-f', 'mpegts', '-y', ts]);
  return ts;
}

const firstPts = (file: string) => Number.parseFloat(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', file]).toString().split('\n')[0]!);

describe('splitAtKeyframes', () => {
  it('cuts a clean two-GOP segment into its GOPs, each with its own timestamps', async () => {
    const segment = makeSegment('two-gops', (data) => data);
    const pieces = await splitAtKeyframes('ffmpeg', segment, 2);
    expect(pieces.map((p) => p.file.replace(/.*\//, ''))).toEqual(['two-gops_g0.ts', 'two-gops_g1.ts']);
    for (const piece of pieces) {
      expect(piece.duration).toBeCloseTo(1, 1);
      expect(await decodeErrors(piece.file)).toEqual([]);
    }
    expect(firstPts(pieces[0]!.file)).toBeCloseTo(firstPts(segment), 3);
    expect(firstPts(pieces[1]!.file)).toBeCloseTo(firstPts(segment) + 1, 3);
  });

  it('gives nothing for a segment of a single GOP, and leaves no piece behind', async () => {
    const segment = makeSegment('one-gop', (data) => data.subarray(0, data.indexOf(Buffer.from([0, 0, 0, 1, 0x67]), 100)));
    expect(await splitAtKeyframes('ffmpeg', segment, 1)).toEqual([]);
    expect(existsSync(join(dir, 'one-gop_g0.ts'))).toBe(false);
  });
});
