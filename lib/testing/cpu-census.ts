import { readdirSync, readFileSync } from 'node:fs';
import { readCpuTicks, TICKS_PER_SECOND } from '../proc-stat.ts';

// Who used the CPU between two snapshots, for benches on a shared machine: named process trees
// (a pid and every live descendant, so a worker's ffmpeg counts with it) and the whole machine
// from /proc/stat, whose rest is everything else running (other jobs, the bench itself).
export type CpuSnapshot = { at: number; machine: number; trees: Map<string, Map<number, number>> };
export type CpuCensus = { seconds: number; machine: number; trees: Record<string, number>; rest: number };

function parentsByPid(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

// CPU ticks used so far by each process of the tree rooted at `root`, by pid.
export function treeTicks(root: number, children = parentsByPid()): Map<number, number> {
  const ticks = new Map<number, number>();
  const visit = (pid: number) => {
    try {
      ticks.set(pid, readCpuTicks(pid).self);
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return ticks;
}

// Busy ticks of all CPUs together (everything but idle and iowait).
export function machineBusyTicks(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return fields.reduce((sum, n) => sum + n, 0) - fields[3]! - fields[4]!;
}

export function takeCpuSnapshot(roots: Record<string, number>): CpuSnapshot {
  const children = parentsByPid();
  return { at: performance.now(), machine: machineBusyTicks(), trees: new Map(Object.entries(roots).map(([name, pid]) => [name, treeTicks(pid, children)])) };
}

// CPU seconds per tree between the snapshots, plus `measured` ones (a process's own account of
// itself, say). A process that started in between counts from zero; one that ended in between
// is missed (its ticks moved to a parent's children totals).
export function compareCpuSnapshots(before: CpuSnapshot, after: CpuSnapshot, measured: Record<string, number> = {}): CpuCensus {
  const trees: Record<string, number> = {};
  for (const [name, now] of after.trees) {
    const then = before.trees.get(name) ?? new Map<number, number>();
    let ticks = 0;
    for (const [pid, used] of now) ticks += used - (then.get(pid) ?? 0);
    trees[name] = ticks / TICKS_PER_SECOND;
  }
  Object.assign(trees, measured);
  const machine = (after.machine - before.machine) / TICKS_PER_SECOND;
  const named = Object.values(trees).reduce((sum, n) => sum + n, 0);
  return { seconds: (after.at - before.at) / 1000, machine, trees, rest: Math.max(0, machine - named) };
}

// "site 0.93 cores, worker 0.41 cores, …" over the census's wall-clock time.
export function formatCpuCensus(census: CpuCensus): string {
  const cores = (cpu: number) => `${(cpu / census.seconds).toFixed(2)}`;
  return [...Object.entries(census.trees).map(([name, cpu]) => `${name} ${cores(cpu)}`), `everything else ${cores(census.rest)}`].join(', ') + ' cores';
}
