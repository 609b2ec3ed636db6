import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

// A segment's video packets in decode order: 90 kHz PTS, and whether each is a keyframe.
export type Packet = { pts: number; key: boolean };

// Reads the packets' headers only (no decoding). Empty when ffprobe cannot read the file.
export async function readPackets(ffprobePath: string, file: string): Promise<Packet[]> {
  const probed = await run(ffprobePath, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts,flags', '-of', 'csv=p=0', file]).catch(() => undefined);
  return probed ? parsePackets(probed.stdout) : [];
}

// Pure: ffprobe's `pts,flags` lines (flags "K__" on a keyframe) as packets.
export function parsePackets(csv: string): Packet[] {
  return csv.split('\n').flatMap((line) => {
    const [pts, flags] = line.trim().split(',');
    const value = Number.parseInt(pts ?? '', 10);
    return Number.isFinite(value) && value >= 0 ? [{ pts: value, key: (flags ?? '').startsWith('K') }] : [];
  });
}

// Pure: from the first frame shown to the end of the last one: PTS span plus one frame
// interval (the median step, so a frame missing in display order does not count as one).
export function spanSeconds(pts: number[]): number {
  if (pts.length === 0) return 0;
  const sorted = [...pts].sort((a, b) => a - b);
  const steps = sorted.slice(1).map((v, i) => v - sorted[i]!).sort((a, b) => a - b);
  const interval = steps[Math.floor(steps.length / 2)] ?? 3600;
  return (sorted.at(-1)! - sorted[0]! + interval) / 90_000;
}

// 0 when ffprobe cannot read the file (CI once saw it fail on a piece just checked): a piece
// with no duration is not published.
export async function measureDuration(ffprobePath: string, file: string): Promise<number> {
  return spanSeconds((await readPackets(ffprobePath, file)).map((p) => p.pts));
}
