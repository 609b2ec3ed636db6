import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readCpuTicks, readRssBytes, TICKS_PER_SECOND } from './proc-stat.ts';

describe('proc stat', () => {
  it('counts the CPU a busy process burns, and its resident memory', async () => {
    // A process whose name holds a space and a parenthesis, as a comm field may.
    const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 400; while (Date.now() < end);'], { argv0: 'busy ) proc' });
    const reapedBefore = readCpuTicks('self').children;
    expect(readCpuTicks(child.pid!).self).toBeGreaterThanOrEqual(0);
    await new Promise((resolve) => child.once('exit', resolve));
    // Reaped, its CPU now counts among our children's (a busy 0.4 s; less on a loaded machine).
    expect((readCpuTicks('self').children - reapedBefore) / TICKS_PER_SECOND).toBeGreaterThan(0.1);
    expect(readRssBytes('self')).toBeGreaterThan(10 * 1024 * 1024);
  });
});
