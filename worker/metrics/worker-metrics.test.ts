import { describe, expect, it } from 'vitest';
import type { CameraStatus } from '../../lib/health.ts';
import { IngestCpu, readCpuSeconds } from './process-cpu.ts';
import { createWorkerMetrics } from './worker-metrics.ts';

const camera = (over: Partial<CameraStatus>): CameraStatus => ({ id: 'roof', name: 'Roof', source: '', state: 'live', since: '', reason: '', hint: null, restarts: 2, segmentsPublished: 40, segmentsDropped: 1, newestSegmentAt: null, newestSegmentAgeSeconds: 1.5, inputBitrateKbps: 800, stream: null, ...over });

describe('worker metrics', () => {
  it('report each camera from the live state at every scrape, under Prometheus names', async () => {
    const cameras = [camera({}), camera({ id: 'gate', state: 'offline', newestSegmentAgeSeconds: null, inputBitrateKbps: null, restarts: 7 })];
    const cpu = new IngestCpu();
    cpu.track('roof', process.pid); // any live process does: its /proc/<pid>/stat is read
    const registry = createWorkerMetrics({ status: () => ({ generatedAt: '', cameras }), ingestCpu: cpu, snapshotAgeSeconds: (id) => (id === 'roof' ? 4 : null) });
    let text = await registry.metrics();
    expect(text).toMatch(/^lookout_camera_up\{camera="roof"\} 1$/m);
    expect(text).toMatch(/^lookout_camera_up\{camera="gate"\} 0$/m);
    expect(text).toMatch(/^lookout_camera_state\{camera="gate",state="offline"\} 1$/m);
    expect(text).toMatch(/^lookout_camera_state\{camera="gate",state="live"\} 0$/m);
    expect(text).toMatch(/^lookout_camera_newest_segment_age_seconds\{camera="roof"\} 1\.5$/m);
    expect(text).not.toMatch(/^lookout_camera_newest_segment_age_seconds\{camera="gate"\}/m);
    expect(text).toMatch(/^lookout_camera_input_bitrate_bits_per_second\{camera="roof"\} 800000$/m);
    expect(text).toMatch(/^lookout_camera_snapshot_age_seconds\{camera="roof"\} 4$/m);
    expect(text).toMatch(/^lookout_camera_segments_published_total\{camera="roof"\} 40$/m);
    expect(text).toMatch(/^lookout_camera_segments_dropped_total\{camera="roof"\} 1$/m);
    expect(text).toMatch(/^lookout_camera_restarts_total\{camera="gate"\} 7$/m);
    expect(text).toMatch(/^lookout_camera_ffmpeg_cpu_seconds_total\{camera="roof"\} [0-9.]+$/m);
    expect(text).toMatch(/^lookout_worker_process_resident_memory_bytes \d+$/m);
    for (const line of text.match(/^# TYPE \S+ counter$/gm) ?? []) expect(line).toMatch(/_total counter$/);
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) expect(line).toMatch(/^lookout_/);

    cameras[0] = camera({ segmentsPublished: 41 });
    text = await registry.metrics();
    expect(text).toMatch(/^lookout_camera_segments_published_total\{camera="roof"\} 41$/m); // the total, not 40 + 41
  });

  it('adds up ffmpeg CPU across restarts, and keeps the total once a process is gone', () => {
    expect(readCpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(readCpuSeconds(2 ** 22 + 1)).toBeNull();
    const cpu = new IngestCpu();
    cpu.track('roof', process.pid);
    const first = cpu.totalSeconds('roof');
    expect(first).toBeGreaterThan(0);
    cpu.track('roof', 2 ** 22 + 1); // the restarted ffmpeg, already gone
    const kept = cpu.totalSeconds('roof');
    expect(kept).toBeGreaterThanOrEqual(first);
    expect(cpu.totalSeconds('roof')).toBe(kept);
    expect(cpu.totalSeconds('gate')).toBe(0);
  });
});
