import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { CameraState, CameraStatus, WorkerStatus } from '../../lib/health.ts';
import type { IngestCpu } from './process-cpu.ts';

export type WorkerMetricSources = {
  status: () => WorkerStatus;
  ingestCpu: IngestCpu;
  snapshotAgeSeconds: (cameraId: string) => number | null;
};

const STATES: CameraState[] = ['starting', 'live', 'reconnecting', 'offline', 'stopped'];

// The worker's /metrics, read from its live state at each scrape. The registry belongs to one
// running worker (a worker process runs one; tests start several in one process).
export function createWorkerMetrics(sources: WorkerMetricSources): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lookout_worker_' });
  const cameras = () => sources.status().cameras;
  const gauge = (name: string, help: string, value: (c: CameraStatus) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames: ['camera'],
      registers: [registry],
      collect() {
        this.reset();
        for (const c of cameras()) {
          const v = value(c);
          if (v !== null) this.set({ camera: c.id }, v);
        }
      },
    });
  const counter = (name: string, help: string, value: (c: CameraStatus) => number) =>
    new Counter({
      name,
      help,
      labelNames: ['camera'],
      registers: [registry],
      collect() {
        this.reset(); // the worker keeps the running totals; the counter reports them
        for (const c of cameras()) this.inc({ camera: c.id }, value(c));
      },
    });

  new Gauge({
    name: 'lookout_camera_state',
    help: 'The camera state: 1 for the current one (starting, live, reconnecting, offline, stopped)',
    labelNames: ['camera', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const c of cameras()) for (const state of STATES) this.set({ camera: c.id, state }, c.state === state ? 1 : 0);
    },
  });
  gauge('lookout_camera_up', '1 while the camera serves fresh video (live or reconnecting)', (c) => (c.state === 'live' || c.state === 'reconnecting' ? 1 : 0));
  gauge('lookout_camera_newest_segment_age_seconds', 'Seconds since the newest published segment was complete', (c) => c.newestSegmentAgeSeconds);
  gauge('lookout_camera_input_bitrate_bits_per_second', "The camera's bitrate over the newest segment", (c) => (c.inputBitrateKbps === null ? null : c.inputBitrateKbps * 1000));
  gauge('lookout_camera_snapshot_age_seconds', 'Age of the newest preview.jpg picture', (c) => sources.snapshotAgeSeconds(c.id));
  counter('lookout_camera_segments_published_total', 'Segments published to the playlist', (c) => c.segmentsPublished);
  counter('lookout_camera_segments_dropped_total', 'Damaged segments dropped before publishing', (c) => c.segmentsDropped);
  counter('lookout_camera_restarts_total', 'Ingest restarts', (c) => c.restarts);
  counter('lookout_camera_ffmpeg_cpu_seconds_total', "CPU time used by the camera's ingest ffmpeg", (c) => sources.ingestCpu.totalSeconds(c.id));
  return registry;
}
