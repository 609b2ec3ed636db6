import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CameraSimulatorOptions } from '../simulator/camera-simulator.ts';
import { startWorker, type RunningWorker } from '../start-worker.ts';
import type { CameraInput } from '../../lib/config/camera-schema.ts';
import { parseConfig } from '../../lib/config/load-config.ts';
import type { CameraState, HealthEventKind } from '../../lib/health.ts';
import { PlaylistSampler, type SamplerReport } from '../../lib/testing/playlist-sampler.ts';
import { spawnSimulator, type SimulatorProcess } from './simulator-process.ts';

export type RigEvent = { cameraId: string; kind: HealthEventKind; detail: string; at: number };
export type RigCamera = Omit<CameraInput, 'source' | 'name'> & { source: (sim: SimulatorProcess) => string; name?: string };

export type FaultRig = {
  sim: SimulatorProcess;
  worker: RunningWorker;
  dataDir: string;
  events: RigEvent[];
  samplers: Map<string, PlaylistSampler>;
  state: (cameraId: string) => CameraState;
  stop: () => Promise<Map<string, SamplerReport>>;
};

// A simulated camera and a real worker ingesting from it, with every camera's public
// playlist sampled and checked from the first second: what the fault tests stand on.
export async function startFaultRig(cameras: RigCamera[], options: { sim?: CameraSimulatorOptions; beforeWorker?: (sim: SimulatorProcess) => Promise<unknown> } = {}): Promise<FaultRig> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lookout-faults-'));
  const sim = await spawnSimulator({ width: 640, height: 360, bitrateKbps: 1200, ...options.sim });
  await options.beforeWorker?.(sim);
  const config = parseConfig({ cameras: cameras.map((c) => ({ ...c, name: c.name ?? c.id, source: c.source(sim) })) });
  const events: RigEvent[] = [];
  const worker = await startWorker({ config, dataDir, ffmpegPath: 'ffmpeg', originHost: '127.0.0.1', originPort: 0, recordEvent: (e) => events.push({ ...e, at: Date.now() }) });
  const samplers = new Map(config.cameras.map((c) => [c.id, new PlaylistSampler(`${worker.originUrl}/hls/${c.id}`, dataDir).start()]));
  let stopped: Promise<Map<string, SamplerReport>> | undefined;
  const stopAll = async () => {
    const reports = new Map(await Promise.all([...samplers].map(async ([id, s]) => [id, await s.stop()] as const)));
    await worker.stop();
    await sim.stop();
    return reports;
  };
  return { sim, worker, dataDir, events, samplers, state: (cameraId) => worker.health.state(cameraId), stop: () => (stopped ??= stopAll()) };
}

// Samples a camera's health state every 250 ms; returns the share of samples that were live.
export function trackLiveShare(rig: FaultRig, cameraId: string): () => number {
  let live = 0;
  let total = 0;
  const timer = setInterval(() => {
    total++;
    if (rig.state(cameraId) === 'live') live++;
  }, 250);
  return () => {
    clearInterval(timer);
    return total === 0 ? 0 : live / total;
  };
}
