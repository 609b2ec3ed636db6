import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, freePort } from './child-process.ts';

// A throwaway PostgreSQL cluster for tests: initdb in a temp directory, the server on 127.0.0.1
// and a free port, durability switched off (the data dies with the test run anyway).
export type PostgresCluster = { url: (database?: string) => string; port: number; stop: () => Promise<void> };

const PG_ROOT = '/usr/lib/postgresql';
const USER = 'lookout';

export function findPostgresBin(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(PG_ROOT, versions[0], 'bin');
}

// initdb and postgres refuse to run as root: as root they run as the `postgres` user Debian's
// package creates. setpriv (not runuser) execs in place, so the parent-death signal reaches postgres.
function asServerUser(command: string, args: string[]): [string, string[]] {
  const pdeath = ['--pdeathsig', 'SIGINT'];
  if (process.getuid?.() !== 0) return ['setpriv', [...pdeath, '--', command, ...args]];
  return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--clear-groups', ...pdeath, '--', command, ...args]];
}

function serverUserIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const ids = { uid: id('-u'), gid: id('-g') };
  if (!Number.isInteger(ids.uid) || ids.uid <= 0) throw new Error('running as root, but there is no "postgres" user to run PostgreSQL as');
  return ids;
}

function waitUntilReady(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (output().includes('database system is ready to accept connections')) done(resolve);
    };
    const onExit = (code: number | null) => done(() => reject(new Error(`postgres exited (${code}) before it was ready:\n${output()}`)));
    const done = (then: () => void) => {
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
      then();
    };
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(`PostgreSQL is not installed (no ${PG_ROOT}/<version>/bin/initdb): apt-get install postgresql`);
  const dir = mkdtempSync(join(tmpdir(), 'lookout-pg-'));
  const ids = serverUserIds();
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const data = join(dir, 'data');
  const [initCmd, initArgs] = asServerUser(join(bin, 'initdb'), ['-D', data, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8', cwd: dir });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status}): ${init.stderr || init.error?.message}`);
  }
  const port = await freePort();
  const settings = { listen_addresses: '127.0.0.1', port: String(port), unix_socket_directories: dir, fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' };
  const [cmd, args] = asServerUser(join(bin, 'postgres'), ['-D', data, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])]);
  const child = spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const stop = async () => {
    child.kill('SIGINT'); // fast shutdown: disconnects clients, no waiting for them
    await exited(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, stop, url: (database = 'postgres') => `postgresql://${USER}@127.0.0.1:${port}/${database}` };
}
