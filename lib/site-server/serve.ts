// Runs the site and the worker side by side with prefixed output. Ctrl-C or SIGTERM stops
// both (and so every ffmpeg); if either dies, the other is stopped too.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { getEnv } from '../env.ts';
import { workerEnv } from '../worker-env.ts';

const env = getEnv();
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const children = new Map<string, ChildProcess>();
let stopping = false;

function run(name: string, command: string, args: string[], processEnv: NodeJS.ProcessEnv = childEnv): ChildProcess {
  const child = spawn(command, args, { env: processEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = `${name.padEnd(6)} | `;
  createInterface({ input: child.stdout! }).on('line', (line) => process.stdout.write(prefix + line + '\n'));
  createInterface({ input: child.stderr! }).on('line', (line) => process.stderr.write(prefix + line + '\n'));
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      process.stderr.write(`${prefix}exited (${signal ?? code}); stopping Lookout\n`);
      void stopAll(1);
    } else if (children.size === 0) process.exit(exitCode);
  });
  children.set(name, child);
  return child;
}

let exitCode = 0;
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  for (const child of children.values()) signalGroup(child, 'SIGTERM');
  if (children.size === 0) process.exit(code);
  setTimeout(() => {
    for (const child of children.values()) signalGroup(child, 'SIGKILL');
    process.exit(code || 1);
  }, 10_000).unref();
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

async function waitForSite(url: string): Promise<void> {
  for (let i = 0; i < 120 && !stopping; i++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500 || response.status === 503) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

run('worker', process.execPath, ['.build/worker.mjs'], workerEnv(childEnv)); // bundled by ensure_worker_build
run('site', process.execPath, ['.build/site.mjs'], { ...childEnv, NODE_ENV: 'production' }); // bundled by ensure_site_build
const shownHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
const siteUrl = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`;
await waitForSite(`${siteUrl}/api/health`);
// Next loads a page's server modules on its first request (~80 ms of CPU): pay that now, not
// the first visitor (a Smart TV reconnecting after a restart, say).
if (!stopping) await fetch(siteUrl, { signal: AbortSignal.timeout(10_000) }).then((r) => r.arrayBuffer()).catch(() => {});
if (!stopping) console.log(`\nLookout is running: open http://${shownHost}:${env.PORT}/  (Ctrl-C to stop)\n`);
