import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeErrors } from '../../lib/testing/ffmpeg.ts';
import { measureDuration, salvageFrames } from './salvage-frames.ts';

const dir = mkdtempSync(join(tmpdir(), 'lookout-frames-'));

// One 2 s GOP (50 frames) in MPEG-TS, as the ingest writes it, with `bf` B-frames; three TS
// packets of video data at `at` (0–1) of the way are overwritten with noise (their headers
// kept, so only the H.264 inside is damaged).
function makeDamagedGop(name: string, at: number, bf: number): string {
  const ts = execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25', '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-bf', String(bf), '-g', '50', '-keyint_min', '50', '-sc_threshold', '0', '-f', 'mpegts', '-']);
  let packet = Math.floor((ts.length / 188) * at);
  while ((ts[packet * 188 + 1]! & 0x40) !== 0 || (ts[packet * 188 + 3]! & 0x20) !== 0) packet++; // no PES start, no adaptation field
  for (let k = 0; k < 3; k++) for (let i = 4; i < 188; i++) ts[(packet + k) * 188 + i] = (i * 131 + k * 7) & 0xff;
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, ts);
  return file;
}

const firstPts = (file: string) => Number(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-show_entries', 'packet=pts', '-of', 'csv=p=0', file]).toString().split('\n')[0]);

describe('salvageFrames', () => {
  it.each([0, 2])('keeps the frames before the damage of a single-GOP segment (%i B-frames), clean and with their own timestamps', async (bf) => {
    const segment = makeDamagedGop(`late-${bf}`, 0.7, bf);
    expect(await decodeErrors(segment)).not.toEqual([]);
    const piece = await salvageFrames('ffmpeg', segment, 'full');
    expect(piece?.file).toMatch(new RegExp(`late-${bf}_f\\.ts$`));
    expect(piece!.duration).toBeGreaterThan(0.8);
    expect(piece!.duration).toBeLessThan(2);
    expect(await decodeErrors(piece!.file)).toEqual([]);
    expect(firstPts(piece!.file)).toBe(firstPts(segment));
    expect(readFileSync(piece!.file).length).toBeLessThan(readFileSync(segment).length);
  });

  it('measures a file ffprobe cannot read as 0 s, so it is not published, rather than throwing', async () => {
    expect(await measureDuration('ffprobe', join(dir, 'gone.ts'))).toBe(0);
    writeFileSync(join(dir, 'noise.ts'), Buffer.alloc(4096, 7));
    expect(await measureDuration('ffprobe', join(dir, 'noise.ts'))).toBe(0);
  });

  it('keeps nothing when the keyframe itself is damaged', async () => {
    const segment = makeDamagedGop('early', 0.02, 0);
    expect(await salvageFrames('ffmpeg', segment, 'full')).toBeUndefined();
  });
});
