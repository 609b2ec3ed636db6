import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { COUNTER_BITS, COUNTER_CELL } from '../simulator/build-encoder-args.ts';

const run = promisify(execFile);

export type Packet = { pts: number; dts: number };
export type TimedSegment = { name: string; discontinuity: boolean; packets: Packet[]; counters: number[] };

// Every video packet's PTS and DTS (90 kHz), in file (decode) order.
export async function probePackets(file: string): Promise<Packet[]> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts,dts', '-of', 'csv=p=0', file]);
  return stdout.trim().split('\n').filter(Boolean).map((line) => {
    const [pts, dts] = line.split(',').map(Number);
    return { pts: pts!, dts: dts! };
  });
}

// The simulator's burnt-in frame counter of every decoded frame, in display order: each
// 16-pixel cell averaged to one grey pixel, white = 1.
export async function readFrameCounters(file: string): Promise<number[]> {
  const filter = `crop=${COUNTER_BITS * COUNTER_CELL}:${COUNTER_CELL}:0:0,scale=${COUNTER_BITS}:1:flags=area,format=gray`;
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-vf', filter, '-fps_mode', 'passthrough', '-f', 'rawvideo', '-'], { encoding: 'buffer', maxBuffer: 1 << 26 });
  const counters: number[] = [];
  for (let i = 0; i + COUNTER_BITS <= stdout.length; i += COUNTER_BITS) {
    let value = 0;
    for (let bit = 0; bit < COUNTER_BITS; bit++) if (stdout[i + bit]! >= 128) value += 2 ** bit;
    counters.push(value);
  }
  return counters;
}

// What the issue asks of every published segment: DTS strictly increasing within it and
// across the segments of one discontinuity sequence; PTS ≥ DTS; PTS steps (display order)
// equal to the frame interval within `tolerance` ticks; display order = the camera's order
// (frame counter +1 per frame).
export function checkSegmentTiming(segments: TimedSegment[], interval: number, tolerance: number): string[] {
  const problems: string[] = [];
  let last: { dts: number; pts: number; counter: number } | undefined;
  for (const segment of segments) {
    if (segment.discontinuity) last = undefined;
    const where = (i: number) => `${segment.name} packet ${i}`;
    segment.packets.forEach((p, i) => {
      const prevDts = i > 0 ? segment.packets[i - 1]!.dts : last?.dts;
      if (prevDts !== undefined && p.dts <= prevDts) problems.push(`${where(i)}: DTS ${p.dts} after ${prevDts}`);
      if (p.pts < p.dts) problems.push(`${where(i)}: PTS ${p.pts} < DTS ${p.dts}`);
    });
    const pts = [...segment.packets.map((p) => p.pts)].sort((a, b) => a - b);
    const display = last ? [last.pts, ...pts] : pts;
    display.slice(1).forEach((value, i) => {
      if (Math.abs(value - display[i]! - interval) > tolerance) problems.push(`${segment.name}: PTS step ${value - display[i]!} (expected ${interval} ± ${tolerance})`);
    });
    const counters = last ? [last.counter, ...segment.counters] : segment.counters;
    counters.slice(1).forEach((value, i) => {
      if (value !== (counters[i]! + 1) % 2 ** COUNTER_BITS) problems.push(`${segment.name}: frame ${value} shown after ${counters[i]}`);
    });
    if (segment.packets.length !== segment.counters.length) problems.push(`${segment.name}: ${segment.packets.length} packets but ${segment.counters.length} frames decoded`);
    last = { dts: segment.packets.at(-1)!.dts, pts: pts.at(-1)!, counter: segment.counters.at(-1)! };
  }
  return problems.slice(0, 20);
}

// MD5 of every decoded frame, in display order.
export async function readFrameHashes(file: string): Promise<string[]> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v:0', '-fps_mode', 'passthrough', '-f', 'framemd5', '-'], { maxBuffer: 1 << 26 });
  return stdout.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(',').at(-1)!.trim());
}
