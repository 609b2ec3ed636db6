import { readFileSync } from 'node:fs';

// One reader of Linux /proc/<pid>/stat and /status, for the worker's metrics and the benches.
// CPU times are in clock ticks (USER_HZ, 100 per second on Linux).
export const TICKS_PER_SECOND = 100;

export type CpuTicks = { self: number; children: number };

export function readCpuTicks(pid: number | 'self'): CpuTicks {
  // After "pid (comm) " — comm may hold spaces, so split after its closing parenthesis —
  // state is field 3, utime 14, stime 15, cutime 16, cstime 17.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return { self: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
}

export function readRssBytes(pid: number | 'self'): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}
