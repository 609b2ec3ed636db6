import type { Writable } from 'node:stream';
import { getNalType, isSlice } from '../../../lib/h264/annex-b.ts';
import { H264ParseError } from '../../../lib/h264/bit-reader.ts';
import { DecodeTimestamper, DisplayClock } from '../../../lib/h264/decode-timestamps.ts';
import { ParameterSets } from '../../../lib/h264/parameter-sets.ts';
import { PictureOrderCounter } from '../../../lib/h264/picture-order.ts';
import type { SliceHeader } from '../../../lib/h264/slice-header.ts';
import type { Sps } from '../../../lib/h264/sps.ts';
import { buildSequenceHeader, buildVideoTag, FLV_HEADER } from '../flv-writer.ts';
import type { SenderReport } from '../rtsp/rtcp.ts';
import { CameraClock, KeyframeTimes } from './camera-clock.ts';
import { RawFrameClock, RTP_CLOCK, RtpTimeline } from './raw-frame-clock.ts';
import { StreamSummaryTracker } from './stream-summary.ts';

export type FeedUnit = { nals: Buffer[]; arrivalMs: number; rtpTimestamp?: number };
type Frame = { nals: Buffer[]; keyframe: boolean; arrivalMs: number; pts?: number; rtp?: boolean };
// For the NALU inspector: every access unit that parsed, and whether it was passed on.
export type FrameObserver = (unit: { nals: Buffer[]; slice: SliceHeader; poc: number | undefined; passed: boolean }) => void;

// Without a declared reorder depth: deep enough for any camera's B-frames seen so far.
const FALLBACK_REORDER_DEPTH = 4;
const DTS_MARGIN = 5 * RTP_CLOCK; // FLV times are unsigned: the first DTS may be before the first PTS
const MAX_QUEUED_BYTES = 2 * 1024 * 1024;
// ffmpeg announces a segment within ~0.1 s of the keyframe that closes it; on a loaded machine
// the announcement may lag, and a watchdog tick in between must not take it for a stall.
const KEYFRAME_IN_FLIGHT_MS = 2000;
const CLOSE_MARGIN_MS = 1000;

// Access units in, FLV with the camera's timing out (to ffmpeg's stdin). Presentation times
// come from RTP timestamps, or for raw H.264 from a RawFrameClock placed in display order
// by POC; decode times follow from the reorder depth. Damage or a gap found in the
// bitstream (an unparsable slice header, a frame_num gap), or ffmpeg falling behind,
// drops frames up to the next IDR: the frames before the damage are already on their way.
export class IngestFeed {
  readonly stats = new StreamSummaryTracker();
  private readonly sets = new ParameterSets();
  private readonly poc = new PictureOrderCounter();
  private readonly timeline = new RtpTimeline();
  private readonly rawClock: RawFrameClock;
  private readonly cameraClock = new CameraClock();
  private readonly keyframeTimes = new KeyframeTimes(this.cameraClock);
  private display: DisplayClock<Frame> | undefined;
  private dts: DecodeTimestamper | undefined;
  private waitingForIdr = true;
  private afterLoss = false;
  private lastTrafficMs = Number.NEGATIVE_INFINITY;
  private lastKeyframeWrittenMs = Number.NEGATIVE_INFINITY;
  private headerWritten = false;
  private configChanged = true;
  private prevRefFrameNum = 0;
  private base: number | undefined;
  onFrame: FrameObserver | undefined;

  constructor(private readonly output: Writable, private readonly options: { frameRate?: number; maxQueuedBytes?: number } = {}) {
    this.rawClock = new RawFrameClock({ sps: () => this.sets.latestSps?.frameRate, config: options.frameRate });
    this.stats.cameraClock = () => this.cameraClock.summary();
  }

  // An RTCP sender report from the camera (RTSP): its wall clock for its RTP timestamps.
  noteSenderReport(sr: SenderReport, arrivalMs: number): void {
    this.cameraClock.noteSenderReport(sr, arrivalMs);
  }

  // When the segment ffmpeg lists as starting at `startSeconds` began, for its
  // PROGRAM-DATE-TIME: the camera's capture time of its keyframe when the camera's clock is
  // believable (camera-clock.ts), else that keyframe's arrival.
  segmentStart(startSeconds: number): { wallMs: number; camera: boolean } | undefined {
    return this.keyframeTimes.segmentStart(startSeconds);
  }

  markLoss(): void {
    if (this.waitingForIdr) return;
    this.stats.losses++;
    this.waitingForIdr = true;
    this.afterLoss = true;
    this.display?.clear();
    this.dts?.reset();
  }

  // The camera is sending, but no keyframe has reached ffmpeg since `sinceMs` (or one did only
  // just now), so the segment muxer has had nothing to close a segment on. Losses that took
  // the keyframes cause it, and so does a GOP longer than expected: silence that a restart
  // would not end any sooner, since after a reconnect ffmpeg waits for a keyframe too.
  awaitsKeyframe(sinceMs: number, nowMs: number): boolean {
    const sending = nowMs - this.lastTrafficMs < 1000;
    return sending && (this.lastKeyframeWrittenMs <= sinceMs || nowMs - this.lastKeyframeWrittenMs < KEYFRAME_IN_FLIGHT_MS);
  }

  // The camera's bytes arrived, whether or not they make a unit: after a loss the RTSP
  // client throws away whole frames before the feed sees them.
  noteTraffic(nowMs: number): void {
    this.lastTrafficMs = nowMs;
  }

