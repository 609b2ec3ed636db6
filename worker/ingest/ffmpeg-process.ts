import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';

export type ExitKind = 'expected' | 'forced' | 'crashed';
export type FfmpegExit = { kind: ExitKind; code: number | null; signal: NodeJS.Signals | null };

const SETPRIV = '/usr/bin/setpriv';

// ffmpeg notices neither a closed stdin nor a broken stdout pipe, so when the worker is
// SIGKILLed it would run on. util-linux's setpriv sets the parent-death signal and then
// execs ffmpeg (same pid, same command line in `ps`): the kernel kills it with us.
export function withParentDeathSignal(command: string, args: string[], signal: 'KILL' | 'TERM' = 'KILL'): [string, string[]] {
  return existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', signal, '--', command, ...args]] : [command, args];
}

// One ffmpeg run: spawned without a shell in its own process group, stdout and stderr
// read line by line, stopped in steps (q, SIGTERM, SIGKILL). With `videoOnStdin` its stdin
// carries the camera's video (RTSP cameras): a graceful stop ends it instead of sending
// `q`, and ffmpeg, seeing the end of its input, finishes the last segment and exits.
export class FfmpegProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private stopReason: ExitKind | undefined;
  readonly exited: Promise<FfmpegExit>;

  constructor(ffmpegPath: string, args: string[], handlers: { onStdout: (line: string) => void; onStderr: (line: string) => void }, private readonly videoOnStdin = false) {
    const [command, argv] = withParentDeathSignal(ffmpegPath, args);
    this.child = spawn(command, argv, { detached: true, stdio: 'pipe' });
    this.child.stdin.on('error', () => {}); // ffmpeg may be gone before it reads `q` or the video
    createInterface({ input: this.child.stdout }).on('line', handlers.onStdout);
    createInterface({ input: this.child.stderr }).on('line', handlers.onStderr);
    this.exited = new Promise((resolve) => {
      let spawnError: Error | undefined;
      this.child.on('error', (error) => {
        spawnError = error;
        handlers.onStderr(`could not start ffmpeg: ${error.message}`);
      });
      this.child.on('close', (code, signal) => {
        const kind = this.stopReason ?? 'crashed';
        resolve({ kind: spawnError ? 'crashed' : kind, code, signal });
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get stdin(): Writable {
    return this.child.stdin;
  }

  // `expected` when the worker is shutting down, `forced` when the watchdog gave up on it.
  async stop(reason: ExitKind, graceMs = 2000): Promise<FfmpegExit> {
    this.stopReason ??= reason;
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    if (reason === 'expected') this.child.stdin.end(this.videoOnStdin ? undefined : 'q');
    else this.signal('SIGTERM');
    if (await this.exitsWithin(graceMs)) return this.exited;
    this.signal('SIGTERM');
    if (await this.exitsWithin(graceMs)) return this.exited;
    this.signal('SIGKILL');
    return this.exited;
  }

  private signal(signal: NodeJS.Signals): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal); // the whole group
    } catch {
      // already gone
    }
  }

  private async exitsWithin(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    const result = await Promise.race([this.exited.then(() => true as const), timeout]);
    clearTimeout(timer);
    return result;
  }
}
