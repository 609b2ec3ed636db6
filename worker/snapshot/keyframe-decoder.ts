import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { withParentDeathSignal } from '../ingest/ffmpeg-process.ts';
import { parsePpm, PpmSplitter, type RawFrame } from './parse-ppm.ts';
import { asStandalone, type Keyframe, type VideoCodec } from './read-keyframe.ts';

// An access unit delimiter: tells ffmpeg's parser that the keyframe before it is whole.
const DELIMITER: Record<VideoCodec, Buffer> = { h264: Buffer.from([0, 0, 0, 1, 0x09, 0xf0]), hevc: Buffer.from([0, 0, 0, 1, 0x46, 0x01, 0x50]) };
const MAX_COPIES = 17; // H.264 allows at most 16 reordered pictures
const FIRST_PICTURE_MS = 2_000;
const PROBE_MS = 500;

// Frames wider than `maxWidth` are scaled down on the way out (colour conversion and scaling
// in one swscale pass), which also halves what a 1080p frame costs to pipe.
export function buildDecoderArgs(codec: VideoCodec, maxWidth?: number): string[] {
  return [
    '-hide_banner', '-nostdin', '-v', 'error', '-threads', '1', '-flags', 'low_delay',
    '-probesize', '32', '-analyzeduration', '0', '-f', codec, '-i', 'pipe:0', '-map', '0:v:0',
    ...(maxWidth ? ['-vf', `scale=w='min(iw,${maxWidth})':h=-2:flags=area`] : []),
    '-fps_mode', 'passthrough', '-f', 'image2pipe', '-c:v', 'ppm', 'pipe:1',
  ];
}

// One long-lived ffmpeg per camera that turns keyframes into RGB frames: ffmpeg's start-up
// alone (~0.15 s of CPU) would cost more than the whole 2 % budget at one grab per 10 s.
// A stream with B-frames makes the decoder hold back `delay` pictures, so each keyframe is
// fed delay + 1 times and the last frame out is the one asked for. The delay is learnt on
// the first keyframe; guessing it too high costs a decode, never a wrong picture.
export class KeyframeDecoder {
  private child: ChildProcessWithoutNullStreams | undefined;
  private codec: VideoCodec | undefined;
  private delay: number | undefined;
  private splitter = new PpmSplitter();
  private frames: Buffer[] = [];
  private wake: (() => void) | undefined;
  private failure: Error | undefined;
  private stderr = '';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly ffmpegPath: string, private readonly options: { maxWidth?: number; timeoutMs?: number } = {}) {}

  // One at a time: frames are told apart only by the order they come out in.
  decode(keyframe: Keyframe): Promise<RawFrame> {
    const result = this.queue.then(() => this.decodeNow(keyframe));
    this.queue = result.catch(() => {});
    return result;
  }

  private async decodeNow(keyframe: Keyframe): Promise<RawFrame> {
    if (keyframe.codec !== this.codec || this.failure) this.close(); // a dead decoder is replaced at once
    const child = this.child ?? this.spawn(keyframe.codec);
    const unit = Buffer.concat([asStandalone(keyframe), DELIMITER[keyframe.codec]]);
    const deadline = Date.now() + (this.options.timeoutMs ?? 5_000);
    try {
      if (this.delay === undefined) return parsePpm(await this.learnDelay(child, unit));
      const copies = this.delay + 1;
      child.stdin.write(Buffer.concat(Array.from({ length: copies }, () => unit)));
      // All but the last frame out are older pictures: drop them, and unread ones unjoined.
      const queued = Math.min(this.frames.length, copies - 1);
      this.frames.splice(0, queued);
      this.splitter.skip = copies - 1 - queued;
      return parsePpm(await this.nextFrame(deadline));
    } catch (error) {
      this.close(); // a decoder out of step would hand out old pictures: start afresh
      throw error;
    }
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  close(): void {
    this.child?.stdin.end();
    this.child?.kill('SIGKILL');
    this.child = undefined;
    this.delay = undefined;
    this.splitter = new PpmSplitter();
    this.frames = [];
    this.failure = new Error('the decoder was closed');
    this.wake?.();
  }

  private async learnDelay(child: ChildProcessWithoutNullStreams, unit: Buffer): Promise<Buffer> {
    for (let copies = 1; copies <= MAX_COPIES; copies++) {
      child.stdin.write(unit);
      // The first wait also covers ffmpeg's start; a late picture only makes the guess high.
      const frame = await this.nextFrame(Date.now() + (copies === 1 ? FIRST_PICTURE_MS : PROBE_MS)).catch(() => undefined);
      if (frame) {
        this.delay = copies - 1;
        return frame;
      }
      if (this.failure) break;
    }
    throw this.failure ?? new Error(`the decoder gave no picture (${this.stderr.trim().split('\n').at(-1) ?? 'no message'})`);
  }

  private async nextFrame(deadline: number): Promise<Buffer> {
    while (this.frames.length === 0) {
      if (this.failure) throw this.failure;
      const wait = deadline - Date.now();
      if (wait <= 0) throw new Error('the decoder timed out');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => (clearTimeout(timer), resolve());
      });
      this.wake = undefined;
    }
    return this.frames.shift()!;
  }

  private spawn(codec: VideoCodec): ChildProcessWithoutNullStreams {
    const [command, argv] = withParentDeathSignal(this.ffmpegPath, buildDecoderArgs(codec, this.options.maxWidth));
    const child = spawn(command, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    this.codec = codec;
    this.failure = undefined;
    this.stderr = '';
    child.stdin.on('error', () => {}); // a dead decoder shows up as `failure` instead
    child.stderr.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-2000)));
    child.stdout.on('data', (chunk: Buffer) => this.collect(child, chunk));
    child.on('error', (error) => this.fail(child, new Error(`could not start ffmpeg: ${error.message}`)));
    child.on('close', (code, signal) => this.fail(child, new Error(`the decoder exited (${signal ?? `code ${code}`}): ${this.stderr.trim().split('\n').at(-1) ?? ''}`)));
    return child;
  }

  private collect(child: ChildProcessWithoutNullStreams, chunk: Buffer): void {
    if (child !== this.child) return;
    try {
      this.frames.push(...this.splitter.push(chunk));
    } catch (error) {
      this.fail(child, error as Error);
    }
    this.wake?.();
  }

  private fail(child: ChildProcessWithoutNullStreams, error: Error): void {
    if (child !== this.child) return;
    this.failure = error;
    this.wake?.();
  }
}
