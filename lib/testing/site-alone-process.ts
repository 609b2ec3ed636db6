import { spawn, spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './wait-for.ts';
import { exited, freePort } from './child-process.ts';

export type Site = { url: string; port: number; stop: (signal?: NodeJS.Signals) => Promise<number | null> };

export function buildSite(): void {
  const built = spawnSync('bash', ['-c', 'source scripts/system-deps.sh && ensure_site_build'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the site failed');
}

// The built site server alone (no worker), as `npm start` runs it, on a free port, its output
// appended to `<dir>/site.log`. Ready once /api/beacon answers.
export async function startSite(dir: string, env: Record<string, string>): Promise<Site> {
  const port = await freePort();
  const log = openSync(join(dir, 'site.log'), 'a');
  const child = spawn(process.execPath, ['.build/site.mjs'], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', PORT: String(port), LOOKOUT_DATA_DIR: join(dir, 'data'), DATABASE_URL: `file:${join(dir, 'lookout.db')}`, ...env },
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null) return child.exitCode;
    child.kill(signal);
    return exited(child);
  };
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`site exited with ${child.exitCode}; see ${join(dir, 'site.log')}`);
    return (await fetch(`${url}/api/beacon`).catch(() => null))?.status === 405;
  }, { timeoutMs: 60_000, what: 'the site to answer' });
  return { url, port, stop };
}
