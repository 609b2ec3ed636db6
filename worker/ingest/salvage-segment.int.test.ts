import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeErrors } from '../../lib/testing/ffmpeg.ts';
import { salvageSegment } from './salvage-segment.ts';

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

describe('salvageSegment', () => {
  it('keeps the clean GOP of a segment whose second GOP lost bytes, with its own timestamps', async () => {
    const segment = makeSegment('late-damage', (data) => {
      const secondGop = data.indexOf(Buffer.from([0, 0, 0, 1, 0x67]), 100); // the second SPS
      const at = secondGop + Math.floor((data.length - secondGop) / 3);
      return Buffer.concat([data.subarray(0, at), data.subarray(at + 3000)]);
    });
    expect(await decodeErrors(segment)).not.toEqual([]);
    const pieces = await salvageSegment('ffmpeg', segment, 2, 'full');
    expect(pieces.map((p) => p.ok)).toEqual([true, false]);
    expect(pieces[0]!.duration).toBeCloseTo(1, 1);
    expect(pieces[0]!.file).toMatch(/late-damage_g0\.ts$/);
    expect(await decodeErrors(pieces[0]!.file)).toEqual([]);
    expect(firstPts(pieces[0]!.file)).toBeCloseTo(firstPts(segment), 3);
  });

  it('keeps nothing from a segment of a single GOP', async () => {
    const segment = makeSegment('one-gop', (data) => data.subarray(0, data.indexOf(Buffer.from([0, 0, 0, 1, 0x67]), 100)));
    expect(await salvageSegment('ffmpeg', segment, 1, 'full')).toEqual([]);
  });
});
