// The stream health shape shared by the worker (which produces it) and the site (which shows it).
// starting → live → reconnecting (ingest lost, restarting) → offline (no video for 2 × segment).
export type CameraState = 'starting' | 'live' | 'reconnecting' | 'offline' | 'stopped';
export type HealthEventKind = 'starting' | 'live' | 'reconnecting' | 'stalled' | 'restarted' | 'offline' | 'dropped';

// What the camera really sends, as the worker's reader sees it (RTSP and raw TCP cameras).
export type StreamSummary = {
  codec: 'H.264';
  profile: string | null;
  level: string | null;
  width: number | null;
  height: number | null;
  frameRate: number | null; // as measured from the timestamps
  frameRateSource: string; // rtp, sps, config or arrival
  vuiFrameRate: number | null;
  gopFrames: number | null;
  gopSeconds: number | null;
  bFrames: boolean;
  reorderDepth: number | null;
  bitrateKbps: number | null;
  frames: number;
  keyframes: number;
  losses: number; // damage or gaps found in the stream
  droppedFrames: number; // frames left out: damaged, or waiting for the next IDR
  // RTSP cameras that send RTCP sender reports: their clock minus ours, and whether it is
  // close enough to date segments by (worker/ingest/feed/camera-clock.ts).
  cameraClock: { offsetMs: number; used: boolean } | null;
};

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
  stream: StreamSummary | null;
};

export type WorkerStatus = { generatedAt: string; cameras: CameraStatus[] };
