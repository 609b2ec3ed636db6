import { spawn } from 'node:child_process';
import { unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type Piece = { file: string; duration: number };

// Pure: cut a segment at every keyframe (-segment_time below any GOP), copying packets with
// their timestamps untouched (-copyts, no mux delay), so a clean piece plays on seamlessly
// after whatever was published before it.
export function buildSplitArgs(file: string, pattern: string): string[] {
  return [
    '-hide_banner', '-nostdin', '-nostats', '-v', 'error', '-copyts', '-i', file,
    '-map', '0:v:0', '-c', 'copy', '-muxdelay', '0', '-muxpreload', '0',
    '-f', 'segment', '-segment_format', 'mpegts', '-segment_time', '0.01', '-reset_timestamps', '0',
    '-segment_list', 'pipe:1', '-segment_list_type', 'csv', pattern,
  ];
}

// Pure: the split's CSV as piece names and durations. With -copyts the first line starts
// at 0, not at the segment's start, so the first piece gets what the others leave over.
export function parsePieceList(csv: string, total: number): { name: string; duration: number }[] {
  const rows = csv.split('\n').map((line) => line.trim().split(',')).filter((r) => r.length === 3 && /^[\w-]+\.ts$/.test(r[0]!));
  const pieces = rows.map(([name, start, end]) => ({ name: name!, duration: Number(end) - Number(start) }));
  if (pieces.length === 0) return [];
  const rest = pieces.slice(1).reduce((sum, p) => sum + p.duration, 0);
  pieces[0]!.duration = total - rest;
  return pieces.filter((p) => p.duration > 0);
}

// A clean segment longer than the playlist's target duration (our RTSP client leaves out the
// frames up to the next IDR after a loss; when that IDR was the one due to end the segment,
// the segment runs long) is published as its GOPs. Pieces are named `<segment>_g<n>.ts`:
// unique because the segment is. Fewer than two: nothing to gain from the cut.
export async function splitAtKeyframes(ffmpegPath: string, file: string, duration: number): Promise<Piece[]> {
  const csv = await runSplit(ffmpegPath, file, join(dirname(file), `${basename(file, '.ts')}_g%d.ts`));
  const pieces = parsePieceList(csv, duration).map(({ name, duration: pieceDuration }) => ({ file: join(dirname(file), name), duration: pieceDuration }));
  if (pieces.length >= 2) return pieces;
  await Promise.all(pieces.map((piece) => unlink(piece.file).catch(() => {})));
  return [];
}

function runSplit(ffmpegPath: string, file: string, pattern: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(ffmpegPath, buildSplitArgs(file, pattern), { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', () => resolve(''));
    child.on('close', (code) => resolve(code === 0 ? out : ''));
  });
}
