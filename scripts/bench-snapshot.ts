// npm run bench:snapshot — what preview.jpg costs: CPU (% of one core) per camera at the
// default 10 s interval for 720p and 1080p input (keyframe decode in the long-lived ffmpeg
// + sharp, overlay on, files saved), time per sharp pass, the one-off ffmpeg per grab it
// replaces, and requests/s for /preview.jpg from the origin on loopback, loaded from another
// process (lib/testing/http-load.ts, and wrk when installed; autocannon decodes every JPEG
// body to a string and measured itself). Prints figures; asserts nothing. `-- 20`: passes.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig } from '../lib/config/load-config.ts';
import type { LoadResult } from '../lib/testing/http-load.ts';
import { createLogger } from '../lib/log.ts';
import { readCpuTicks } from '../lib/proc-stat.ts';
import { waitFor } from '../lib/testing/wait-for.ts';
import { createOriginServer } from '../worker/origin/server.ts';
import { Publisher } from '../worker/publisher/publisher.ts';
import { KeyframeDecoder } from '../worker/snapshot/keyframe-decoder.ts';
import { parsePpm } from '../worker/snapshot/parse-ppm.ts';
import { readKeyframe } from '../worker/snapshot/read-keyframe.ts';
import { createSnapshot, renderSnapshot } from '../worker/snapshot/render-snapshot.ts';
import { SnapshotJob } from '../worker/snapshot/snapshot-job.ts';
import { saveSnapshot } from '../worker/snapshot/snapshot-store.ts';

const PASSES = Number(process.argv[2] ?? 12);
const INTERVAL_S = 10;
const TICK_MS = 10; // USER_HZ = 100
const cache = resolve('data/bench');
const scratch = mkdtempSync(join(tmpdir(), 'lookout-bench-snap-'));
const camera = parseConfig({ cameras: [{ id: 'bench', name: 'Bench', source: 'test:', timezone: 'Europe/Zurich', snapshot: { overlay: true } }] }).cameras[0]!;

