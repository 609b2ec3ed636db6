import { execFile, spawn } from 'node:child_process';
import { unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { checkSegment, type IntegrityMode } from './check-segment.ts';
import { ffprobePathFor } from './keyframe-interval.ts';
import type { Piece } from './salvage-segment.ts';

const run = promisify(execFile);

// Lose frames, not GOPs: the frames of a damaged GOP before the damage decode cleanly, so
// they are kept. ffmpeg decodes the piece with -xerror and stops at the first damaged frame;
// the frames it finished (in decode order, so none of them refers to the damage) are copied
// into `<piece>_f.ts` with their timestamps untouched, and checked once more. With 2 s and
// longer GOPs this keeps, on average, half of what dropping the GOP would lose.
export async function salvageFrames(ffmpegPath: string, file: string, mode: IntegrityMode): Promise<Piece | undefined> {
  const clean = await countCleanFrames(ffmpegPath, file);
  const out = join(dirname(file), `${basename(file, '.ts')}_f.ts`);
  for (const frames of [clean, clean - 1]) {
    if (frames < 1) return undefined;
    if (!(await copyFrames(ffmpegPath, file, out, frames))) continue;
    const check = await checkSegment(ffmpegPath, out, mode);
    if (!check.ok) continue;
    // A clean copy that cannot be measured is not helped by one frame fewer.
    const duration = await measureDuration(ffprobePathFor(ffmpegPath), out);
    if (duration > 0) return { file: out, duration, ok: true, errors: [] };
    break;
  }
  await unlink(out).catch(() => {});
  return undefined;
}

// Frames decoded before ffmpeg stopped at the first error (one framecrc line each; flushed
// per frame, or what -xerror's exit leaves in the buffer would be lost).
function countCleanFrames(ffmpegPath: string, file: string): Promise<number> {
  const args = ['-hide_banner', '-nostdin', '-v', 'quiet', '-xerror', '-threads', '1', '-skip_loop_filter', 'all', '-i', file, '-map', '0:v:0', '-fps_mode', 'passthrough', '-flush_packets', '1', '-f', 'framecrc', '-'];
  return new Promise((resolve) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', () => resolve(0));
    child.on('close', () => resolve(out.split('\n').filter((line) => line && !line.startsWith('#')).length));
  });
}

async function copyFrames(ffmpegPath: string, file: string, out: string, frames: number): Promise<boolean> {
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-copyts', '-i', file, '-map', '0:v:0', '-c', 'copy', '-frames:v', String(frames), '-muxdelay', '0', '-muxpreload', '0', '-f', 'mpegts', '-y', out];
  return run(ffmpegPath, args).then(() => true, () => false);
}

// From the first frame shown to the end of the last one: PTS span plus one frame interval.
// 0 when ffprobe cannot read the file (CI once saw it fail on a piece just checked): a piece
// with no duration is not published, rather than the error ending the segment's salvage.
export async function measureDuration(ffprobePath: string, file: string): Promise<number> {
  const probed = await run(ffprobePath, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts', '-of', 'csv=p=0', file]).catch(() => undefined);
  if (!probed) return 0;
  const { stdout } = probed;
  const pts = stdout.split('\n').map((line) => Number.parseInt(line, 10)).filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (pts.length === 0) return 0;
  const steps = pts.slice(1).map((v, i) => v - pts[i]!).sort((a, b) => a - b);
  const interval = steps[Math.floor(steps.length / 2)] ?? 3600;
  return (pts.at(-1)! - pts[0]! + interval) / 90_000;
}
