import type { Camera } from '../../lib/cameras.ts';
import type { Logger } from '../../lib/log.ts';
import { FfmpegProcess, type ExitKind, type FfmpegExit } from './ffmpeg-process.ts';
import type { IngestFeed } from './feed/ingest-feed.ts';
import { RtspSource } from './rtsp/rtsp-source.ts';
import { TcpSource } from './tcp-source.ts';

export type IngestRunHandlers = {
  onStdout: (line: string) => void;
  onStderr: (line: string) => void;
  onSourceHint: (hint: string) => void; // why the camera's RTSP session or TCP stream ended
};

// One ingest attempt: an ffmpeg, and for an RTSP or raw TCP camera the worker's own reader
// that feeds its stdin (FLV with the camera's timing). The two live and die together: when
// the session ends (camera gone, timeout, wrong password) ffmpeg's input ends, so it flushes
// its last segment and exits, and the supervisor's exit → restart logic runs as for any
// other camera.
export class IngestRun {
  private readonly ffmpeg: FfmpegProcess;
  private readonly source: RtspSource | TcpSource | undefined;
  readonly exited: Promise<FfmpegExit>;
  sourceEnded = false;

  constructor(camera: Camera, ffmpegPath: string, args: string[], handlers: IngestRunHandlers, log: Logger) {
    const fed = camera.kind === 'rtsp' || camera.kind === 'tcp';
    this.ffmpeg = new FfmpegProcess(ffmpegPath, args, { onStdout: handlers.onStdout, onStderr: handlers.onStderr }, fed);
    this.exited = this.ffmpeg.exited;
    if (!fed) return;
    const source = (this.source = camera.kind === 'rtsp' ? new RtspSource(camera, this.ffmpeg.stdin, log) : new TcpSource(camera, this.ffmpeg.stdin, log));
    void source.ended.then((hint) => {
      this.sourceEnded = true;
      if (hint !== 'stopped') handlers.onSourceHint(hint);
      this.ffmpeg.stdin.end();
    });
    void this.exited.then(() => source.stop());
  }

  // What the camera sends, as the worker's reader sees it (RTSP and raw TCP cameras).
  get feed(): IngestFeed | undefined {
    return this.source?.feed;
  }

  get framesMissing(): number {
    return this.source?.framesMissing ?? 0;
  }

  get sourceBytes(): number {
    return this.source?.bytesReceived ?? 0;
  }

  get pid(): number | undefined {
    return this.ffmpeg.pid;
  }

  stop(reason: ExitKind, graceMs?: number): Promise<FfmpegExit> {
    this.source?.stop();
    return this.ffmpeg.stop(reason, graceMs);
  }
}
