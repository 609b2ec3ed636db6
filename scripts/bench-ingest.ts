// npm run bench:ingest — CPU (% of one core) and RSS of worker + ffmpeg per camera for
// copy ingest of 720p25 and 1080p25 (~4 Mbps) with integrity off / keyframes / full.
// The camera is a local recording looped in real time (file://), ingested exactly like
// a camera: copy, segment, check, publish. Prints figures; asserts nothing.
// `npm run bench:ingest -- detection [N]`: how each way of checking segments fares on N
// segments that lost a chunk of bytes (see scripts/bench-ingest-detection.ts).
// `npm run bench:ingest -- lag`: how long after the closing keyframe reaches ffmpeg each
// segment is announced, old input form vs FLV with the camera clock, 720p and 1080p with
// B-frames (see worker/ingest/ingest-lag.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyMigrations } from '../lib/migrate.ts';
import { waitFor } from '../lib/testing/wait-for.ts';
import { exited, freePort } from '../lib/testing/child-process.ts';
import { spawnWorker } from '../worker/testing/worker-process.ts';
import { printDetection } from './bench-ingest-detection.ts';
import { printLag } from '../worker/ingest/ingest-lag.ts';

const DETECTION = process.argv[2] === 'detection';
const LAG = process.argv[2] === 'lag';
const SECONDS = DETECTION || LAG ? 0 : Number(process.argv[2] ?? 30);
const TICKS = 100; // USER_HZ
const cache = resolve('data/bench');
mkdirSync(cache, { recursive: true });

function sample(size: string): string {
  const file = join(cache, `sample-${size}.ts`);
  if (!existsSync(file)) {
    console.log(`making a 60 s ${size} sample at 4 Mbps…`);
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=25`, '-t', '60', '-c:v', 'libx264', '-preset', 'veryfast', '-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-b:v', '4M', '-maxrate', '4M', '-bufsize', '8M', '-pix_fmt', 'yuv420p', '-y', file]);
  }
  return file;
}

function cpuTicks(pid: number): { self: number; children: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ": state is field 3, utime 14, stime 15, cutime 16, cstime 17.
  return { self: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(match?.[1] ?? 0) / 1024);
}

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

async function measure(size: string, integrity: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-bench-'));
  const db = join(dir, 'lookout.db');
  applyMigrations(db, 'prisma/migrations');
  writeFileSync(join(dir, 'cameras.json'), JSON.stringify({ cameras: [{ id: 'bench', name: 'Bench', source: `file://${sample(size)}`, integrity }] }));
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
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const elapsed = (Date.now() - t0) / 1000;
    const w1 = cpuTicks(worker);
    const f1 = cpuTicks(ffmpeg);
    const other = [...otherFfmpegTicks(worker, ffmpeg)].reduce((sum, [pid, ticks]) => sum + ticks - (o0.get(pid) ?? 0), 0);
    const pct = (ticks: number) => ((ticks / TICKS / elapsed) * 100).toFixed(1).padStart(5);
    const workerSelf = w1.self - w0.self;
    const checks = w1.children - w0.children; // integrity-check ffmpegs, reaped by the worker
    const ingest = f1.self - f0.self;
    const total = ingest + checks + workerSelf + other;
    return `${size.padEnd(9)} ${integrity.padEnd(9)} | ingest ffmpeg ${pct(ingest)} % | checks ${pct(checks)} % | worker node ${pct(workerSelf)} % | snapshot ffmpeg ${pct(other)} % | total ${pct(total)} % | RSS worker ${rssMb(worker)} MB, ffmpeg ${rssMb(ffmpeg)} MB`;
  } finally {
    child.kill('SIGTERM');
    await exited(child);
  }
}

if (DETECTION) await printDetection(cache, Number(process.argv[3] ?? 50));
else if (LAG) await printLag(cache, mkdtempSync(join(tmpdir(), 'lookout-lag-')));
else {
  spawnSync('bash', ['-c', 'source scripts/system-deps.sh && ensure_worker_build'], { stdio: 'inherit' });
  console.log(`bench:ingest — ${SECONDS} s per run, CPU as % of one core, 2-core machine\n`);
  const [onlySize, onlyMode] = process.argv.slice(3); // e.g. `-- 60 1920x1080 full`
  for (const size of ['1280x720', '1920x1080'].filter((s) => !onlySize || s === onlySize)) {
    sample(size);
    for (const integrity of ['off', 'keyframes', 'full'].filter((m) => !onlyMode || m === onlyMode)) console.log(await measure(size, integrity));
  }
}
