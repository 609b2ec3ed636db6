import { execFile } from 'node:child_process';
import { basename, dirname, join } from 'node:path';

// With `-c:v copy` a segment can only be cut on a keyframe, so a segment length that is
// not a multiple of the camera's keyframe interval gives alternating lengths (6 s / 4 s).
// The nearest workable length is the multiple of the interval closest to what was asked.
export function workableSegmentSeconds(requested: number, keyframeInterval: number): number {
  if (!(keyframeInterval > 0)) return requested;
  const multiple = Math.max(1, Math.round(requested / keyframeInterval));
  return Math.round(multiple * keyframeInterval * 1000) / 1000;
}

// Which segments show the camera's keyframe rhythm: a run's second and third (the first may
// start mid-GOP), clean, and only while the run has lost nothing. A loss makes a segment
// short (the frames up to the next IDR are left out) or long (a lost keyframe), and either
// can pass for the rhythm: CI saw a 4 s-GOP camera with losses "adopt" 2.92 s and restart.
// The built-in test camera's rhythm is our own.
export function showsKeyframeRhythm(segment: { index: number; clean: boolean; framesMissing: number; testCamera: boolean }): boolean {
  return (segment.index === 2 || segment.index === 3) && segment.clean && segment.framesMissing === 0 && !segment.testCamera;
}

export function ffprobePathFor(ffmpegPath: string): string {
  return basename(ffmpegPath) === 'ffmpeg' ? join(dirname(ffmpegPath), 'ffprobe') : 'ffprobe';
}

// Keyframe interval in seconds measured in one segment; with a single keyframe the
// segment's own length is the best estimate (the interval is at least that long).
export function probeKeyframeInterval(ffprobePath: string, file: string, segmentDuration: number): Promise<number | undefined> {
  const args = ['-v', 'error', '-select_streams', 'v:0', '-skip_frame', 'nokey', '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', file];
  return new Promise((resolve) => {
    execFile(ffprobePath, args, { timeout: 10_000 }, (error, stdout) => {
      if (error) return resolve(undefined);
      const times = stdout.split('\n').map(Number).filter((t) => Number.isFinite(t) && t > 0);
      if (times.length < 2) return resolve(times.length === 1 ? Math.round(segmentDuration * 1000) / 1000 : undefined);
      const gaps = times.slice(1).map((t, i) => t - times[i]!).sort((a, b) => a - b);
      resolve(Math.round(gaps[Math.floor(gaps.length / 2)]! * 1000) / 1000);
    });
  });
}
