// CPU (% of one core) and RSS of a worker and its ffmpeg children while it ingests one
// camera: for scripts/bench-ingest.ts and scripts/bench-ingest-cameras.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '../lib/db/migrate.ts';
import { readCpuTicks, readRssBytes, TICKS_PER_SECOND as TICKS } from '../lib/proc-stat.ts';
import { waitFor } from '../lib/testing/wait-for.ts';
import { exited, freePort } from '../lib/testing/child-process.ts';
import { spawnWorker } from '../worker/testing/worker-process.ts';

const cpuTicks = readCpuTicks;
const rssMb = (pid: number) => Math.round(readRssBytes(pid) / 1024 / 1024);

function ffmpegChildren(parent: number): number[] {
  const out = spawnSync('pgrep', ['-P', String(parent), 'ffmpeg'], { encoding: 'utf8' }).stdout.trim();
  return out ? out.split('\n').map(Number) : [];
}

// The ingest ffmpeg, not the snapshot decoder the worker also keeps running.
function ffmpegChild(parent: number): number | undefined {
  return ffmpegChildren(parent).find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('-segment_list'));
}

// CPU ticks of the other long-lived ffmpeg children (the snapshot decoder), by pid.
function otherFfmpegTicks(parent: number, ingest: number): Map<number, number> {
  return new Map(ffmpegChildren(parent).filter((pid) => pid !== ingest).map((pid) => [pid, cpuTicks(pid).self]));
}

export type CpuRow = { line: string; totalPct: number };

// One worker with one camera (`source`), measured for `seconds` once it publishes.
export async function measureWorkerCpu({ label, source, integrity, seconds }: { label: string; source: string; integrity?: string; seconds: number }): Promise<CpuRow> {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-bench-'));
  const db = join(dir, 'lookout.db');
  applyMigrations(db, 'prisma/migrations');
  writeFileSync(join(dir, 'cameras.json'), JSON.stringify({ cameras: [{ id: 'bench', name: 'Bench', source, integrity }] }));
  const port = await freePort();
  const { child } = spawnWorker({ LOOKOUT_DATA_DIR: join(dir, 'data'), ORIGIN_PORT: String(port), DATABASE_URL: `file:${db}`, LOOKOUT_CONFIG: join(dir, 'cameras.json') }, ['.build/worker.mjs']);
  const worker = child.pid!;
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/hls/bench/index.m3u8`).catch(() => null))?.ok, { timeoutMs: 30_000, what: 'first segment' });
    const ffmpeg = await waitFor(() => ffmpegChild(worker), { what: 'ingest ffmpeg' });
    const w0 = cpuTicks(worker);
    const f0 = cpuTicks(ffmpeg);
    const o0 = otherFfmpegTicks(worker, ffmpeg);
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const elapsed = (Date.now() - t0) / 1000;
    const w1 = cpuTicks(worker);
    const f1 = cpuTicks(ffmpeg);
    const other = [...otherFfmpegTicks(worker, ffmpeg)].reduce((sum, [pid, ticks]) => sum + ticks - (o0.get(pid) ?? 0), 0);
    const pct = (ticks: number) => ((ticks / TICKS / elapsed) * 100).toFixed(1).padStart(5);
    const workerSelf = w1.self - w0.self;
    const checks = w1.children - w0.children; // integrity-check ffmpegs, reaped by the worker
    const ingest = f1.self - f0.self;
    const total = ingest + checks + workerSelf + other;
    const line = `${label} | ingest ffmpeg ${pct(ingest)} % | checks ${pct(checks)} % | worker node ${pct(workerSelf)} % | snapshot ffmpeg ${pct(other)} % | total ${pct(total)} % | RSS worker ${rssMb(worker)} MB, ffmpeg ${rssMb(ffmpeg)} MB`;
    return { line, totalPct: (total / TICKS / elapsed) * 100 };
  } finally {
    child.kill('SIGTERM');
    await exited(child);
  }
}

