// npm run bench:ingest — CPU (% of one core) and RSS of worker + ffmpeg per camera for
// copy ingest of 720p25 and 1080p25 (~4 Mbps) with integrity off / keyframes / full.
// The camera is a local recording looped in real time (file://), ingested exactly like
// a camera: copy, segment, check, publish. Prints figures; asserts nothing.
// `npm run bench:ingest -- detection [N]`: how each way of checking segments fares on N
// segments that lost a chunk of bytes (see scripts/bench-ingest-detection.ts).
// `npm run bench:ingest -- salvage [N]`: what keeping the clean frames of N damaged
// segments costs against the check that found the damage (scripts/bench-ingest-salvage.ts).
// `npm run bench:ingest -- lag`: how long after the closing keyframe reaches ffmpeg each
// segment is announced, old input form vs FLV with the camera clock, 720p and 1080p with
// B-frames (see worker/ingest/ingest-lag.ts).
// `npm run bench:ingest -- cameras [seconds]`: a camera's stream through the worker's own
// reader (raw TCP → IngestFeed → FLV → ffmpeg), 720p without B-frames vs 1080p with x264's
// default settings: CPU per second of video and announce lag, with ratios (see
// scripts/bench-ingest-cameras.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { printCameras } from './bench-ingest-cameras.ts';
import { measureWorkerCpu } from './bench-ingest-cpu.ts';
import { printDetection } from './bench-ingest-detection.ts';
import { printSalvage } from './bench-ingest-salvage.ts';
import { printLag } from '../worker/ingest/ingest-lag.ts';

const DETECTION = process.argv[2] === 'detection';
const LAG = process.argv[2] === 'lag';
const SALVAGE = process.argv[2] === 'salvage';
const CAMERAS = process.argv[2] === 'cameras';
const SECONDS = DETECTION || LAG || SALVAGE ? 0 : Number(process.argv[CAMERAS ? 3 : 2] ?? 30);
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

function ensureWorkerBuild(): void {
  spawnSync('bash', ['-c', 'source scripts/system-deps.sh && ensure_worker_build'], { stdio: 'inherit' });
}

if (DETECTION) await printDetection(cache, Number(process.argv[3] ?? 50));
else if (SALVAGE) await printSalvage(cache, Number(process.argv[3] ?? 50));
else if (LAG) await printLag(cache, mkdtempSync(join(tmpdir(), 'lookout-lag-')));
else if (CAMERAS) {
  ensureWorkerBuild();
  await printCameras(cache, SECONDS);
} else {
  ensureWorkerBuild();
  console.log(`bench:ingest — ${SECONDS} s per run, CPU as % of one core, 2-core machine\n`);
  const [onlySize, onlyMode] = process.argv.slice(3); // e.g. `-- 60 1920x1080 full`
  for (const size of ['1280x720', '1920x1080'].filter((s) => !onlySize || s === onlySize)) {
    sample(size);
    for (const integrity of ['off', 'keyframes', 'full'].filter((m) => !onlyMode || m === onlyMode)) {
      console.log((await measureWorkerCpu({ label: `${size.padEnd(9)} ${integrity.padEnd(9)}`, source: `file://${sample(size)}`, integrity, seconds: SECONDS })).line);
    }
  }
}
