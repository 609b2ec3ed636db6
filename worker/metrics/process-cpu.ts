import { readCpuTicks, TICKS_PER_SECOND } from '../../lib/proc-stat.ts';

// CPU seconds (user + system) a process has used so far; null once it is gone.
export function readCpuSeconds(pid: number): number | null {
  try {
    return readCpuTicks(pid).self / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

// Adds up the CPU of a camera's ingest ffmpeg across restarts: each new pid starts from zero.
export class IngestCpu {
  private readonly seen = new Map<string, { pid: number; last: number; total: number }>();

  track(cameraId: string, pid: number): void {
    const entry = this.seen.get(cameraId);
    this.seen.set(cameraId, { pid, last: 0, total: entry ? this.totalSeconds(cameraId) : 0 });
  }

  totalSeconds(cameraId: string): number {
    const entry = this.seen.get(cameraId);
    if (!entry) return 0;
    const now = readCpuSeconds(entry.pid);
    if (now !== null && now >= entry.last) {
      entry.total += now - entry.last;
      entry.last = now;
    }
    return entry.total;
  }
}
