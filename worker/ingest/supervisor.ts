import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Camera } from '../../lib/cameras.ts';
import type { Logger } from '../../lib/log.ts';
import type { HealthTracker } from '../health/health-tracker.ts';
import type { Publisher } from '../publisher/publisher.ts';
import { HEALTHY_RESET_MS, RECENTLY_LIVE_MS, restartDelayMs } from './backoff.ts';
import { buildIngestArgs } from './build-ingest-args.ts';
import { checkSegment, type SegmentCheck } from './check-segment.ts';
import { salvageDamaged } from './salvage-damage.ts';
import { splitAtKeyframes } from './split-at-keyframes.ts';
import type { FfmpegExit } from './ffmpeg-process.ts';
import { IngestRun } from './ingest-run.ts';
import { ffprobePathFor, probeKeyframeInterval, showsKeyframeRhythm, workableSegmentSeconds } from './keyframe-interval.ts';
import { describeSummary, hintForStream } from './feed/stream-summary.ts';
import { segmentCloseDueMs } from './feed/ingest-feed.ts';
import { hintForStderr } from './stderr-hints.ts';

export type SupervisorDeps = {
  ffmpegPath: string;
  stagingDir: string;
  publisher: Publisher;
  health: HealthTracker;
  log: Logger;
  onSpawn?: (pid: number | undefined) => void;
};

type StagedSegment = { name: string; file: string; start: number; duration: number }; // as ffmpeg's segment list says

const WATCHDOG_TICK_MS = 250;
const CONNECT_GRACE_MS = 5_000;
const OVERDUE = 1.75; // × segment length since the newest segment was complete

