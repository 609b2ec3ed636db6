import { spawn, type ChildProcess } from 'node:child_process';

// Test helper: ffmpeg as the camera's client, copying what it receives to an MPEG-TS file.
export type ClientExit = { code: number | null; signal: NodeJS.Signals | null; stderr: string[]; at: number };
export type ClientRun = { exited: Promise<ClientExit>; startedAt: number };

const running = new Set<ChildProcess>();
const HARD_LIMIT_MS = 40_000; // a hung client must not hang the suite

export function rtspInput(url: string, extra: string[] = []): string[] {
  return [...extra, '-rtsp_transport', 'tcp', '-i', url];
}

// Raw H.264 has no timestamps, so ffmpeg's default probe waits ~5 s of stream; 1 s is plenty.
export function tcpInput(url: string, extra: string[] = []): string[] {
  return [...extra, '-analyzeduration', '1000000', '-f', 'h264', '-i', url];
}

export function runFfmpegClient(input: string[], outFile: string, seconds: number): ClientRun {
  const args = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'warning', '-y', ...input, '-t', String(seconds), '-c', 'copy', '-f', 'mpegts', outFile];
  const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), HARD_LIMIT_MS);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<ClientExit>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, signal, stderr: stderr.split('\n').filter(Boolean), at: Date.now() });
    });
  });
  return { exited, startedAt: Date.now() };
}

export function killFfmpegClients(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
