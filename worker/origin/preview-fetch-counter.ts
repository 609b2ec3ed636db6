import { attributePreviewFetch } from '../../lib/analytics/match-portal.ts';
import type { OriginEvent } from '../../lib/origin-events.ts';

const HOUR_MS = 3_600_000;

export type PreviewFetchCounter = {
  count: (cameraId: string, src: string | null, userAgent: string | undefined, at?: number) => void;
  emit: () => void;
  stop: () => void;
};

// preview.jpg fetches that reach the origin, per camera, UTC hour and portal, counted in memory
// and handed every `intervalMs` to `append` as `preview-fetches` events (the worker's journal,
// which the site pulls). The User-Agent is used for attribution only, never kept.
export function createPreviewFetchCounter(append: (event: OriginEvent) => void, intervalMs = 60_000): PreviewFetchCounter {
  let counts = new Map<string, { cameraId: string; hour: string; portal: string; fetches: number }>();
  const emit = () => {
    const batch = counts;
    counts = new Map();
    for (const row of batch.values()) append({ type: 'preview-fetches', ...row });
  };
  const timer = setInterval(emit, intervalMs);
  timer.unref();
  return {
    count(cameraId, src, userAgent, at = Date.now()) {
      const hour = new Date(Math.floor(at / HOUR_MS) * HOUR_MS).toISOString();
      const portal = attributePreviewFetch(src, userAgent);
      const key = `${cameraId}|${hour}|${portal}`;
      const row = counts.get(key) ?? { cameraId, hour, portal, fetches: 0 };
      row.fetches++;
      counts.set(key, row);
    },
    emit,
    stop() {
      clearInterval(timer);
      emit();
    },
  };
}
