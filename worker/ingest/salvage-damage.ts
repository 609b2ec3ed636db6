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
// clean frames, so a salvage costs a packet listing and one copy that cuts out the prefix and
// the rest after the next keyframe; then a check of the rest (which may have lost bytes
// again, and is salvaged the same way). Parts are named `<segment>_f.ts` and `<segment>_r.ts`:
// unique because the segment is.
export async function salvageDamaged(ffmpegPath: string, file: string, frames: number, mode: IntegrityMode, errors: string[]): Promise<SalvagedPart[]> {
  const packets = await readPackets(ffprobePathFor(ffmpegPath), file);
  if (packets.length === 0) return [{ ok: false, errors }];
  const keys = packets.flatMap((p, i) => (p.key ? [i] : []));
  // Decoding keyframes only, the check counted keyframes: the GOPs before the damaged one.
  const counted = mode === 'keyframes' ? keys[frames] ?? packets.length : frames;
  // The count trails the decoder: -xerror ends ffmpeg before the last frames it decoded cleanly
  // are written (0–2 of them, measured). Damage just after a keyframe then reads as 0 and would
  // cost the whole GOP, or join two holes into one: the keyframe alone is tried, and checked.
  const guessed = counted === 0 && mode === 'full' && packets[0]!.key;
  const clean = guessed ? 1 : counted;
  const { prefix, resumeAt } = planSalvage(packets, clean);
  const stem = join(dirname(file), basename(file, '.ts'));
  const cut = await cutParts(ffmpegPath, file, stem, prefix, resumeAt);
  const parts: SalvagedPart[] = [];
  const kept = cut.prefix ? await confirmPrefix(ffmpegPath, file, cut.prefix, packets, prefix, mode, guessed) : undefined;
  if (kept) parts.push({ ok: true, file: kept.file, duration: kept.duration, offset: 0 });
  parts.push({ ok: false, errors });
  if (!cut.rest || resumeAt === undefined) return parts;
  const start = Math.min(...packets.map((p) => p.pts));
  const offset = (Math.min(...packets.slice(resumeAt).map((p) => p.pts)) - start) / 90_000;
  const check = await checkSegment(ffmpegPath, cut.rest, mode);
  if (check.ok) return [...parts, { ok: true, file: cut.rest, duration: spanSeconds(packets.slice(resumeAt).map((p) => p.pts)), offset }];
  const later = await salvageDamaged(ffmpegPath, cut.rest, check.frames, mode, check.errors);
  await unlink(cut.rest).catch(() => {});
  return [...parts, ...later.map((part) => (part.ok ? { ...part, offset: part.offset + offset } : part))];
}

// In display order already (no B-frames), the first `frames` packets are the frames the check
// decoded cleanly. With B-frames they need not be, as a decoder outputs frames later than it
// decodes them: the copy is checked again, and once more cut to where that check stopped.
async function confirmPrefix(ffmpegPath: string, file: string, copy: string, packets: Packet[], frames: number, mode: IntegrityMode, guessed: boolean): Promise<{ file: string; duration: number } | undefined> {
  const duration = (count: number) => spanSeconds(packets.slice(0, count).map((p) => p.pts));
  const inDisplayOrder = packets.slice(0, frames).every((p, i) => i === 0 || p.pts > packets[i - 1]!.pts);
  if (inDisplayOrder && mode === 'full' && !guessed) return { file: copy, duration: duration(frames) };
  const check = await checkSegment(ffmpegPath, copy, mode);
  if (check.ok) return { file: copy, duration: duration(frames) };
  const fewer = guessed ? 0 : Math.min(frames - 1, check.frames); // a guessed keyframe failed: it is damaged itself
  const again = fewer > 0 ? await cutParts(ffmpegPath, file, `${copy.slice(0, -'.ts'.length)}`, fewer, undefined) : {};
  await unlink(copy).catch(() => {});
  if (!again.prefix) return undefined;
  if ((await checkSegment(ffmpegPath, again.prefix, mode)).ok) return { file: again.prefix, duration: duration(fewer) };
  await unlink(again.prefix).catch(() => {});
  return undefined;
}

// One copy with the timestamps untouched: the first `prefix` packets into `<stem>_f.ts`, and
// the packets from `resumeAt` (a keyframe) on into `<stem>_r.ts` (the segment muxer cuts at
// the first keyframe at or after that packet; the part before it is thrown away).
async function cutParts(ffmpegPath: string, file: string, stem: string, prefix: number, resumeAt: number | undefined): Promise<{ prefix?: string; rest?: string }> {
  if (prefix === 0 && resumeAt === undefined) return {};
  const copy = ['-map', '0:v:0', '-c', 'copy', '-muxdelay', '0', '-muxpreload', '0'];
  const args = [
    '-hide_banner', '-nostdin', '-v', 'error', '-copyts', '-i', file,
    ...(prefix > 0 ? [...copy, '-frames:v', String(prefix), '-f', 'mpegts', '-y', `${stem}_f.ts`] : []),
    ...(resumeAt !== undefined ? [...copy, '-f', 'segment', '-segment_format', 'mpegts', '-segment_frames', String(resumeAt), '-reset_timestamps', '0', `${stem}_r%d.ts`] : []),
  ];
  const done = await run(ffmpegPath, args).then(() => true, () => false);
  await unlink(`${stem}_r0.ts`).catch(() => {});
  const rest = resumeAt !== undefined && done ? await rename(`${stem}_r1.ts`, `${stem}_r.ts`).then(() => `${stem}_r.ts`, () => undefined) : undefined;
  if (!done && prefix > 0) await unlink(`${stem}_f.ts`).catch(() => {});
  return { prefix: done && prefix > 0 ? `${stem}_f.ts` : undefined, rest };
}
