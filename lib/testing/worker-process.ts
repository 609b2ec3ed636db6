import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { workerEnv } from '../worker-env.ts';
import { withParentDeathSignal } from '../../worker/ingest/ffmpeg-process.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// The real worker entry point as its own process: from source by default, or the
// bundle `npm start` runs (`.build/worker.mjs`) when measuring.
export function spawnWorker(env: Record<string, string>, entry: string[] = ['--import', 'tsx', 'worker/index.ts']): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(...withParentDeathSignal(process.execPath, entry), { env: workerEnv({ ...process.env, ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
