// `npm run bench:ingest -- cameras [seconds]`: a camera stream through the worker's own raw
// TCP reader (TcpSource → IngestFeed → FLV → ffmpeg → check → publish), 720p25 without
// B-frames against 1080p25 made with x264's default settings (preset medium: 3 B-frames,
// B-pyramid, weighted P), both 2 s GOPs at 4 Mbit/s. Prints CPU per second of video for the
// worker and its ffmpegs, and the announce lag of the FLV input (worker/ingest/ingest-lag.ts),
// with ratios to the 720p case of the same run. Asserts nothing.
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessUnit } from '../lib/h264/access-units.ts';
import { joinAnnexB } from '../lib/h264/annex-b.ts';
import { measureLag, sampleUnits, type LagCase } from '../worker/ingest/ingest-lag.ts';
import { measureWorkerCpu } from './bench-ingest-cpu.ts';

const CASES: LagCase[] = [
  { label: '720p25, no B-frames', size: '1280x720', bFrames: 0 },
  { label: '1080p25, x264 defaults', size: '1920x1080', bFrames: 3, x264Defaults: true },
];
const FLV_FORM = 'now: FLV with the camera clock';
const FRAME_MS = 40;

// A raw H.264 TCP camera playing a recording in a loop in real time, one access unit per
// 40 ms, to whoever is connected (a client joining mid-GOP waits for the next IDR).
async function serveRecording(units: AccessUnit[]): Promise<{ port: number; close: () => void }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const started = performance.now();
  let sent = 0;
  const timer = setInterval(() => {
    for (const due = Math.floor((performance.now() - started) / FRAME_MS); sent <= due; sent++) {
      const bytes = joinAnnexB(units[sent % units.length]!.nals);
      for (const socket of sockets) socket.write(bytes);
    }
  }, 10);
  const close = () => {
    clearInterval(timer);
    for (const socket of sockets) socket.destroy();
    server.close();
  };
  return { port: (server.address() as AddressInfo).port, close };
}

export async function printCameras(cacheDir: string, seconds: number): Promise<void> {
  console.log(`bench:ingest cameras — raw TCP camera → worker reader → ffmpeg, 2 s GOP, 4 Mbit/s; CPU over ${seconds} s (% of one core = ms of CPU per s of video ÷ 10), lag over 24 s fed in real time\n`);
  const rows: { label: string; cpuPct: number; first: number; steady: number }[] = [];
  for (const testCase of CASES) {
    const units = sampleUnits(cacheDir, testCase);
    const camera = await serveRecording(units);
    let cpu;
    try {
      cpu = await measureWorkerCpu({ label: testCase.label.padEnd(24), source: `tcp://127.0.0.1:${camera.port}`, seconds });
    } finally {
      camera.close();
    }
    const lag = await measureLag(cacheDir, testCase, FLV_FORM, mkdtempSync(join(tmpdir(), 'lookout-lag-')));
    const steadyLags = lag.lagsMs.slice(2).sort((a, b) => a - b);
    const row = { label: testCase.label, cpuPct: cpu.totalPct, first: lag.lagsMs[0] ?? Number.NaN, steady: steadyLags[Math.floor(steadyLags.length / 2)] ?? Number.NaN };
    rows.push(row);
    console.log(cpu.line);
    console.log(`${''.padEnd(24)} | CPU ${Math.round(row.cpuPct * 10)} ms per s of video | lag: segment 1 ${Math.round(row.first)} ms, steady median ${Math.round(row.steady)} ms${lag.error ? ` (ffmpeg: ${lag.error})` : ''}`);
  }
  const [base, ...others] = rows;
  for (const row of others) {
    const ratio = (a: number, b: number) => (b > 0 ? `×${(a / b).toFixed(2)}` : 'n/a');
    console.log(`\n${row.label} vs ${base!.label}: CPU ${ratio(row.cpuPct, base!.cpuPct)}, lag segment 1 ${ratio(row.first, base!.first)}, steady ${ratio(row.steady, base!.steady)}`);
  }
}
