import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited } from '../../lib/testing/child-process.ts';

export type OriginRig = {
  url: string;
  root: string;
  pid: number;
  publish: () => Promise<number>;
  stats: () => Promise<{ urls: string[]; connections: number }>;
  openSegmentFiles: () => number;
  stop: () => Promise<void>;
};

// Starts worker/testing/origin-rig.ts; resolves once it listens (three segments published).
export async function startOriginRig({ targetSeconds = 4, maxHeldReloads = 1000, segmentBytes = 4 * 1024 * 1024 } = {}): Promise<OriginRig> {
  const root = mkdtempSync(join(tmpdir(), 'lookout-origin-rig-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'worker/testing/origin-rig.ts', root, String(targetSeconds), String(maxHeldReloads), String(segmentBytes)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const call = <T>(type: string, reply: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== reply) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      if (type) child.send({ type });
    });
  const { port } = await call<{ port: number }>('', 'ready');
  return {
    url: `http://127.0.0.1:${port}`,
    root,
    pid: child.pid!,
    publish: async () => (await call<{ sequence: number }>('publish', 'published')).sequence,
    stats: () => call('stats', 'stats'),
    openSegmentFiles: () => openFilesUnder(child.pid!, join(root, 'hls')),
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

// File descriptors of `pid` open on a file under `dir`, from /proc.
export function openFilesUnder(pid: number, dir: string): number {
  let count = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(dir)) count++;
    } catch {
      // closed meanwhile
    }
  }
  return count;
}
