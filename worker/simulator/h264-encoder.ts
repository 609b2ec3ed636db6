import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { AccessUnitGrouper, type AccessUnit } from '../../lib/h264/access-units.ts';
import { buildEncoderArgs, type EncoderSettings } from './build-encoder-args.ts';
import { getNalType, NAL_TYPE, NalSplitter } from '../../lib/h264/annex-b.ts';

export type EncodedFrame = AccessUnit & { index: number };
export type EncoderExit = { code: number | null; signal: NodeJS.Signals | null };
type FrameListener = (frame: EncodedFrame) => void;

const KILL_AFTER_MS = 2000;

// The single ffmpeg that every client of every server shares. Its stdout is cut into
// NAL units and grouped into frames; the latest SPS/PPS are kept for DESCRIBE.
export class H264Encoder {
  sps: Buffer | undefined;
  pps: Buffer | undefined;
  frames = 0;
  readonly exited: Promise<EncoderExit>;
  readonly firstKeyframe: Promise<void>;
  private readonly child: ChildProcessByStdio<null, Readable, Readable>;
  private readonly listeners = new Set<FrameListener>();
  private readonly splitter = new NalSplitter();
  private readonly grouper = new AccessUnitGrouper();
  private stderrTail: string[] = [];
  private running = true;
  private markKeyframe: () => void = () => {};

  constructor(ffmpegPath: string, settings: EncoderSettings) {
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
    this.child.stdout.on('data', (chunk: Buffer) => this.pushNals(this.splitter.push(chunk)));
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

  private pushNals(nals: Buffer[]): void {
    for (const nal of nals) {
      const type = getNalType(nal);
      if (type === NAL_TYPE.sps) this.sps = nal;
      if (type === NAL_TYPE.pps) this.pps = nal;
      const frame = this.grouper.push(nal);
      if (frame) this.publishFrame(frame);
    }
  }

  private publishFrame(frame: AccessUnit): void {
    const encoded = { ...frame, index: this.frames++ };
    if (frame.keyframe && this.sps && this.pps) this.markKeyframe();
    for (const listener of this.listeners) listener(encoded);
  }
}
