// The stream health shape shared by the worker (which produces it) and the site (which shows it).
// starting → live → reconnecting (ingest lost, restarting) → offline (no video for 2 × segment).
export type CameraState = 'starting' | 'live' | 'reconnecting' | 'offline' | 'stopped';
export type HealthEventKind = 'starting' | 'live' | 'reconnecting' | 'stalled' | 'restarted' | 'offline' | 'dropped';

export type CameraStatus = {
  id: string;
  name: string;
  source: string; // redacted
  state: CameraState;
  since: string;
  reason: string;
  hint: string | null;
  restarts: number;
  segmentsPublished: number;
  segmentsDropped: number;
  newestSegmentAt: string | null;
  newestSegmentAgeSeconds: number | null;
  inputBitrateKbps: number | null;
};

export type WorkerStatus = { generatedAt: string; cameras: CameraStatus[] };
