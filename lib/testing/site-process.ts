import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '../db/migrate.ts';
import { buildSite } from './site-alone-process.ts';
import { waitFor } from './wait-for.ts';
import { exited, freePort } from './child-process.ts';

export type Site = { url: string; port: number; pid: number; output: () => string; openDescriptors: () => number; stop: () => Promise<void> };

// The production site server (.build/site.mjs: Next behind lib/site-server/site-server.ts), built first
// if stale, on a free port with its own database and cameras file, in front of `originUrl`.
export async function startSite(originUrl: string, cameras: unknown, env: Record<string, string> = {}): Promise<Site> {
  buildSite();
  const dir = mkdtempSync(join(tmpdir(), 'lookout-site-'));
  applyMigrations(join(dir, 'lookout.db'), 'prisma/migrations');
  writeFileSync(join(dir, 'cameras.json'), JSON.stringify(cameras));
  const port = await freePort();
  const child = spawn(process.execPath, ['.build/site.mjs'], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), ORIGIN_URL: originUrl, DATABASE_URL: `file:${join(dir, 'lookout.db')}`, LOOKOUT_CONFIG: join(dir, 'cameras.json'), LOOKOUT_DATA_DIR: join(dir, 'data'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGTERM');
    await exited(child);
  };
  try {
    await waitFor(async () => (await fetch(`${url}/api/health`).catch(() => null)) !== null, { timeoutMs: 60_000, what: 'the site to listen' });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return { url, port, pid: child.pid!, output: () => output, openDescriptors: () => readdirSync(`/proc/${child.pid}/fd`).length, stop };
}
