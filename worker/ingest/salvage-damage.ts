import { execFile } from 'node:child_process';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { checkSegment, type IntegrityMode } from './check-segment.ts';
import { ffprobePathFor } from './keyframe-interval.ts';
import { readPackets, spanSeconds, type Packet } from './segment-packets.ts';

const run = promisify(execFile);

// What a damaged segment leaves, in order: clean parts (offset: seconds after the segment's
// first frame) and the losses between them, each of which the playlist marks.
export type SalvagedPart = { ok: true; file: string; duration: number; offset: number } | { ok: false; errors: string[] };

// Pure: the check decoded `clean` frames (decode order) before the first error. They are
// the prefix to keep: in decode order, none of them refers to a later frame. The damage runs
// to the next keyframe, where the rest of the segment resumes: it is checked on its own.
export function planSalvage(packets: Packet[], clean: number): { prefix: number; resumeAt: number | undefined } {
  const prefix = Math.max(0, Math.min(clean, packets.length));
  const resumeAt = packets.findIndex((p, i) => p.key && i >= Math.max(prefix, 1));
  return { prefix, resumeAt: resumeAt === -1 ? undefined : resumeAt };
}

// Lose frames, not GOPs. The integrity check has already decoded the segment and counted its
// clean frames, so a salvage costs one packet listing, a copy of the prefix and one more check
// of it, and, when a keyframe follows the damage, a copy and a check of the rest (which may
// lose bytes again, and is salvaged the same way). Parts are named `<segment>_f.ts` and
// `<segment>_r.ts`: unique because the segment is.
export async function salvageDamaged(ffmpegPath: string, file: string, frames: number, mode: IntegrityMode, errors: string[]): Promise<SalvagedPart[]> {
  const packets = await readPackets(ffprobePathFor(ffmpegPath), file);
  if (packets.length === 0) return [{ ok: false, errors }];
  const keys = packets.flatMap((p, i) => (p.key ? [i] : []));
  // Decoding keyframes only, the check counted keyframes: the GOPs before the damaged one.
  const clean = mode === 'keyframes' ? keys[frames] ?? packets.length : frames;
  const { prefix, resumeAt } = planSalvage(packets, clean);
  const start = Math.min(...packets.map((p) => p.pts));
  const parts: SalvagedPart[] = [];
  const kept = prefix > 0 ? await keepPrefix(ffmpegPath, file, packets, prefix, mode) : undefined;
  if (kept) parts.push({ ...kept, offset: 0 });
  parts.push({ ok: false, errors });
  if (resumeAt === undefined) return parts;
  const rest = await splitRest(ffmpegPath, file, resumeAt);
  if (!rest) return parts;
  const offset = (Math.min(...packets.slice(resumeAt).map((p) => p.pts)) - start) / 90_000;
  const check = await checkSegment(ffmpegPath, rest, mode);
  if (check.ok) return [...parts, { ok: true, file: rest, duration: spanSeconds(packets.slice(resumeAt).map((p) => p.pts)), offset }];
  const later = await salvageDamaged(ffmpegPath, rest, check.frames, mode, check.errors);
  await unlink(rest).catch(() => {});
  return [...parts, ...later.map((part) => (part.ok ? { ...part, offset: part.offset + offset } : part))];
}

// A copy of the first `frames` packets, checked once more: a decoder may report damage a
// frame late. A prefix that fails is tried once more, up to where that check stopped.
async function keepPrefix(ffmpegPath: string, file: string, packets: Packet[], frames: number, mode: IntegrityMode): Promise<{ ok: true; file: string; duration: number } | undefined> {
  const out = join(dirname(file), `${basename(file, '.ts')}_f.ts`);
  for (let attempt = 0, count = frames; attempt < 2 && count > 0; attempt++) {
    const args = ['-hide_banner', '-nostdin', '-v', 'error', '-copyts', '-i', file, '-map', '0:v:0', '-c', 'copy', '-frames:v', String(count), '-muxdelay', '0', '-muxpreload', '0', '-f', 'mpegts', '-y', out];
    if (!(await run(ffmpegPath, args).then(() => true, () => false))) break;
    const check = await checkSegment(ffmpegPath, out, mode);
    if (check.ok) return { ok: true, file: out, duration: spanSeconds(packets.slice(0, count).map((p) => p.pts)) };
    count = Math.min(count - 1, check.frames);
  }
  await unlink(out).catch(() => {});
  return undefined;
}

// The packets from `resumeAt` (a keyframe) to the end, with their timestamps untouched: the
// segment muxer cuts at the first keyframe at or after that packet.
async function splitRest(ffmpegPath: string, file: string, resumeAt: number): Promise<string | undefined> {
  const stem = join(dirname(file), basename(file, '.ts'));
  const args = [
    '-hide_banner', '-nostdin', '-v', 'error', '-copyts', '-i', file, '-map', '0:v:0', '-c', 'copy', '-muxdelay', '0', '-muxpreload', '0',
    '-f', 'segment', '-segment_format', 'mpegts', '-segment_frames', String(resumeAt), '-reset_timestamps', '0', `${stem}_r%d.ts`,
  ];
  const split = await run(ffmpegPath, args).then(() => true, () => false);
  await unlink(`${stem}_r0.ts`).catch(() => {});
  if (!split) return undefined;
  const rest = `${stem}_r.ts`;
  return rename(`${stem}_r1.ts`, rest).then(() => rest, () => undefined);
}
