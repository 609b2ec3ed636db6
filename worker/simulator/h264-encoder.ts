import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { AccessUnit } from '../../lib/h264/access-units.ts';
import { buildEncoderArgs, FRAME_RATE, type EncoderSettings } from './build-encoder-args.ts';
import { FlvReader, type FlvVideoFrame } from './flv-reader.ts';

// index: decode order; pts: the encoder's presentation time in 90 kHz units (display order
// with B-frames), snapped to the frame grid (FLV carries milliseconds).
export type EncodedFrame = AccessUnit & { index: number; pts: number };
export type EncoderExit = { code: number | null; signal: NodeJS.Signals | null };
type FrameListener = (frame: EncodedFrame) => void;

const KILL_AFTER_MS = 2000;

// The single ffmpeg that every client of every server shares. Its stdout (FLV) is read
// into frames with the encoder's timestamps; the latest SPS/PPS are kept for DESCRIBE.
export class H264Encoder {
  sps: Buffer | undefined;
  pps: Buffer | undefined;
  frames = 0;
  readonly exited: Promise<EncoderExit>;
  readonly firstKeyframe: Promise<void>;
  private readonly child: ChildProcessByStdio<null, Readable, Readable>;
  private readonly listeners = new Set<FrameListener>();
  private readonly reader = new FlvReader();
  private readonly frameRate: number;
  private stderrTail: string[] = [];
  private running = true;
  private markKeyframe: () => void = () => {};

  constructor(ffmpegPath: string, settings: EncoderSettings) {
    this.frameRate = settings.frameRate ?? FRAME_RATE;
    // ffmpeg ignores EOF on stdin, but dies on EPIPE the next time it writes a frame (every
    // 40 ms) if this process is killed. The exit hook covers the ordinary ways out. Its own
    // process group keeps a terminal's Ctrl-C away from it: stop() ends it, in order.
    this.child = spawn(ffmpegPath, buildEncoderArgs(settings), { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const killOnExit = () => this.child.kill('SIGKILL');
    process.on('exit', killOnExit);
    let failStart: (error: Error) => void = () => {};
    this.firstKeyframe = new Promise((resolve, reject) => {
      this.markKeyframe = resolve;
      failStart = reject;
    });
    this.firstKeyframe.catch(() => {}); // nobody may be waiting yet
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => this.stderrTail.push(error.message));
      this.child.on('close', (code, signal) => {
        this.running = false;
        process.off('exit', killOnExit);
        // Without this, a DESCRIBE would wait forever for an encoder that never started.
        failStart(new Error(`encoder exited (code ${code}, signal ${signal}) before its first keyframe: ${this.stderrTail.join(' | ') || 'no output'}`));
        resolve({ code, signal });
      });
    });
    this.child.stdout.on('data', (chunk: Buffer) => {
      for (const frame of this.reader.push(chunk)) this.publishFrame(frame);
    });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail = [...this.stderrTail, ...chunk.toString().split('\n').filter(Boolean)].slice(-20);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get isRunning(): boolean {
    return this.running;
  }

  get lastErrors(): string[] {
    return this.stderrTail;
  }

  onFrame(listener: FrameListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<EncoderExit> {
    if (this.running) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), KILL_AFTER_MS);
      await this.exited;
      clearTimeout(timer);
    }
    return this.exited;
  }

  private publishFrame(frame: FlvVideoFrame): void {
    this.sps = this.reader.parameterSets?.sps;
    this.pps = this.reader.parameterSets?.pps;
    const slot = Math.round((frame.ptsMs * this.frameRate) / 1000);
    const encoded = { nals: frame.nals, keyframe: frame.keyframe, index: this.frames++, pts: Math.round((slot * 90_000) / this.frameRate) };
    if (frame.keyframe && this.sps && this.pps) this.markKeyframe();
    for (const listener of this.listeners) listener(encoded);
  }
}
