import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { compareCpuSnapshots, formatCpuCensus, takeCpuSnapshot } from './cpu-census.ts';

describe('CPU census', () => {
  it('counts a busy child with the tree it belongs to, and the machine as at least that', async () => {
    // Spins ~400 ms of CPU, says so, then idles until killed: alive at the second snapshot.
    const child = spawn(process.execPath, ['-e', 'const t=Date.now();while(Date.now()-t<400);console.log("done");setInterval(()=>{},1000)'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const before = takeCpuSnapshot({ tests: process.pid, idle: 1 });
      await once(child.stdout!, 'data');
      const census = compareCpuSnapshots(before, takeCpuSnapshot({ tests: process.pid, idle: 1 }), { measured: 0.25 });
      expect(census.trees.tests).toBeGreaterThanOrEqual(0.3); // the child's spin, counted with its parent's tree
      expect(census.trees.measured).toBe(0.25);
      expect(census.machine).toBeGreaterThanOrEqual(census.trees.tests! - 0.02); // ticks are sampled per process and per CPU
      expect(formatCpuCensus({ seconds: 2, machine: 3, trees: { site: 1, worker: 0.5 }, rest: 1.5 })).toBe('site 0.50, worker 0.25, everything else 0.75 cores');
    } finally {
      child.kill();
    }
  });

  it('counts a process that started after the first snapshot from zero, and skips a vanished root', () => {
    const before = { at: 0, machine: 0, trees: new Map([['site', new Map([[10, 500]])]]) };
    const after = { at: 2000, machine: 900, trees: new Map([['site', new Map([[10, 600], [11, 50]])], ['gone', new Map<number, number>()]]) };
    expect(compareCpuSnapshots(before, after)).toEqual({ seconds: 2, machine: 9, trees: { site: 1.5, gone: 0 }, rest: 7.5 });
  });
});