// Keeps one camera's ingest running. ffmpeg's exit code is not trusted (it exits 0 when a
// camera dies): a watchdog restarts it whenever no segment has appeared for 2 × the
// segment duration, with backoff while restarts keep failing.
export class IngestSupervisor {
  private current: IngestRun | undefined;
  // lastOutputAt: ffmpeg announced a finished segment (the watchdog's clock: checking and
  // publishing may lag behind on a busy machine without ffmpeg being stuck).
  private run = { startedAt: 0, firstSegmentAt: 0, lastSegmentAt: 0, lastOutputAt: 0, segments: 0, rhythm: [] as number[], missingAtFirst: 0 };
  private segmentSeconds: number;
  private failures = 0;
  private lastLiveAt = 0;
  private exitReason: string | undefined;
  private stopping = false;
  private watchdog: NodeJS.Timeout | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly camera: Camera, private readonly deps: SupervisorDeps) {
    this.segmentSeconds = camera.segmentSeconds;
  }

  async start(): Promise<void> {
    await rm(this.deps.stagingDir, { recursive: true, force: true });
    await mkdir(this.deps.stagingDir, { recursive: true });
    this.deps.health.setState(this.camera.id, 'starting', `starting ingest from ${this.camera.publicSource}`);
    this.spawn();
    this.watchdog = setInterval(() => this.checkWatchdog(), WATCHDOG_TICK_MS);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.watchdog);
    clearTimeout(this.restartTimer);
    await this.current?.stop('expected');
    await this.queue;
    this.deps.health.setState(this.camera.id, 'stopped', 'worker stopped');
  }

  private spawn(): void {
    const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
    const args = buildIngestArgs({ ...this.camera, segmentSeconds: this.segmentSeconds }, { stagingDir: this.deps.stagingDir, runId });
    this.run = { startedAt: Date.now(), firstSegmentAt: 0, lastSegmentAt: 0, lastOutputAt: 0, segments: 0, rhythm: [], missingAtFirst: 0 };
    this.enqueue(async () => this.deps.publisher.markDiscontinuity());
    const ingest: IngestRun = new IngestRun(this.camera, this.deps.ffmpegPath, args, {
      onStdout: (line) => {
        const completedAt = (this.run.lastOutputAt = Date.now());
        const segment = this.parseSegmentLine(line);
        // The check starts at once, not when the queue gets to it: a damaged segment's salvage
        // then no longer holds up the checks of the ones behind it (publishing stays in order).
        const check = segment && segment.duration > 0 ? checkSegment(this.deps.ffmpegPath, segment.file, this.camera.integrity) : undefined;
        // Dated by its first keyframe (the camera's clock when believable, else its arrival),
        // looked up now, while the feed still holds that keyframe's time.
        const startedAt = segment ? ingest.feed?.segmentStart(segment.start)?.wallMs ?? completedAt - segment.duration * 1000 : completedAt;
        // Losses so far, read now too: by the time the queue gets to it, more may have come.
        const missing = ingest.framesMissing;
        this.enqueue(() => this.handleSegment(segment, startedAt, check, missing));
      },
      onStderr: (line) => this.handleStderr(line, ingest),
      onSourceHint: (hint) => this.deps.health.setHint(this.camera.id, hint),
    }, this.deps.log);
    this.current = ingest;
    this.deps.onSpawn?.(ingest.pid);
    this.deps.log.debug(`ffmpeg started (pid ${ingest.pid}, run ${runId})`);
    void ingest.exited.then((exit) => {
      if (ingest !== this.current) return;
      this.current = undefined;
      this.handleExit(exit, ingest);
    });
  }

  private handleExit(exit: FfmpegExit, ingest?: IngestRun): void {
    if (this.stopping) return;
    const produced = this.run.firstSegmentAt > 0;
    this.noteStreamHint(ingest, produced);
    if (produced && this.run.lastSegmentAt - this.run.firstSegmentAt >= HEALTHY_RESET_MS) this.failures = 0;
    // A run that produced video restarts at once; one that produced nothing backs off.
    const recentlyLive = Date.now() - this.lastLiveAt < RECENTLY_LIVE_MS;
    const delay = produced ? 0 : restartDelayMs(this.failures++, { recentlyLive });
    const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
    this.deps.log.info(`ffmpeg exited (${exit.kind}, ${how}); restarting in ${delay / 1000}s`);
    this.exitReason = this.hint() ?? `ingest exited (${exit.kind}, ${how})`;
    if (!produced && this.deps.health.state(this.camera.id) === 'starting') this.deps.health.setState(this.camera.id, 'offline', `${this.exitReason}${this.hint() ? '' : ' without video'}`);
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.deps.health.event(this.camera.id, 'restarted', `after ${exit.kind} exit (${how})`);
      this.spawn();
    }, delay);
  }

  // The state says what viewers get: live while segments keep coming; reconnecting once the
  // next one is overdue (an ingest restart that viewers may notice); offline past 2 × segment.
  // A restart quick enough to stay inside the rhythm is only an event.
  private checkWatchdog(): void {
    const limitMs = 2 * this.segmentSeconds * 1000;
    const state = this.deps.health.state(this.camera.id);
    const age = this.ageMs();
    if ((state === 'live' || state === 'reconnecting') && age > limitMs) {
      const hint = this.hint();
      this.deps.health.setState(this.camera.id, 'offline', `no new segment for ${Math.round(age / 1000)}s${hint ? `: ${hint}` : ''}`);
    } else if (state === 'live' && age > OVERDUE * this.segmentSeconds * 1000) {
      this.deps.health.setState(this.camera.id, 'reconnecting', this.exitReason ?? `next segment overdue (${Math.round(age / 1000)}s)`);
    }
    const ingest = this.current;
    if (!ingest || this.stopping) return;
    if (ingest.feed) this.deps.health.setStream(this.camera.id, ingest.feed.stats.summary());
    const since = this.run.lastOutputAt || this.run.startedAt + CONNECT_GRACE_MS;
    const silentMs = Date.now() - since;
    if (silentMs <= limitMs) return;
    // A lossy link can take a GOP's keyframe too: with a 4 s GOP that is 8 s and more without
    // a segment from a camera that never stopped sending (12 s when the muxer ran the segment
    // on past a keyframe just short of its length). Give it a second limit.
    if (silentMs <= 2 * limitMs && ingest.feed?.awaitsKeyframe(segmentCloseDueMs(since, this.segmentSeconds), Date.now())) return;
    this.current = undefined; // its exit is handled here, not by the spawn listener
    const silentFor = Math.round((Date.now() - (this.run.lastOutputAt || this.run.startedAt)) / 1000);
    this.deps.health.event(this.camera.id, 'stalled', `no new segment for ${silentFor}s`);
    this.exitReason = `stalled: no new segment for ${silentFor}s`;
    void ingest.stop('forced', 1000).then((exit) => this.handleExit(exit, ingest));
  }

  // A run that got bytes but no video: say what the stream lacks, in its own terms, rather
  // than what ffmpeg made of it.
  private noteStreamHint(ingest: IngestRun | undefined, produced: boolean): void {
    const stream = ingest?.feed?.stats.summary();
    if (!ingest || !stream || produced) return;
    const hint = hintForStream(stream, ingest.sourceBytes, (Date.now() - this.run.startedAt) / 1000);
    if (hint) this.deps.health.setHint(this.camera.id, hint);
  }

  private hint(): string | undefined {
    return this.deps.health.hint(this.camera.id) ?? undefined;
  }

  private ageMs(): number {
    return this.deps.health.newestSegmentAgeMs(this.camera.id) ?? Number.POSITIVE_INFINITY;
  }

  // Whatever a failed task was handling is not published, so what comes next must not play on
  // as if it followed: a discontinuity, as for a dropped segment.
  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.deps.publisher.markDiscontinuity();
      this.deps.log.error(`publishing failed: ${(error as Error).message}`);
    });
  }

  private parseSegmentLine(line: string): StagedSegment | undefined {
    const [name, start, end] = line.split(',');
    if (!name || !/^[\w-]+\.ts$/.test(name)) return undefined;
    return { name, file: join(this.deps.stagingDir, name), start: Number(start), duration: Number(end) - Number(start) };
  }

  // startedAt: when the segment's first frame was captured or arrived (epoch ms); missing:
  // the run's losses and left-out frames when ffmpeg announced it.
  private async handleSegment(segment: StagedSegment | undefined, startedAt: number, checking: Promise<SegmentCheck> | undefined, missing: number): Promise<void> {
    if (!segment) return;
    const { name, file, duration } = segment;
    const index = ++this.run.segments;
    // Counted from the first segment on: the frames before a run's first IDR are left out too.
    if (index === 1) this.run.missingAtFirst = missing;
    if (!(duration > 0) || !checking) return this.drop(file, name, ['no duration']);
    const check = await checking;
    // Probed as ffmpeg cut them: a segment that is too long gets published in pieces.
    const shows = showsKeyframeRhythm({ index, clean: check.ok, framesMissing: missing - this.run.missingAtFirst, testCamera: this.camera.kind === 'test' });
    const rhythm = shows ? await probeKeyframeInterval(ffprobePathFor(this.deps.ffmpegPath), file, duration) : undefined;
    await this.publishOrSalvage(file, name, duration, check, startedAt);
    if (rhythm) await this.adoptKeyframeRhythm(rhythm);
  }

  // startedAt: when the segment's first frame was captured or arrived.
  private async publishOrSalvage(file: string, name: string, duration: number, check: SegmentCheck, startedAt: number): Promise<void> {
    if (!check.ok) return this.salvage(file, name, check, startedAt);
    if (this.tooLong(duration)) return this.publishGops(file, name, duration, startedAt);
    await this.publish(file, name, duration, startedAt);
  }

  private tooLong(duration: number): boolean {
    return Math.round(duration) > this.deps.publisher.playlist.targetDuration;
  }

  // Lose frames, not GOPs: the clean frames before the damage, a discontinuity, then the
  // segment from the next keyframe on.
  private async salvage(file: string, name: string, check: SegmentCheck, startedAt: number): Promise<void> {
    const parts = await salvageDamaged(this.deps.ffmpegPath, file, check.frames, this.camera.integrity, check.errors);
    await unlink(file).catch(() => {});
    for (const part of parts) {
      if (!part.ok) this.markLost(name, part.errors);
      else if (this.tooLong(part.duration)) await this.publishGops(part.file, basename(part.file), part.duration, startedAt + part.offset * 1000);
      else await this.publish(part.file, basename(part.file), part.duration, startedAt + part.offset * 1000);
    }
  }

  // A clean segment that runs long (our RTSP client leaves out the frames up to the next IDR
  // after a loss; when that IDR was due to end the segment, it runs on) goes out as its GOPs.
  private async publishGops(file: string, name: string, duration: number, startedAt: number): Promise<void> {
    const pieces = await splitAtKeyframes(this.deps.ffmpegPath, file, duration);
    if (pieces.length === 0) return this.drop(file, name, [`${duration.toFixed(2)} s is longer than the target duration`]);
    await unlink(file).catch(() => {});
    let pieceStartedAt = startedAt;
    for (const piece of pieces) {
      if (this.tooLong(piece.duration)) await this.drop(piece.file, basename(piece.file), [`${piece.duration.toFixed(2)} s is longer than the target duration`]);
      else await this.publish(piece.file, basename(piece.file), piece.duration, pieceStartedAt);
      pieceStartedAt += piece.duration * 1000;
    }
  }

  private async drop(file: string, name: string, errors: string[]): Promise<void> {
    await unlink(file).catch(() => {});
    this.markLost(name, errors);
  }

  private markLost(name: string, errors: string[]): void {
    this.deps.publisher.markDiscontinuity();
    this.deps.health.event(this.camera.id, 'dropped', `corrupt segment dropped: ${errors[0] ?? 'unknown error'}`);
    this.deps.log.warn(`dropped corrupt segment ${name}: ${errors.slice(0, 2).join(' | ')}`);
  }

  private async publish(file: string, name: string, duration: number, startedAt: number): Promise<void> {
    const bytes = (await stat(file)).size;
    await this.deps.publisher.publish(file, duration, startedAt);
    const now = Date.now();
    const firstOfRun = this.run.firstSegmentAt === 0;
    this.run.lastSegmentAt = now;
    this.run.firstSegmentAt ||= now;
    this.lastLiveAt = now;
    this.deps.health.segmentPublished(this.camera.id, bytes, duration, startedAt + duration * 1000);
    this.deps.health.setHint(this.camera.id, null);
    const stream = this.current?.feed?.stats.summary();
    if (stream && firstOfRun) this.deps.log.info(`camera sends ${describeSummary(stream)}`);
    this.deps.health.setState(this.camera.id, 'live', stream ? `segments arriving: ${describeSummary(stream)}` : 'segments arriving');
    this.exitReason = undefined;
  }

  // Acts only when two segments agree: one segment's timestamps can jitter (wall-clock
  // timestamps, a late RTP packet), and a needless switch costs a restart.
  private async adoptKeyframeRhythm(interval: number): Promise<void> {
    this.run.rhythm.push(interval);
    if (this.run.rhythm.length < 2 || !agree(this.run.rhythm[0]!, interval)) return;
    const workable = workableSegmentSeconds(this.camera.segmentSeconds, interval);
    if (Math.abs(workable - this.segmentSeconds) < 0.2) return;
    const fits = this.deps.publisher.adoptTargetDuration(Math.ceil(workable));
    const note = `the camera sends a keyframe every ${interval} s, which does not divide ${this.camera.segmentSeconds} s segments: using ${workable} s`;
    this.deps.log.warn(note);
    this.deps.health.event(this.camera.id, 'restarted', fits ? note : `${note}; the playlist keeps its target duration until its state is reset`);
    this.segmentSeconds = workable;
    const ingest = this.current;
    if (!ingest) return;
    this.current = undefined;
    void ingest.stop('forced', 1000).then((exit) => this.handleExit(exit));
  }

  // Once an RTSP session has ended, its reason is the hint: ffmpeg then only complains
  // about the end of its input.
  private handleStderr(line: string, run: IngestRun): void {
    const hint = hintForStderr(line);
    if (hint && !run.sourceEnded) this.deps.health.setHint(this.camera.id, hint);
    this.deps.log.debug(`ffmpeg: ${line}`);
  }
}

function agree(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.1 * Math.max(a, b);
}
