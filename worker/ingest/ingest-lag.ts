import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { AccessUnitGrouper, type AccessUnit } from '../../lib/h264/access-units.ts';
import { joinAnnexB, NalSplitter } from '../../lib/h264/annex-b.ts';
import { IngestFeed } from './feed/ingest-feed.ts';

// For `npm run bench:ingest -- lag`: how long after the keyframe that closes a segment
// reaches ffmpeg the segment is announced, for the first segments after a start and in
// steady state, with the old input form (bare Annex-B, ffmpeg guesses the clock) and the
// new one (FLV with the camera's timing, written by IngestFeed). Frames are fed in real
// time from a 2 s-GOP recording.
// x264Defaults: libx264's own settings (preset medium: 3 B-frames, B-pyramid, weighted P),
// as a camera stream made with x264 or GStreamer without tuning; else veryfast with bFrames.
export type LagCase = { label: string; size: string; bFrames: number; x264Defaults?: boolean };
export type LagRow = { label: string; form: string; lagsMs: number[]; error?: string };

const FORMS: Record<string, string[]> = {
  'before: -f h264 -framerate 25': ['-f', 'h264', '-framerate', '25', '-i', 'pipe:0'],
  'before: -f h264 -use_wallclock_as_timestamps 1': ['-f', 'h264', '-use_wallclock_as_timestamps', '1', '-i', 'pipe:0'],
  'now: FLV with the camera clock': ['-f', 'flv', '-probesize', '32', '-analyzeduration', '0', '-fpsprobesize', '0', '-i', 'pipe:0'],
};

export function sampleUnits(cacheDir: string, { size, bFrames, x264Defaults }: LagCase): AccessUnit[] {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, x264Defaults ? `lag-${size}-x264-defaults.h264` : `lag-${size}-bf${bFrames}.h264`);
  if (!existsSync(file)) {
    const gop = ['-g', '50', '-keyint_min', '50', '-sc_threshold', '0'];
    const tuning = x264Defaults ? [] : ['-preset', 'veryfast', '-bf', String(bFrames)];
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=25`, '-t', '24', '-c:v', 'libx264', ...tuning, ...gop, '-b:v', '4M', '-pix_fmt', 'yuv420p', '-bsf:v', 'dump_extra', '-y', file]);
  }
  const splitter = new NalSplitter();
  const grouper = new AccessUnitGrouper();
  const units = [...splitter.push(readFileSync(file)), ...splitter.flush()].map((nal) => grouper.push(nal)).filter((u) => u !== undefined);
  return [...units, grouper.flush()!];
}

export async function measureLag(cacheDir: string, testCase: LagCase, form: string, outDir: string): Promise<LagRow> {
  const units = sampleUnits(cacheDir, testCase);
  const args = ['-hide_banner', '-nostats', '-loglevel', 'error', ...FORMS[form]!, '-map', '0:v:0', '-c:v', 'copy', '-an', '-f', 'segment', '-segment_format', 'mpegts', '-segment_time', '2', '-segment_time_delta', '0.3', '-reset_timestamps', '0', '-segment_list', 'pipe:1', '-segment_list_type', 'csv', join(outDir, `lag-${Date.now()}-%03d.ts`)];
  const ffmpeg = spawn('ffmpeg', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  ffmpeg.stdin.on('error', () => {});
  const closed = new Promise((resolve) => ffmpeg.on('close', resolve));
  let stderr = '';
  ffmpeg.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const keyframesAt: number[] = [];
  const announcedAt: number[] = [];
  createInterface({ input: ffmpeg.stdout }).on('line', () => announcedAt.push(performance.now()));
  const flv = form.startsWith('now');
  // Times the moment each keyframe is handed to ffmpeg: an FLV video tag of a keyframe
  // (0x17, AVC NALU), or an Annex-B access unit with an IDR.
  const stdin = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (flv && chunk[0] === 9 && chunk[11] === 0x17 && chunk[12] === 1) keyframesAt.push(performance.now());
      // An ffmpeg that gave up (EPIPE) is reported by its missing lines.
      if (ffmpeg.exitCode !== null || ffmpeg.stdin.writableEnded) return done();
      ffmpeg.stdin.write(chunk, () => done());
    },
  });
  const feed = new IngestFeed(stdin, {});
  const started = performance.now();
  for (let i = 0; i < units.length; i++) {
    const wait = started + i * 40 - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const unit = units[i]!;
    if (flv) feed.push({ nals: unit.nals, arrivalMs: Date.now() });
    else {
      if (unit.keyframe) keyframesAt.push(performance.now());
      stdin.write(joinAnnexB(unit.nals));
    }
  }
  await Promise.race([new Promise((resolve) => stdin.end(resolve)), closed]);
  ffmpeg.stdin.end();
  await closed;
  // Segment n (from 0) is closed by keyframe n + 1; the last one by the end of input.
  const lagsMs = announcedAt.slice(0, -1).map((at, n) => at - keyframesAt[n + 1]!).filter((lag) => Number.isFinite(lag));
  return { label: testCase.label, form, lagsMs, error: lagsMs.length === 0 ? stderr.trim().split('\n').at(-1) : undefined };
}

export async function printLag(cacheDir: string, outDir: string): Promise<void> {
  console.log('bench:ingest lag — announce lag after the closing keyframe reaches ffmpeg, 2 s GOP at 25 fps fed in real time, 24 s\n');
  const cases: LagCase[] = [
    { label: '720p, no B-frames', size: '1280x720', bFrames: 0 },
    { label: '1080p, 2 B-frames', size: '1920x1080', bFrames: 2 },
  ];
  for (const testCase of cases) {
    for (const form of Object.keys(FORMS)) {
      const row = await measureLag(cacheDir, testCase, form, outDir);
      const ms = (v: number | undefined) => (v === undefined ? '   -' : `${Math.round(v)}`.padStart(5));
      const steady = row.lagsMs.slice(2).sort((a, b) => a - b);
      const median = steady[Math.floor(steady.length / 2)];
      const figures = row.error ? `fails: ${row.error}` : `segment 1 ${ms(row.lagsMs[0])} ms, segment 2 ${ms(row.lagsMs[1])} ms, steady median ${ms(median)} ms, max ${ms(steady.at(-1))} ms`;
      console.log(`${row.label.padEnd(18)} ${form.padEnd(48)} | ${figures}`);
    }
  }
}
