import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux Lookout runs on

// CPU seconds (user + system) a process has used so far; null once it is gone.
export function readCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // After "pid (comm) " the fields start at state (3): utime is 14, stime 15.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
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
