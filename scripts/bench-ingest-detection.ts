import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCpuTicks, TICKS_PER_SECOND } from '../lib/proc-stat.ts';
import { buildCheckArgs, runCheck } from '../worker/ingest/check-segment.ts';
import { buildCorpus, encodeCameraStream, type Corpus } from '../worker/testing/corrupt-corpus.ts';

// For `npm run bench:ingest -- detection`: how many damaged segments each way of checking
// catches, how many clean ones it fails, and its CPU per clean 2 s segment.
type Variant = (file: string) => string[];

const before = (skip: string[]): Variant => (file) => ['-hide_banner', '-nostdin', '-v', 'error', '-threads', '1', ...skip, '-i', file, '-map', '0:v:0', '-f', 'null', '-'];
const now = (extra: string[], drop: string[] = []): Variant => (file) => {
  const args = buildCheckArgs('full', file).filter((arg, i, all) => !drop.includes(arg) && !drop.includes(all[i - 1]!));
  return [...args.slice(0, args.indexOf('-i')), ...extra, ...args.slice(args.indexOf('-i'))];
};

export const CHECK_VARIANTS: Record<string, Variant> = {
  'full, before (-v error)': before([]),
  'keyframes, before': before(['-skip_frame', 'nokey']),
  'full, now': (file) => buildCheckArgs('full', file),
  'full, now but deblocking': now([], ['-skip_loop_filter']),
  'full, now + skip_idct all': now(['-skip_idct', 'all']),
  'full, now + flags2 fast': now(['-flags2', '+fast']),
  'full, now but default probe': now([], ['-probesize', '-analyzeduration']),
  'keyframes, now': (file) => buildCheckArgs('keyframes', file),
};

// CPU of reaped children, in ms.
function childrenCpuMs(): number {
  return (readCpuTicks('self').children * 1000) / TICKS_PER_SECOND;
}

export function loadCorpus(cacheDir: string, size: string, count: number): Corpus {
  const dir = join(cacheDir, `corpus-${size}-${count}`);
  const index = join(dir, 'corpus.json');
  if (existsSync(index)) return JSON.parse(readFileSync(index, 'utf8')) as Corpus;
  mkdirSync(dir, { recursive: true });
  console.log(`making a ${size} corpus: 60 s at 4 Mbps, ${count} + ${count} damaged segments…`);
  const corpus = buildCorpus(dir, encodeCameraStream(size, 60, 4000), count, 1);
  writeFileSync(index, JSON.stringify(corpus));
  return corpus;
}

export type DetectionRow = { variant: string; h264Caught: number; tsCaught: number; falsePositives: number; msPerSegment: number };

export async function measureDetection(corpus: Corpus): Promise<DetectionRow[]> {
  const rows = Object.keys(CHECK_VARIANTS).map((variant) => ({ variant, h264Caught: 0, tsCaught: 0, falsePositives: 0, msPerSegment: 0 }));
  const entries = Object.values(CHECK_VARIANTS).map((args, i) => [args, rows[i]!] as const);
  // Variants take turns on each file, so that a busy moment on the machine hits them all.
  for (const file of corpus.clean) {
    for (const [args, row] of entries) {
      const t0 = childrenCpuMs();
      if (!(await runCheck('ffmpeg', args(file))).ok) row.falsePositives++;
      row.msPerSegment += (childrenCpuMs() - t0) / corpus.clean.length;
    }
  }
  for (const [files, key] of [[corpus.h264Cut, 'h264Caught'], [corpus.tsCut, 'tsCaught']] as const) {
    for (const file of files) for (const [args, row] of entries) if (!(await runCheck('ffmpeg', args(file))).ok) row[key]++;
  }
  return rows;
}

// The floor for a long-lived decoder per camera: no start-up per segment (not used: it
// would need a way to tell which segment an error belongs to).
export async function measureOneDecoder(corpus: Corpus): Promise<number> {
  const t0 = childrenCpuMs();
  const args = ['-hide_banner', '-nostdin', '-nostats', '-v', 'quiet', '-threads', '1', '-skip_loop_filter', 'all', '-f', 'mpegts', '-i', 'pipe:0', '-map', '0:v:0', '-fps_mode', 'drop', '-f', 'null', '-'];
  const child = spawn('ffmpeg', args, { stdio: ['pipe', 'ignore', 'ignore'] });
  for (const file of corpus.clean) await new Promise<void>((resolve) => createReadStream(file).on('end', () => resolve()).pipe(child.stdin, { end: false }));
  child.stdin.end();
  await new Promise((resolve) => child.on('close', resolve));
  return (childrenCpuMs() - t0) / corpus.clean.length;
}

export async function printDetection(cacheDir: string, count: number): Promise<void> {
  console.log(`bench:ingest detection — ${count} segments with a chunk cut from the H.264 stream, ${count} cut from the .ts, 30 clean; 2-core machine, CPU of the check alone\n`);
  for (const size of ['1280x720', '1920x1080']) {
    const corpus = loadCorpus(cacheDir, size, count);
    for (const row of await measureDetection(corpus)) {
      const caught = `caught ${String(row.h264Caught).padStart(3)}/${corpus.h264Cut.length} H.264 cuts, ${String(row.tsCaught).padStart(3)}/${corpus.tsCut.length} .ts cuts`;
      console.log(`${size.padEnd(9)} ${row.variant.padEnd(28)} | ${caught} | false positives ${row.falsePositives}/${corpus.clean.length} | ${row.msPerSegment.toFixed(0).padStart(4)} ms CPU per segment`);
    }
    console.log(`${size.padEnd(9)} ${'one decoder for all (floor)'.padEnd(28)} | ${(await measureOneDecoder(corpus)).toFixed(0).padStart(4)} ms CPU per segment, without ffmpeg's start-up\n`);
  }
}
