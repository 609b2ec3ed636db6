import { describeLevel, describeProfile, type Sps } from '../../../lib/h264/sps.ts';
import type { StreamSummary } from '../../../lib/health.ts';

export type { StreamSummary };


// What the camera is really sending, for hints, the health record, /status.json and the
// inspector: decoded parameter sets, the GOP and B-frames as seen, bitrate over ~10 s.
export class StreamSummaryTracker {
  private sps: Sps | undefined;
  private frames = 0;
  private keyframes = 0;
  private sinceKeyframe = 0;
  private gopFrames: number | undefined;
  private bFrames = false;
  private bytes: { atMs: number; size: number }[] = [];
  private pts: number[] = [];
  losses = 0;
  droppedFrames = 0;
  reorderDepth: number | undefined;
  frameRateSource = 'unknown';
  cameraClock: () => StreamSummary['cameraClock'] = () => null; // read when summarised

  noteSps(sps: Sps): void {
    this.sps = sps;
  }

  noteFrame(frame: { keyframe: boolean; bSlice: boolean; size: number; arrivalMs: number }): void {
    this.frames++;
    if (frame.bSlice) this.bFrames = true;
    if (frame.keyframe) {
      this.keyframes++;
      if (this.keyframes > 1) this.gopFrames = this.sinceKeyframe;
      this.sinceKeyframe = 0;
    }
    this.sinceKeyframe++;
    this.bytes.push({ atMs: frame.arrivalMs, size: frame.size });
    while (this.bytes.length > 1 && frame.arrivalMs - this.bytes[0]!.atMs > 10_000) this.bytes.shift();
  }

  // Presentation times in 90 kHz units, in any order: the median step is the frame interval.
  notePts(pts: number): void {
    this.pts.push(pts);
    if (this.pts.length > 50) this.pts.shift();
  }

  summary(): StreamSummary {
    const sps = this.sps;
    const frameRate = measuredRate(this.pts);
    const span = this.bytes.length > 1 ? (this.bytes.at(-1)!.atMs - this.bytes[0]!.atMs) / 1000 : 0;
    const bitrate = span > 0 ? Math.round((this.bytes.slice(1).reduce((s, b) => s + b.size, 0) * 8) / span / 1000) : null;
    return {
      codec: 'H.264',
      profile: sps ? describeProfile(sps) : null,
      level: sps ? describeLevel(sps.levelIdc) : null,
      width: sps?.width ?? null,
      height: sps?.height ?? null,
      frameRate,
      frameRateSource: this.frameRateSource,
      vuiFrameRate: sps?.frameRate ?? null,
      gopFrames: this.gopFrames ?? null,
      gopSeconds: this.gopFrames && frameRate ? Math.round((this.gopFrames / frameRate) * 100) / 100 : null,
      bFrames: this.bFrames,
      reorderDepth: this.reorderDepth ?? null,
      bitrateKbps: bitrate,
      frames: this.frames,
      keyframes: this.keyframes,
      losses: this.losses,
      droppedFrames: this.droppedFrames,
      cameraClock: this.cameraClock(),
    };
  }
}

function measuredRate(pts: number[]): number | null {
  if (pts.length < 3) return null;
  const sorted = [...pts].sort((a, b) => a - b);
  const steps = sorted.slice(1).map((v, i) => v - sorted[i]!).filter((s) => s > 0).sort((a, b) => a - b);
  const median = steps[Math.floor(steps.length / 2)];
  return median ? Math.round((90_000 / median) * 100) / 100 : null;
}

// One line for logs and hints: "H.264 High 4.0, 1280x720, 25 fps (rtp), GOP 2 s, B-frames, 2400 kbit/s".
export function describeSummary(s: StreamSummary): string {
  const parts = [`${s.codec}${s.profile ? ` ${s.profile}` : ''}${s.level ? ` ${s.level}` : ''}`];
  if (s.width) parts.push(`${s.width}x${s.height}`);
  if (s.frameRate) parts.push(`${s.frameRate} fps (${s.frameRateSource})`);
  if (s.gopFrames) parts.push(`GOP ${s.gopFrames} frames${s.gopSeconds ? ` = ${s.gopSeconds} s` : ''}`);
  parts.push(s.bFrames ? `B-frames (reorder depth ${s.reorderDepth ?? '?'})` : 'no B-frames');
  if (s.bitrateKbps !== null) parts.push(`${s.bitrateKbps} kbit/s`);
  if (s.cameraClock) parts.push(`camera clock ${formatOffset(s.cameraClock.offsetMs)}${s.cameraClock.used ? '' : ' (not used)'}`);
  return parts.join(', ');
}

function formatOffset(ms: number): string {
  const tenths = Math.round(ms / 100);
  const seconds = Math.abs(ms) < 10_000 ? (Math.abs(tenths) / 10).toFixed(1) : String(Math.abs(Math.round(ms / 1000)));
  return `${tenths < 0 ? '-' : '+'}${seconds} s`;
}

// Why a camera that sends bytes gives no video, in its own terms; undefined when it is not
// the stream's fault (or nothing arrived at all: the connection's own hint says why).
export function hintForStream(s: StreamSummary, bytesReceived: number, seconds: number): string | undefined {
  const kB = Math.round(bytesReceived / 1000);
  if (bytesReceived === 0) return undefined;
  if (!s.profile) return `the camera sent ${kB} kB but no H.264 parameter sets (SPS/PPS) in ${Math.round(seconds)} s: is the stream H.264, and the URL or port the video one?`;
  if (s.keyframes === 0) return `the camera sends ${describeSummary(s)} but no keyframe (IDR) came in ${Math.round(seconds)} s: set its keyframe interval (GOP) to 1–4 s`;
  if (s.gopSeconds !== null && s.gopSeconds > 10) return `the camera sends a keyframe only every ${s.gopSeconds} s (${describeSummary(s)}): set its keyframe interval (GOP) to 1–4 s`;
  if (s.losses > 0 && s.frames > 0 && s.droppedFrames > s.frames) return `the camera's stream is damaged (${s.losses} losses, ${s.droppedFrames} frames dropped): ${describeSummary(s)}`;
  return undefined;
}
