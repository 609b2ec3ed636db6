import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeErrors } from '../../lib/testing/ffmpeg.ts';
import { checkSegment, type IntegrityMode } from './check-segment.ts';
import { salvageDamaged, type SalvagedPart } from './salvage-damage.ts';
import { measureDuration } from './segment-packets.ts';

const dir = mkdtempSync(join(tmpdir(), 'lookout-salvage-'));

// One field of every video packet, as ffprobe reads it (`-` and `input`: from memory).
function packetField(field: 'pos' | 'pts', file: string, input?: Buffer): number[] {
  const csv = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-show_entries', `packet=${field}`, '-of', 'csv=p=0', file], { input }).toString();
  return csv.split('\n').filter(Boolean).map((line) => parseInt(line, 10)); // parseInt: a line can end in a comma
}

// 2 s of video (50 frames) in MPEG-TS, as the ingest writes it, in GOPs of `gop` frames with
// `bf` B-frames; at each of `at` (0–1 of the way), three TS packets of video data are
// overwritten with noise (their headers kept, so only the H.264 inside is damaged). With
// `atFrame`, the damage is in that frame (decode order, from 0) instead.
function makeDamaged(name: string, at: number[], { bf = 0, gop = 50, atFrame = undefined as number | undefined } = {}): string {
  const ts = execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25', '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-bf', String(bf), '-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0', '-f', 'mpegts', '-']);
  const offsets = at.map((where) => ts.length * where);
  if (atFrame !== undefined) {
    offsets.push(packetField('pos', '-', ts)[atFrame]! + 188); // the frame's second TS packet: past its PES header
  }
  for (const offset of offsets) {
    let packet = Math.floor(offset / 188);
    while ((ts[packet * 188 + 1]! & 0x40) !== 0 || (ts[packet * 188 + 3]! & 0x20) !== 0) packet++; // no PES start, no adaptation field
    for (let k = 0; k < 3; k++) for (let i = 4; i < 188; i++) ts[(packet + k) * 188 + i] = (i * 131 + k * 7) & 0xff;
  }
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, ts);
  return file;
}

const firstPts = (file: string) => Math.min(...packetField('pts', file));

async function salvage(file: string, mode: IntegrityMode = 'full'): Promise<SalvagedPart[]> {
  const check = await checkSegment('ffmpeg', file, mode);
  expect(check.ok, 'the damage is seen').toBe(false);
  return salvageDamaged('ffmpeg', file, check.frames, mode, check.errors);
}

async function expectClean(part: SalvagedPart, segment: string): Promise<void> {
  if (!part.ok) throw new Error('expected a kept part');
  expect(await decodeErrors(part.file)).toEqual([]);
  expect(part.duration).toBeCloseTo(await measureDuration('ffprobe', part.file), 3);
  expect(firstPts(part.file), 'timestamps untouched').toBe(firstPts(segment) + Math.round(part.offset * 90_000));
}

describe('salvageDamaged', () => {
  it('counts the clean frames in the integrity check itself: all of a clean segment, fewer of a damaged one', async () => {
    const clean = await checkSegment('ffmpeg', makeDamaged('clean', []), 'full');
    expect(clean).toEqual({ ok: true, errors: [], frames: 50 });
    const damaged = await checkSegment('ffmpeg', makeDamaged('counted', [0.7]), 'full');
    expect(damaged.frames).toBeGreaterThan(20);
    expect(damaged.frames).toBeLessThan(50);
  });

  it.each([0, 2])('keeps the frames before the damage of a single-GOP segment (%i B-frames), then marks the loss', async (bf) => {
    const segment = makeDamaged(`late-${bf}`, [0.7], { bf });
    const parts = await salvage(segment);
    expect(parts.map((p) => p.ok)).toEqual([true, false]);
    await expectClean(parts[0]!, segment);
    // With B-frames the check may count frames decoded after the damaged one (it is found when
    // it is shown): the prefix's own check then cuts it once more, into `_f_f.ts`.
    expect(parts[0]!.ok && parts[0]!.file).toMatch(new RegExp(`late-${bf}_f(_f)?\\.ts$`));
    expect(parts[0]!.ok && parts[0]!.duration).toBeGreaterThan(0.8);
    expect(parts[0]!.ok && parts[0]!.duration).toBeLessThan(2);
  });

  it('keeps nothing when the keyframe of a single GOP is damaged', async () => {
    expect(await salvage(makeDamaged('early', [0.02]))).toEqual([{ ok: false, errors: expect.any(Array) }]);
  });

  // The check's count trails the decoder by up to two frames: damage in the frame after the
  // keyframe reads as 0 clean frames, and the keyframe itself was lost with the rest of the GOP.
  it('keeps the keyframe when the damage is in the frame right after it', async () => {
    const segment = makeDamaged('after-key', [], { atFrame: 1 });
    const parts = await salvage(segment);
    expect(parts.map((p) => p.ok)).toEqual([true, false]);
    await expectClean(parts[0]!, segment);
    expect(parts[0]!.ok && parts[0]!.duration).toBeCloseTo(0.04, 3);
    expect(packetField('pts', parts[0]!.ok ? parts[0]!.file : '')).toEqual([firstPts(segment)]);
  });

  it('resumes at the keyframe after the damage: the prefix, the loss, then the next GOP', async () => {
    const segment = makeDamaged('first-gop', [0.2], { gop: 25 });
    const parts = await salvage(segment);
    expect(parts.map((p) => p.ok)).toEqual([true, false, true]);
    await expectClean(parts[0]!, segment);
    await expectClean(parts[2]!, segment);
    expect(parts[2]!.ok && parts[2]!.offset).toBeCloseTo(1, 3);
    expect(parts[2]!.ok && parts[2]!.duration).toBeCloseTo(1, 3);
  });

  it('salvages the rest again when it lost bytes too', async () => {
    const segment = makeDamaged('both-gops', [0.2, 0.85], { gop: 25 });
    const parts = await salvage(segment);
    expect(parts.map((p) => p.ok)).toEqual([true, false, true, false]);
    await expectClean(parts[0]!, segment);
    await expectClean(parts[2]!, segment);
    expect(parts[2]!.ok && parts[2]!.offset).toBeCloseTo(1, 3);
    expect(parts[2]!.ok && parts[2]!.duration).toBeLessThan(1);
    expect(readdirSync(dir).filter((f) => f.startsWith('both-gops_r'))).toEqual(['both-gops_r_f.ts']);
  });

  // ffmpeg leaves the last frame or two it decoded unwritten when -xerror stops it: counting
  // keyframes, that is a GOP or two, so this mode may keep less, never the damage.
  it('keyframes mode: keeps nothing from the damaged keyframe on', async () => {
    const segment = makeDamaged('key-damage', [0.52], { gop: 25 });
    const parts = await salvage(segment, 'keyframes');
    expect(parts.at(-1)!.ok).toBe(false);
    for (const part of parts) if (part.ok) expect(part.offset + part.duration).toBeLessThanOrEqual(1.001);
  });

  it('gives a file ffprobe cannot read one loss, and no parts', async () => {
    writeFileSync(join(dir, 'noise.ts'), Buffer.alloc(4096, 7));
    expect(await salvageDamaged('ffmpeg', join(dir, 'noise.ts'), 10, 'full', ['bad'])).toEqual([{ ok: false, errors: ['bad'] }]);
    expect(await measureDuration('ffprobe', join(dir, 'gone.ts'))).toBe(0);
    expect(existsSync(join(dir, 'noise_f.ts'))).toBe(false);
  });
});