  push(unit: FeedUnit): void {
    this.lastTrafficMs = unit.arrivalMs;
    let slice: SliceHeader;
    try {
      for (const nal of unit.nals) if (this.sets.remember(nal)) this.configChanged = true;
      const first = unit.nals.find((nal) => isSlice(getNalType(nal)));
      if (!first) return;
      slice = this.sets.parseSlice(first);
    } catch (error) {
      if (!(error instanceof H264ParseError || error instanceof RangeError)) throw error;
      return this.drop(true);
    }
    const sps = this.sets.spsFor(slice);
    this.stats.noteSps(sps);
    const refuse = (damaged: boolean) => {
      this.onFrame?.({ nals: unit.nals, slice, poc: undefined, passed: false });
      this.drop(damaged);
    };
    if (this.waitingForIdr && !(slice.idr && slice.firstMbInSlice === 0)) return refuse(false);
    if (!slice.idr && slice.frameNum !== this.prevRefFrameNum && slice.frameNum !== (this.prevRefFrameNum + 1) % 2 ** sps.log2MaxFrameNum) return refuse(true);
    if (slice.idr || slice.nalRefIdc !== 0) this.prevRefFrameNum = slice.mmco5 ? 0 : slice.frameNum; // 7.4.3: after mmco 5, frame_num counts from 0
    this.waitingForIdr = false;
    const frame: Frame = { nals: unit.nals, keyframe: slice.idr, arrivalMs: unit.arrivalMs };
    this.stats.noteFrame({ keyframe: slice.idr, bSlice: slice.sliceType === 'B', size: unit.nals.reduce((s, n) => s + n.length + 4, 0), arrivalMs: unit.arrivalMs });
    const depth = this.reorderDepth(sps);
    const poc = this.poc.next(slice, sps);
    this.onFrame?.({ nals: unit.nals, slice, poc, passed: true });
    if (unit.rtpTimestamp !== undefined) {
      this.stats.frameRateSource = 'rtp';
      const pts = this.timeline.unwrap(unit.rtpTimestamp);
      this.cameraClock.noteFrame(unit.rtpTimestamp, pts);
      this.write({ ...frame, pts, rtp: true }, sps);
    } else {
      this.rawClock.noteArrival(unit.arrivalMs, this.afterLoss);
      this.stats.frameRateSource = this.rawClock.source;
      const display = (this.display ??= new DisplayClock<Frame>(depth));
      display.nextPts = this.rawClock.startFor(unit.arrivalMs, display.nextPts, this.afterLoss);
      for (const out of display.push(frame, poc, slice.idr || slice.mmco5, this.rawClock.frameDuration())) this.write({ ...out.frame, pts: out.pts }, sps);
    }
    this.afterLoss = false;
  }

  get latestSps(): Sps | undefined {
    return this.sets.latestSps;
  }

  private reorderDepth(sps: Sps): number {
    const declared = sps.maxNumReorderFrames ?? (sps.pocType === 2 || sps.profileIdc === 66 ? 0 : FALLBACK_REORDER_DEPTH);
    this.dts ??= new DecodeTimestamper(declared);
    this.stats.reorderDepth = this.dts.depth;
    return declared;
  }

  private frameDuration(sps: Sps): number {
    const rate = sps.frameRate ?? this.options.frameRate;
    return rate ? RTP_CLOCK / rate : this.rawClock.frameDuration();
  }

  private write(frame: Frame, sps: Sps): void {
    const pts = frame.pts!;
    const dts = this.dts!.next(pts, this.frameDuration(sps));
    if (dts === undefined) return this.drop(true);
    if (this.output.writableLength > (this.options.maxQueuedBytes ?? MAX_QUEUED_BYTES)) return this.drop(true);
    this.stats.notePts(pts);
    this.base ??= dts - DTS_MARGIN;
    const dtsMs = Math.round((dts - this.base) / 90);
    const ptsMs = Math.round((pts - this.base) / 90);
    if (!this.headerWritten) this.output.write(FLV_HEADER);
    this.headerWritten = true;
    if (this.configChanged && this.sets.ready) this.output.write(buildSequenceHeader(this.sets.latestSpsNal!, this.sets.latestPpsNal!, dtsMs));
    this.configChanged = false;
    this.output.write(buildVideoTag({ nals: frame.nals, keyframe: frame.keyframe, dtsMs, ptsMs }));
    if (frame.keyframe) this.lastKeyframeWrittenMs = frame.arrivalMs;
    if (frame.keyframe) this.keyframeTimes.note({ ptsMs, pts: frame.rtp ? pts : undefined, arrivalMs: frame.arrivalMs }, dtsMs);
  }

  private drop(damaged: boolean): void {
    this.stats.droppedFrames++;
    if (damaged) this.markLoss();
  }
}

// From when a keyframe that reaches ffmpeg must close the segment begun at `lastSegmentMs`: the
// muxer cuts at the first keyframe a segment's length (less segment_time_delta) in, and one
// that comes just before that is not a cut, so the segment runs on to the next (two GOPs when
// the GOP is the segment's length). A second of margin, as keyframes drift against that grid.
export function segmentCloseDueMs(lastSegmentMs: number, segmentSeconds: number): number {
  return lastSegmentMs + segmentSeconds * 1000 + CLOSE_MARGIN_MS;
}
