import { spawn, type ChildProcess } from 'node:child_process';
import { workerEnv } from '../../lib/worker-env.ts';
import { withParentDeathSignal } from '../ingest/ffmpeg-process.ts';

// The real worker entry point as its own process: from source by default, or the
// bundle `npm start` runs (`.build/worker.mjs`) when measuring.
export function spawnWorker(env: Record<string, string>, entry: string[] = ['--import', 'tsx', 'worker/index.ts']): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(...withParentDeathSignal(process.execPath, entry), { env: workerEnv({ ...process.env, ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}
