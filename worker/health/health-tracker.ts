import type { Camera } from '../../lib/cameras.ts';
import type { CameraState, CameraStatus, HealthEventKind, StreamSummary, WorkerStatus } from '../../lib/health.ts';
import { redactText } from '../../lib/redact.ts';

export type HealthEventSink = (event: { cameraId: string; kind: HealthEventKind; detail: string }) => void;

type Entry = Omit<CameraStatus, 'newestSegmentAgeSeconds' | 'newestSegmentAt'> & { newestSegmentMs: number | null; secrets: string[] };

// In-memory health of every camera, with each transition also written as an event.
export class HealthTracker {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly sink: HealthEventSink, private readonly now: () => number = Date.now) {}

  add(camera: Camera): void {
    this.entries.set(camera.id, {
      id: camera.id,
      name: camera.name,
      source: camera.publicSource,
      state: 'stopped',
      since: new Date(this.now()).toISOString(),
      reason: 'not started',
      hint: null,
      restarts: 0,
      segmentsPublished: 0,
      segmentsDropped: 0,
      newestSegmentMs: null,
      inputBitrateKbps: null,
      stream: null,
      secrets: camera.secrets,
    });
  }

  state(cameraId: string): CameraState {
    return this.get(cameraId).state;
  }

  setState(cameraId: string, state: CameraState, reason: string): void {
    const entry = this.get(cameraId);
    if (entry.state === state) return;
    Object.assign(entry, { state, reason: this.clean(entry, reason), since: new Date(this.now()).toISOString() });
    if (state !== 'stopped') this.sink({ cameraId, kind: state, detail: entry.reason });
  }

  event(cameraId: string, kind: HealthEventKind, detail: string): void {
    const entry = this.get(cameraId);
    if (kind === 'restarted') entry.restarts += 1;
    if (kind === 'dropped') entry.segmentsDropped += 1;
    this.sink({ cameraId, kind, detail: this.clean(entry, detail) });
  }

  hint(cameraId: string): string | null {
    return this.get(cameraId).hint;
  }

  setHint(cameraId: string, hint: string | null): void {
    const entry = this.get(cameraId);
    entry.hint = hint === null ? null : this.clean(entry, hint);
  }

  // `completedAt`: when the camera's last frame of it arrived (checking may publish it later).
  segmentPublished(cameraId: string, bytes: number, durationSeconds: number, completedAt = this.now()): void {
    const entry = this.get(cameraId);
    entry.segmentsPublished += 1;
    entry.newestSegmentMs = Math.max(entry.newestSegmentMs ?? 0, completedAt);
    entry.inputBitrateKbps = durationSeconds > 0 ? Math.round((bytes * 8) / durationSeconds / 1000) : null;
  }

  setStream(cameraId: string, stream: StreamSummary | null): void {
    this.get(cameraId).stream = stream;
  }

  stream(cameraId: string): StreamSummary | null {
    return this.get(cameraId).stream;
  }

  newestSegmentAgeMs(cameraId: string): number | null {
    const newest = this.get(cameraId).newestSegmentMs;
    return newest === null ? null : this.now() - newest;
  }

  snapshot(): WorkerStatus {
    const now = this.now();
    const cameras = [...this.entries.values()].map(({ newestSegmentMs, secrets: _secrets, ...rest }) => ({
      ...rest,
      newestSegmentAt: newestSegmentMs === null ? null : new Date(newestSegmentMs).toISOString(),
      newestSegmentAgeSeconds: newestSegmentMs === null ? null : Math.round((now - newestSegmentMs) / 100) / 10,
    }));
    return { generatedAt: new Date(now).toISOString(), cameras };
  }

  private get(cameraId: string): Entry {
    const entry = this.entries.get(cameraId);
    if (!entry) throw new Error(`unknown camera ${cameraId}`);
    return entry;
  }

  private clean(entry: Entry, text: string): string {
    return redactText(text, entry.secrets).slice(0, 500);
  }
}