// Ten 2 s segments of a camera-like stream (4 Mbps, a keyframe a second), cut like the ingest does.
function segments(size: string, bframes: number): string[] {
  const dir = join(cache, `snapshot-${size}-bf${bframes}`);
  if (!existsSync(join(dir, 'seg-9.ts'))) {
    console.log(`making ${size} segments…`);
    mkdirSync(dir, { recursive: true });
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=25`, '-t', '20', '-c:v', 'libx264', '-preset', 'veryfast', '-bf', String(bframes), '-g', '25', '-b:v', '4M', '-maxrate', '4M', '-bufsize', '8M', '-pix_fmt', 'yuv420p', '-f', 'segment', '-segment_time', '2', '-segment_format', 'mpegts', '-y', join(dir, 'seg-%d.ts')]);
  }
  return Array.from({ length: 10 }, (_, i) => join(dir, `seg-${i}.ts`));
}

function ticks(pid: number | 'self', children = false): number {
  const cpu = readCpuTicks(pid);
  return children ? cpu.children : cpu.self;
}

const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const run = (command: string, args: string[]) => new Promise<string>((done, fail) => execFile(command, args, { maxBuffer: 16 << 20 }, (error, stdout) => (error ? fail(error) : done(stdout))));
const hasWrk = spawnSync('wrk', ['--version']).error === undefined;
const pct = (msPerGrab: number) => `${((msPerGrab / (INTERVAL_S * 1000)) * 100).toFixed(2)} %`;

async function measureGrabs(size: string, bframes: number): Promise<string> {
  const files = segments(size, bframes);
  const decoder = new KeyframeDecoder('ffmpeg', { maxWidth: 1280 }); // as the job sets it up
  const pass = async (file: string) => {
    const frame = await decoder.decode(readKeyframe(await readFile(file)));
    const started = { cpu: process.cpuUsage(), at: performance.now() };
    const images = await renderSnapshot(frame, { width: 1280, quality: 80, label: { text: `Bench · 24 Nov 2025 14:0${files.indexOf(file)}`, position: 'bottom-left' } });
    const sharpPass = { cpu: cpuMs(started.cpu), wall: performance.now() - started.at };
    await saveSnapshot(scratch, createSnapshot(images, Date.now()));
    return sharpPass;
  };
  await pass(files[0]!); // starts the decoder and learns its delay
  const pid = decoder.pid!;
  const ffmpeg0 = ticks(pid);
  const node0 = process.cpuUsage();
  const sharpPasses = [];
  for (let i = 0; i < PASSES; i++) sharpPasses.push(await pass(files[i % files.length]!));
  const nodeMs = cpuMs(node0) / PASSES;
  const ffmpegMs = ((ticks(pid) - ffmpeg0) * TICK_MS) / PASSES;
  decoder.close();
  const sharpCpu = sharpPasses.reduce((sum, p) => sum + p.cpu, 0) / PASSES;
  const sharpWall = sharpPasses.reduce((sum, p) => sum + p.wall, 0) / PASSES;

  // The alternative: a fresh ffmpeg per grab (its CPU shows in our reaped-children time).
  const children0 = ticks('self', true);
  for (let i = 0; i < PASSES; i++) parsePpm(execFileSync('ffmpeg', ['-v', 'error', '-threads', '1', '-skip_frame', 'nokey', '-i', files[i % files.length]!, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'ppm', 'pipe:1'], { maxBuffer: 64 << 20 }));
  const oneOffMs = ((ticks('self', true) - children0) * TICK_MS) / PASSES;

  const total = nodeMs + ffmpegMs;
  const label = `${size}${bframes ? ' B-frames' : ''}`.padEnd(19);
  return `${label}| ${pct(total).padStart(7)} per camera (${total.toFixed(0)} ms/grab: decoder ${ffmpegMs.toFixed(0)}, node+sharp ${nodeMs.toFixed(0)}) | sharp pass ${sharpWall.toFixed(0)} ms wall, ${sharpCpu.toFixed(0)} ms CPU | one-off ffmpeg per grab instead: ${oneOffMs.toFixed(0)} ms → ${pct(oneOffMs + nodeMs)}`;
}

async function measureRequests(): Promise<string[]> {
  const publisher = await Publisher.open({ dir: join(scratch, 'hls', 'bench'), stateFile: join(scratch, 'state.json'), targetDuration: 2 });
  const staged = join(scratch, 'run-000000.ts');
  copyFileSync(segments('1280x720', 0)[0]!, staged);
  await publisher.publish(staged, 2);
  // An hour's interval keeps this one image fresh (no offline band, one ETag) for the whole run.
  const job = await SnapshotJob.open({ ...camera, snapshot: { ...camera.snapshot, intervalSeconds: 3600 } }, { ffmpegPath: 'ffmpeg', publisher, dir: join(scratch, 'snapshots'), log: createLogger('bench') });
  job.start();
  const origin = createOriginServer({ hlsRoot: join(scratch, 'hls'), cameraIds: ['bench'], status: () => ({ generatedAt: '', cameras: [] }), snapshots: { defaultCameraId: 'bench', jobs: new Map([['bench', { job, intervalSeconds: INTERVAL_S, width: 1280 }]]) }, log: createLogger('bench') });
  await new Promise<void>((done) => origin.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/preview.jpg`;
  const etag = await waitFor(async () => (await fetch(url)).headers.get('etag'), { what: 'the first image' });
  const size = (await (await fetch(url)).arrayBuffer()).byteLength;
  const lines = [];
  for (const [what, header] of [[`GET 200 (${Math.round(size / 1024)} KB JPEG)`, ''], ['GET 304 (If-None-Match)', `If-None-Match: ${etag}`]] as const) {
    const lean = JSON.parse(await run('node_modules/.bin/tsx', ['lib/testing/http-load.ts', url, '50', '10', ...(header ? [header] : [])])) as LoadResult;
    let line = `${what.padEnd(24)}| ${Math.round(lean.perSecond).toLocaleString('en')} req/s (statuses ${JSON.stringify(lean.statuses)}, errors ${lean.errors})`;
    if (hasWrk) line += ` | wrk: ${/Requests\/sec:\s*([\d.]+)/.exec(await run('wrk', ['-t1', '-c50', '-d10s', ...(header ? ['-H', header] : []), url]))?.[1] ?? '?'} req/s`;
    lines.push(line);
  }
  job.stop();
  origin.closeAllConnections();
  origin.close();
  return lines;
}

console.log(`bench:snapshot — ${PASSES} grabs per size, overlay on, 1280 + 640 + 320 wide, mozjpeg q80; CPU as % of one core at one grab per ${INTERVAL_S} s (target ≤ 2 %)`);
// CPU time per grab grows when other work shares the cores; the load says how much did.
console.log(`load average at start: ${loadavg().map((n) => n.toFixed(1)).join(' ')}\n`);
for (const [size, bframes] of [['1280x720', 0], ['1920x1080', 0], ['1920x1080', 3]] as const) console.log(await measureGrabs(size, bframes));
console.log('\n/preview.jpg from the origin on loopback, 50 keep-alive connections, 10 s, load from another process (target ≥ 5,000 req/s)\n');
for (const line of await measureRequests()) console.log(line);
