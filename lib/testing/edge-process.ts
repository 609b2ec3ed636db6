import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withParentDeathSignal } from '../../worker/ingest/ffmpeg-process.ts';
import { waitFor } from './wait-for.ts';
import { exited } from './worker-process.ts';

export const EDGE_CONFIG = 'deploy/nginx/lookout-edge.conf';
export const NGINX = '/usr/sbin/nginx';

export type EdgeAddresses = { listen: string; site: string; origin: string; cacheDir: string; edgeLog?: { port: number; key: string } };

// The shipped edge config with its four site-specific values replaced. Each default must occur
// exactly once, so a test can never run against a config that drifted from the shipped one.
export function renderEdgeConfig(template: string, to: EdgeAddresses): string {
  const replacements: [string, string][] = [
    ['listen 80;', `listen ${to.listen};`],
    ['server 127.0.0.1:3000;', `server ${to.site};`],
    ['server 127.0.0.1:3100;', `server ${to.origin};`],
    ['proxy_cache_path /var/cache/nginx/lookout ', `proxy_cache_path ${to.cacheDir} `],
  ];
  if (to.edgeLog) {
    replacements.push(['syslog:server=127.0.0.1:5140,', `syslog:server=127.0.0.1:${to.edgeLog.port},`], ['"k":"change-this-edge-log-key"', `"k":"${to.edgeLog.key}"`]);
  }
  let config = template;
  for (const [from, value] of replacements) {
    const count = config.split(from).length - 1;
    if (count !== 1) throw new Error(`${EDGE_CONFIG}: expected "${from}" once, found it ${count} times`);
    config = config.replace(from, value);
  }
  return config;
}

export type Edge = { url: string; dir: string; process: ChildProcess; stop: () => Promise<void> };

// A real nginx on 127.0.0.1 serving the shipped edge config, with everything it writes in `dir`.
export async function startEdge(dir: string, addresses: Omit<EdgeAddresses, 'listen' | 'cacheDir'> & { port: number }): Promise<Edge> {
  for (const sub of ['cache', 'temp']) mkdirSync(join(dir, sub), { recursive: true });
  const listen = `127.0.0.1:${addresses.port}`;
  writeFileSync(join(dir, 'lookout-edge.conf'), renderEdgeConfig(readFileSync(EDGE_CONFIG, 'utf8'), { ...addresses, listen, cacheDir: join(dir, 'cache') }));
  const temp = (name: string) => `${name}_temp_path ${join(dir, 'temp', name)};`;
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      process.getuid?.() === 0 ? 'user root;' : '', // workers must write the cache in `dir`
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'worker_processes 2;',
      'events { worker_connections 1024; }',
      `http { include /etc/nginx/mime.types; access_log ${join(dir, 'access.log')}; ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join(' ')} include ${join(dir, 'lookout-edge.conf')}; }`,
    ].join('\n'),
  );
  const args = ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'];
  // TERM if the test runner dies: the master then takes its workers down too (KILL would orphan them).
  const child = spawn(...withParentDeathSignal(NGINX, args, 'TERM'), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://${listen}`;
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr.trim()}`);
    return (await fetch(`${url}/hls/`).catch(() => null)) !== null;
  }, { timeoutMs: 10_000, what: 'nginx to listen' });
  return {
    url,
    dir,
    process: child,
    stop: async () => {
      child.kill('SIGQUIT'); // graceful: finish the requests in flight
      await exited(child);
    },
  };
}
