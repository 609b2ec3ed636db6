import { spawn } from 'node:child_process';

export type IntegrityMode = 'full' | 'keyframes' | 'off';
// frames: how many frames decoded before the first error (all of them when ok): where a
// salvage may cut. With `keyframes`, keyframes.
export type SegmentCheck = { ok: boolean; errors: string[]; frames: number };

// Pure: the ffmpeg arguments that decode one finished segment and fail on any damage.
// Measured on segments cut the way the lost-bytes bug cuts them (`npm run bench:ingest --
// detection`, scripts/bench-ingest-detection.ts):
// - `-xerror` is what makes the check see most damage. H.264 (CABAC) usually hides a lost
//   chunk: the slice ends early, error concealment patches the picture, and ffmpeg says
//   only "corrupt decoded frame" as a *warning*. With -xerror that is fatal (exit 1).
// - `-skip_loop_filter all` skips deblocking, which only smooths pixels: every slice is
//   still entropy-decoded, so detection is the same, for ~7 % less CPU at 1080p.
// - `-fps_mode drop` ignores the segment's timestamps: B-frames with wall-clock
//   timestamps (raw H.264 over TCP) made the null muxer complain about every clean segment.
// - `-probesize 32768 -analyzeduration 0`: the stream is found in the first packets, and
//   the keyframe is not decoded once more just to probe it (-8 % CPU at 1080p).
// - `-threads 1`: the least CPU per segment; threads only buy wall time.
// `keyframes` decodes only the IDR frames: cheaper, but it misses most damage.
// No decoder sees every cut: a few macroblocks of garbage at the end of a frame can still
// parse, and a frame lost whole shows only as "Frame num gap" at debug level.
// Most of the cost is ffmpeg's start-up per segment, not the decoding (see the bench).
// A checksum line per frame (framecrc, flushed per frame, or what -xerror's exit leaves in
// the buffer would be lost) counts the clean frames, so a salvage needs no decode of its own.
export function buildCheckArgs(mode: Exclude<IntegrityMode, 'off'>, file: string): string[] {
  const skip = mode === 'keyframes' ? ['-skip_frame', 'nokey'] : [];
  return [
    '-hide_banner', '-nostdin', '-nostats', '-v', 'error', '-xerror',
    '-probesize', '32768', '-analyzeduration', '0', '-threads', '1', '-skip_loop_filter', 'all', ...skip,
    '-i', file, '-map', '0:v:0', '-fps_mode', 'drop', '-flush_packets', '1', '-f', 'framecrc', '-',
  ];
}

// Decodes a finished segment and reports decode errors. A camera that loses bytes
// (the old live555 bug) produces segments with corrupt slices that freeze browsers,
// so such a segment must never be published.
export function checkSegment(ffmpegPath: string, file: string, mode: IntegrityMode): Promise<SegmentCheck> {
  if (mode === 'off') return Promise.resolve({ ok: true, errors: [], frames: 0 });
  return runCheck(ffmpegPath, buildCheckArgs(mode, file));
}

// Any error line, or a non-zero exit, fails the segment.
export function runCheck(ffmpegPath: string, args: string[]): Promise<SegmentCheck> {
  return new Promise((resolve) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let framecrc = '';
    child.stdout.on('data', (chunk: Buffer) => (framecrc += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString();
    });
    child.on('error', (error) => resolve({ ok: false, errors: [error.message], frames: 0 }));
    child.on('close', (code) => {
      const frames = framecrc.split('\n').filter((line) => line && !line.startsWith('#')).length;
      const errors = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
      resolve({ ok: code === 0 && errors.length === 0, errors: code === 0 ? errors : [...errors, `ffmpeg exited with ${code}`], frames });
    });
  });
}
