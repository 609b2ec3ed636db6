import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '../db/migrate.ts';
import { waitFor } from './wait-for.ts';
import { exited, freePort } from './child-process.ts';

// pid: the launcher (lib/site-server/serve.ts), parent of the site and the worker.
export type Lookout = { dir: string; port: number; originPort: number; siteUrl: string; pid: number; stop: () => Promise<void> };

// Lookout as `npm start` runs it (site + worker, the built-in test camera), built first if
// stale, on free ports with a throwaway data directory. Resolves once the camera is live.
export async function startLookout(name: string): Promise<Lookout> {
  const built = spawnSync('bash', ['-c', 'source scripts/system-deps.sh && ensure_site_build && ensure_worker_build'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the site or the worker failed');
  const dir = mkdtempSync(join(tmpdir(), `lookout-${name}-`));
  applyMigrations(join(dir, 'lookout.db'), 'prisma/migrations');
  const [port, originPort] = [await freePort(), await freePort()];
  const env = { ...process.env, PORT: String(port), ORIGIN_PORT: String(originPort), LOOKOUT_DATA_DIR: join(dir, 'data'), DATABASE_URL: `file:${join(dir, 'lookout.db')}`, LOOKOUT_CONFIG: join(dir, 'none.json') };
  const server = spawn(process.execPath, ['--import', 'tsx', 'lib/site-server/serve.ts'], { env, stdio: 'ignore' });
  const siteUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    server.kill('SIGTERM');
    await exited(server);
  };
  try {
    await waitFor(async () => (await fetch(`${siteUrl}/api/health`).catch(() => null))?.status === 200, { timeoutMs: 90_000, what: 'Lookout to be live' });
  } catch (error) {
    await stop();
    throw error;
  }
  return { dir, port, originPort, siteUrl, pid: server.pid!, stop };
}
