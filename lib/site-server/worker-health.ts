import { getConfig } from '../config/index.ts';
import { getEnv } from '../env.ts';
import type { CameraState, StreamSummary, WorkerStatus } from '../health.ts';
import { privateOriginHeaders } from './origin-client.ts';

export type SiteHealth = {
  ok: boolean;
  worker: 'up' | 'down';
  cameras: { id: string; name: string; state: CameraState | 'unknown'; reason: string; newestSegmentAgeSeconds: number | null; stream: StreamSummary | null }[];
};

// Healthy means: the worker answers and every configured camera is live.
export async function getWorkerHealth(timeoutMs = 2000): Promise<SiteHealth> {
  const cameras = getConfig().cameras;
  let status: WorkerStatus | undefined;
  try {
    const response = await fetch(`${getEnv().ORIGIN_URL}/status.json`, { headers: privateOriginHeaders(), cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    if (response.ok) status = (await response.json()) as WorkerStatus;
  } catch {
    status = undefined;
  }
  const rows = cameras.map((camera) => {
    const s = status?.cameras.find((c) => c.id === camera.id);
    return {
      id: camera.id,
      name: camera.name,
      state: s?.state ?? ('unknown' as const),
      reason: s ? s.hint ?? s.reason : 'worker not reachable',
      newestSegmentAgeSeconds: s?.newestSegmentAgeSeconds ?? null,
      stream: s?.stream ?? null, // for the owner's dashboard only
    };
  });
  // `reconnecting` still serves fresh video (its newest segment is under 2 × segment old).
  return { ok: status !== undefined && rows.every((r) => r.state === 'live' || r.state === 'reconnecting'), worker: status ? 'up' : 'down', cameras: rows };
}

// What /api/health tells the world: states and ages only. A reason can name the camera's
// address and stream path ("starting ingest from rtsp://192.168.1.20/…"); it is for the owner.
export type PublicHealth = { ok: boolean; worker: 'up' | 'down'; cameras: Omit<SiteHealth['cameras'][number], 'reason' | 'stream'>[] };

export function toPublicHealth(health: SiteHealth): PublicHealth {
  return { ok: health.ok, worker: health.worker, cameras: health.cameras.map(({ id, name, state, newestSegmentAgeSeconds }) => ({ id, name, state, newestSegmentAgeSeconds })) };
}
