import type { SenderReport } from '../rtsp/rtcp.ts';
import { RTP_CLOCK } from './raw-frame-clock.ts';

// How far the camera's wall clock (its RTCP sender reports) may be from ours and still be
// believed. An SR is stamped when it is sent, so on a LAN an honest camera is off by the
// network delay plus both clocks' NTP error: milliseconds. Far more is a camera without
// NTP, in the wrong time zone, or reset to 1970 at boot; its clock must not move
// PROGRAM-DATE-TIME by hours. 2 s still admits a camera RTC that drifted between NTP
// syncs, and is at most one segment, so the playlist's dates stay usable for what they are
// for (the preview's time stamp, players lining up by time).
export const MAX_CAMERA_CLOCK_OFFSET_MS = 2_000;

export type CameraClockSummary = { offsetMs: number; used: boolean };

// The camera's own capture time of each RTP frame: RTP timestamps, unwrapped, mapped to
// wall-clock milliseconds by the latest sender report. Unlike our arrival time it carries
// no encoder, network or burst delay.
export class CameraClock {
  private report: { ntpMs: number; pts: number; offsetMs: number } | undefined;
  private pending: { sr: SenderReport; arrivalMs: number } | undefined;
  private last: { rtpTimestamp: number; pts: number } | undefined;

  // Each frame's 32-bit RTP timestamp and its unwrapped 90 kHz value: an SR's timestamp is
  // unwrapped against the newest frame (they are seconds apart, never half a wrap).
  noteFrame(rtpTimestamp: number, pts: number): void {
    this.last = { rtpTimestamp, pts };
    if (this.pending) this.noteSenderReport(this.pending.sr, this.pending.arrivalMs);
  }

  noteSenderReport(sr: SenderReport, arrivalMs: number): void {
    if (!this.last) {
      this.pending = { sr, arrivalMs };
      return;
    }
    this.pending = undefined;
    const delta = ((sr.rtpTimestamp - this.last.rtpTimestamp + 2 ** 31) >>> 0) - 2 ** 31;
    this.report = { ntpMs: sr.ntpMs, pts: this.last.pts + delta, offsetMs: Math.round(sr.ntpMs - arrivalMs) };
  }

  get trusted(): boolean {
    return this.report !== undefined && Math.abs(this.report.offsetMs) <= MAX_CAMERA_CLOCK_OFFSET_MS;
  }

  // Wall-clock ms of the frame with this unwrapped PTS; undefined without a believable SR.
  wallClockAt(pts: number): number | undefined {
    if (!this.report || !this.trusted) return undefined;
    return this.report.ntpMs + ((pts - this.report.pts) / RTP_CLOCK) * 1000;
  }

  summary(): CameraClockSummary | null {
    return this.report ? { offsetMs: this.report.offsetMs, used: this.trusted } : null;
  }
}

type Keyframe = { ptsMs: number; pts: number; arrivalMs: number };
const KEPT_KEYFRAMES = 64;

// Recent keyframes by their FLV time, so a segment ffmpeg announces can be dated by the
// frame it starts with: its capture time by the camera's clock, else its arrival. Dated
// when asked, so the first keyframes, which come before the camera's first SR, get it too.
export class KeyframeTimes {
  private keyframes: Keyframe[] = [];
  private firstDtsMs: number | undefined;

  constructor(private readonly clock: CameraClock) {}

  // pts: unwrapped 90 kHz (RTP cameras); undefined for raw H.264, which has no clock.
  note(keyframe: { ptsMs: number; pts?: number; arrivalMs: number }, dtsMs: number): void {
    this.firstDtsMs ??= dtsMs;
    this.keyframes.push({ ...keyframe, pts: keyframe.pts ?? Number.NaN });
    if (this.keyframes.length > KEPT_KEYFRAMES) this.keyframes.shift();
  }

  // ffmpeg's segment list counts stream time from the first DTS it read (its start time),
  // and a segment starts at a keyframe: the nearest one within half a second is it. A
  // capture time after the arrival is impossible (the clocks disagree by up to the bound),
  // so the arrival caps it.
  segmentStart(startSeconds: number): { wallMs: number; camera: boolean } | undefined {
    if (this.firstDtsMs === undefined) return undefined;
    const ptsMs = this.firstDtsMs + startSeconds * 1000;
    let best: Keyframe | undefined;
    for (const k of this.keyframes) if (!best || Math.abs(k.ptsMs - ptsMs) < Math.abs(best.ptsMs - ptsMs)) best = k;
    if (!best || Math.abs(best.ptsMs - ptsMs) > 500) return undefined;
    const camera = Number.isNaN(best.pts) ? undefined : this.clock.wallClockAt(best.pts);
    return camera === undefined ? { wallMs: best.arrivalMs, camera: false } : { wallMs: Math.min(camera, best.arrivalMs), camera: true };
  }
}
